"""Choices of the continuïteit workflow, in the users' own words."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Situatie(models.TextChoices):
    UITVAL = "uitval", _("Uitval door ziekte of calamiteit")
    DRUKTE = "drukte", _("Drukte of piek")
    PERSONEELSTEKORT = "personeelstekort", _("Personeelstekort")
    AFWEZIGHEID = "afwezigheid", _("Afwezigheid door vakantie of scholing")


class Zorgsoort(models.TextChoices):
    ACUTE_ZORG = "acute_zorg", _("Acute zorg en spoed")
    TELEFONIE = "telefonie", _("Telefonische bereikbaarheid en triage")
    SPREEKUUR = "spreekuur", _("Spreekuur")
    VISITES = "visites", _("Visites")
    HERHAALRECEPTEN = "herhaalrecepten", _("Herhaalrecepten")
    PALLIATIEF = "palliatief", _("Palliatieve zorg")


class Opvangvorm(models.TextChoices):
    SAMEN = "samen", _("Vaste opvang (een buurpraktijk of een groep)")
    ROOSTER = "rooster", _("Rooster per week (de praktijken wisselen elkaar af)")


class MeldingStatus(models.TextChoices):
    OPEN = "open", _("Open")
    BEEINDIGD = "beeindigd", _("Beëindigd")


class Antwoord(models.TextChoices):
    OPEN = "open", _("Nog geen antwoord")
    BEVESTIGD = "bevestigd", _("Opvang bevestigd")
    KAN_NIET = "kan_niet", _("Kan niet")


class Oordeel(models.TextChoices):
    GOED = "goed", _("Ging goed")
    KAN_BETER = "kan_beter", _("Kan beter")
    KNELPUNT = "knelpunt", _("Knelpunt")


# The name of the theme whose SMART-afspraken an opvangafspraak can implement (samenwerking/seeds.py).
THEMA_OPVANG = "Opvang van patiënten"


def zorg_labels(codes) -> list[str]:
    """The users' words for a list of care codes."""
    return [str(Zorgsoort(z).label) for z in codes]
