"""What each role's home page shows, read in a fixed number of queries."""

from __future__ import annotations

from django.db.models import Count, Q
from django.utils import timezone

from monitoring.constants import BezoekStatus, ResponsStatus
from monitoring.models import Praktijkbezoek, Respons, Ronde
from samenwerking.constants import AfspraakStatus, OverlegStatus, VerbandSoort
from samenwerking.models import Afspraak, Overleg, Samenwerkingsverband
from samenwerking.selectors import gebied_list, mijn_praktijk_context, verband_list
from wijken.models import Gebied, Gemeente, Praktijk, Wijk
from zio_portal.models import User
from zio_portal.permissions import is_gebiedsmanager, is_praktijkmedewerker


def regio_kerncijfers() -> dict[str, int]:
    """Region-wide key figures for this year."""
    jaar = timezone.localdate().year
    verbanden = Samenwerkingsverband.objects.filter(actief=True).aggregate(
        huisartsen=Count("pk", filter=Q(soort=VerbandSoort.HUISARTSEN)),
        wsv=Count("pk", filter=Q(soort=VerbandSoort.MULTIDISCIPLINAIR)),
    )
    afspraken = Afspraak.objects.aggregate(
        actief=Count("pk", filter=Q(status=AfspraakStatus.ACTIEF)),
        geborgd=Count("pk", filter=Q(status=AfspraakStatus.GEBORGD)),
    )
    laatste_ronde = Ronde.objects.order_by("-vragenlijst__jaar").first()
    respons = (
        Respons.objects.filter(ronde=laatste_ronde, status=ResponsStatus.INGEDIEND).count()
        if laatste_ronde
        else 0
    )
    return {
        "gemeenten": Gemeente.objects.count(),
        "gebieden": Gebied.objects.count(),
        "wijken": Wijk.objects.count(),
        "praktijken": Praktijk.objects.filter(actief=True).count(),
        "huisartsenverbanden": verbanden["huisartsen"],
        "wsv": verbanden["wsv"],
        "afspraken_actief": afspraken["actief"],
        "afspraken_geborgd": afspraken["geborgd"],
        "overleggen_dit_jaar": Overleg.objects.filter(
            status=OverlegStatus.GEHOUDEN, datum__year=jaar
        ).count(),
        "bezoeken_dit_jaar": Praktijkbezoek.objects.filter(
            status=BezoekStatus.GEHOUDEN, gehouden_op__year=jaar
        ).count(),
        "ronde": laatste_ronde,
        "respons_ingediend": respons,
        "jaar": jaar,
    }


def home_context(*, user: User) -> dict:
    """The data of the home page of this user's role."""
    if is_praktijkmedewerker(user):
        return mijn_praktijk_context(user=user)
    if is_gebiedsmanager(user):
        return {
            "gebieden": gebied_list(user=user),
            "verbanden": verband_list(user=user).filter(soort=VerbandSoort.MULTIDISCIPLINAIR),
        }
    return {"kerncijfers": regio_kerncijfers(), "gebieden": gebied_list(user=user)}
