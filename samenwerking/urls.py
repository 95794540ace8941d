"""The URL module of the samenwerking app: one list per workflow, all in the ``samenwerking`` namespace."""

from .afspraken import urls as afspraak_urls
from .continuiteit import urls as continuiteit_urls
from .overleggen import urls as overleg_urls
from .samenstelling import urls as samenstelling_urls
from .terugkoppeling import urls as terugkoppeling_urls
from .verbanden import urls as verband_urls

app_name = "samenwerking"

urlpatterns = [
    *verband_urls.urlpatterns,
    *afspraak_urls.urlpatterns,
    *samenstelling_urls.urlpatterns,
    *terugkoppeling_urls.urlpatterns,
    *overleg_urls.urlpatterns,
    *continuiteit_urls.urlpatterns,
]
