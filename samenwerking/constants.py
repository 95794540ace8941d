from django.db import models
from django.utils.translation import gettext_lazy as _


class VerbandSoort(models.TextChoices):
    HUISARTSEN = "huisartsen", _("Huisartsen-wijksamenwerkingsverband")
    MULTIDISCIPLINAIR = "multidisciplinair", _("Multidisciplinair wijksamenwerkingsverband (WSV)")


class Overlegvorm(models.TextChoices):
    FYSIEK = "fysiek", _("Fysiek")
    ONLINE = "online", _("Online")
    HYBRIDE = "hybride", _("Hybride")


class OverlegSoort(models.TextChoices):
    """The kind of meeting (the overlegvormen of a wijk in the Handreiking, seed 002)."""

    WSV = "wsv", _("WSV-overleg")
    MDO = "mdo", _("MDO (multidisciplinair overleg)")
    FTO = "fto", _("FTO (farmacotherapeutisch overleg)")
    DTO = "dto", _("DTO (diagnostisch toetsoverleg)")
    INTERVISIE = "intervisie", _("Intervisie")


class Fase(models.TextChoices):
    PLAN = "plan", _("Plan")
    DO = "do", _("Do")
    CHECK = "check", _("Check")
    ACT = "act", _("Act")
    CHECK_ACT = "check_act", _("Check/Act")


class StapStatus(models.TextChoices):
    NIET_GESTART = "niet_gestart", _("Niet gestart")
    GESTART = "gestart", _("Gestart")
    AFGEROND = "afgerond", _("Afgerond")


class AfspraakStatus(models.TextChoices):
    CONCEPT = "concept", _("Concept")
    ACTIEF = "actief", _("Actief")
    GEBORGD = "geborgd", _("Geborgd")
    VERVANGEN = "vervangen", _("Vervangen door nieuwe versie")
    BEEINDIGD = "beeindigd", _("Beëindigd")


class Implementatiestatus(models.TextChoices):
    NIET_GESTART = "niet_gestart", _("Nog niet gestart")
    INGEVOERD = "ingevoerd", _("Ingevoerd")
    NIET_VAN_TOEPASSING = "niet_van_toepassing", _("Niet van toepassing")


class Nageleefd(models.TextChoices):
    JA = "ja", _("Ja")
    DEELS = "deels", _("Deels")
    NEE = "nee", _("Nee")


class Besluit(models.TextChoices):
    VOORTZETTEN = "voortzetten", _("Voortzetten")
    AANSCHERPEN = "aanscherpen", _("Aanscherpen")
    UITBREIDEN = "uitbreiden", _("Uitbreiden")
    BEEINDIGEN = "beeindigen", _("Beëindigen")
    BORGEN = "borgen", _("Borgen")


class OverlegStatus(models.TextChoices):
    GEPLAND = "gepland", _("Gepland")
    GEHOUDEN = "gehouden", _("Gehouden")
    GEANNULEERD = "geannuleerd", _("Geannuleerd")


class VerzendSoort(models.TextChoices):
    UITNODIGING = "uitnodiging", _("Uitnodiging")
    ANNULERING = "annulering", _("Annulering")
    NOTULEN = "notulen", _("Notulen")


class Aanwezig(models.TextChoices):
    AANWEZIG = "aanwezig", _("Aanwezig")
    AFWEZIG = "afwezig", _("Afwezig")
    AFGEMELD = "afgemeld", _("Afgemeld")


class ActiepuntStatus(models.TextChoices):
    OPEN = "open", _("Open")
    AFGEROND = "afgerond", _("Afgerond")
    VERVALLEN = "vervallen", _("Vervallen")


class KnelpuntSoort(models.TextChoices):
    KNELPUNT = "knelpunt", _("Knelpunt")
    INZICHT = "inzicht", _("Inzicht")
    GOED_VOORBEELD = "goed_voorbeeld", _("Goed voorbeeld")


class KnelpuntStatus(models.TextChoices):
    OPEN = "open", _("Open")
    OPGELOST = "opgelost", _("Opgelost")


class SamenwerkingMate(models.TextChoices):
    AL = "al", _("Werken we al mee samen")
    DEELS = "deels", _("Werken we deels mee samen")
    NOG_NIET = "nog_niet", _("Werken we nog niet mee samen")


class TerugkoppelingStatus(models.TextChoices):
    CONCEPT = "concept", _("Concept")
    VERZONDEN = "verzonden", _("Verzonden naar projectleider")


# The standing agenda item of every WSV meeting (seed 001).
VAST_AGENDAPUNT = _("Patiëntgerichte zorg")
NORM_OVERLEGGEN_PER_JAAR = 4
