"""The monitoring's URLs (namespace "monitoring"): one list per workflow. The regionale rapportage has
its own namespace ("rapportage", monitoring/rapportage/urls.py, included by the project's urls)."""

from .bezoeken.urls import urlpatterns as bezoeken
from .vragenlijsten.urls import urlpatterns as vragenlijsten
from .wijkplannen.urls import urlpatterns as wijkplannen

app_name = "monitoring"

urlpatterns = vragenlijsten + bezoeken + wijkplannen
