"""Choices of the wijkplan workflow."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class WijkplanStatus(models.TextChoices):
    CONCEPT = "concept", _("Concept")
    VASTGESTELD = "vastgesteld", _("Vastgesteld")


class ScanSoort(models.TextChoices):
    ZORGVRAAG = "zorgvraag", _("Belangrijkste zorgvraag")
    KWETSBARE_GROEP = "kwetsbare_groep", _("Kwetsbare groep")
    WIJKKNELPUNT = "wijkknelpunt", _("Wijkknelpunt")
    GEZONDHEIDSVRAAGSTUK = "gezondheidsvraagstuk", _("Beïnvloedbaar gezondheidsvraagstuk")


class ActieStatus(models.TextChoices):
    OPEN = "open", _("Nog niet gestart")
    BEZIG = "bezig", _("Bezig")
    AFGEROND = "afgerond", _("Afgerond")
    VERVALLEN = "vervallen", _("Vervallen")


class AfstemmingMet(models.TextChoices):
    REGIO = "regio", _("Regionale organisatie")
    ANDERE_WIJK = "andere_wijk", _("Andere wijk")
    GEMEENTE = "gemeente", _("Gemeente")
    ZORGVERZEKERAAR = "zorgverzekeraar", _("Zorgverzekeraar")


class Behaald(models.TextChoices):
    BEHAALD = "behaald", _("Behaald")
    DEELS = "deels", _("Deels behaald")
    NIET = "niet", _("Niet behaald")


class SoortRegio(models.TextChoices):
    LAND = "land", _("Nederland")
    GEMEENTE = "gemeente", _("Gemeente")
    WIJK = "wijk", _("Wijk")
