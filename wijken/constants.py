from django.db import models
from django.utils.translation import gettext_lazy as _


class Beroepsgroep(models.TextChoices):
    HUISARTS = "huisarts", _("Huisarts")
    APOTHEKER = "apotheker", _("Apotheker")
    FYSIOTHERAPEUT = "fysiotherapeut", _("Fysiotherapeut")
    DIETIST = "dietist", _("Diëtist")
    WIJKVERPLEEGKUNDIGE = "wijkverpleegkundige", _("Wijkverpleegkundige")
    SOCIAAL_DOMEIN = "sociaal_domein", _("Sociaal domein")
    GGZ = "ggz", _("GGZ")
    ERGOTHERAPEUT = "ergotherapeut", _("Ergotherapeut")
    LOGOPEDIST = "logopedist", _("Logopedist")
    VERLOSKUNDIGE = "verloskundige", _("Verloskundige")
    OVERIG = "overig", _("Overig")


# The beroepsgroepen a multidisciplinary WSV is expected to have a delegate of (seed 001); the
# social domain must always be linked.
KERN_BEROEPSGROEPEN = (
    Beroepsgroep.HUISARTS,
    Beroepsgroep.APOTHEKER,
    Beroepsgroep.FYSIOTHERAPEUT,
    Beroepsgroep.DIETIST,
    Beroepsgroep.WIJKVERPLEEGKUNDIGE,
    Beroepsgroep.SOCIAAL_DOMEIN,
)


class Functie(models.TextChoices):
    PRAKTIJKMANAGER = "praktijkmanager", _("Praktijkmanager")
    HUISARTS = "huisarts", _("Huisarts")
    PRAKTIJKHOUDER = "praktijkhouder", _("Praktijkhouder")
    POH = "poh", _("Praktijkondersteuner")
    ASSISTENT = "assistent", _("Doktersassistent")


# Practice staff who act for the practice in a verband (DOMAIN.md: praktijkmanager / huisarts).
BEWERKENDE_FUNCTIES = (Functie.PRAKTIJKMANAGER, Functie.HUISARTS, Functie.PRAKTIJKHOUDER)
