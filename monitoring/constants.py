from django.db import models
from django.utils.translation import gettext_lazy as _

from zio_portal.achtergrond import Status


class VraagType(models.TextChoices):
    SCHAAL = "schaal", _("Schaal 1–5")
    JA_NEE = "ja_nee", _("Ja/nee")
    MEERKEUZE = "meerkeuze", _("Meerkeuze")
    GETAL = "getal", _("Getal")
    OPEN = "open", _("Open tekst")


class ResponsStatus(models.TextChoices):
    CONCEPT = "concept", _("Concept")
    INGEDIEND = "ingediend", _("Ingediend")


class ResponsBron(models.TextChoices):
    PORTAAL = "portaal", _("Ingevuld in het portaal")
    IMPORT = "import", _("Geïmporteerd")


class BezoekStatus(models.TextChoices):
    GEPLAND = "gepland", _("Gepland")
    GEHOUDEN = "gehouden", _("Gehouden")
    GEANNULEERD = "geannuleerd", _("Geannuleerd")


class Ondersteuningscategorie(models.TextChoices):
    ORGANISATIE = "organisatie", _("Organisatie van de samenwerking")
    CONTINUITEIT = "continuiteit", _("Continuïteit en waarneming")
    PERSONEEL = "personeel", _("Personeel en arbeidsmarkt")
    ICT = "ict", _("ICT en gegevensuitwisseling")
    BEDRIJFSVOERING = "bedrijfsvoering", _("Bedrijfsvoering")
    KWALITEIT = "kwaliteit", _("Zorgaanbod en kwaliteit")
    SOCIAAL_DOMEIN = "sociaal_domein", _("Samenwerking met sociaal domein")
    OVERIG = "overig", _("Overig")


# The states of a background job (the kernel's one machinery for background files).
RapportageStatus = Status


class ScopeSoort(models.TextChoices):
    REGIO = "regio", _("Regio")
    GEBIED = "gebied", _("Gebied")
    WIJK = "wijk", _("Wijk")
