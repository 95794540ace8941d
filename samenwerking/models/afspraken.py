"""SMART-afspraken, their implementation per practice and their evaluations."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from wijken.models import Praktijk
from wijken.validators import NIET_LEEG
from zio_portal.invoer import datum_in_bereik

from ..constants import (
    AfspraakStatus,
    Besluit,
    Implementatiestatus,
    Nageleefd,
)
from ..querysets import AfspraakQuerySet
from .verbanden import Samenwerkingsverband, Thema

User = settings.AUTH_USER_MODEL

# A measurable criterion: a number or percentage, or a yes/no criterion.
_GETAL = re.compile(r"\d")
_JA_NEE = re.compile(r"\b(ja|nee|ja/nee|wel/niet)\b", re.IGNORECASE)


class Afspraak(models.Model):
    """A SMART-afspraak within a verband. Sharpening or extending makes a new version."""

    verband = models.ForeignKey(
        Samenwerkingsverband, on_delete=models.PROTECT, related_name="afspraken", verbose_name=_("verband")
    )
    thema = models.ForeignKey(
        Thema, on_delete=models.PROTECT, related_name="afspraken", verbose_name=_("thema")
    )
    titel = models.CharField(_("titel"), max_length=200)
    specifiek = models.TextField(_("specifiek"), help_text=_("Wat spreken we precies af, en voor wie?"))
    meetbaar = models.TextField(
        _("meetbaar"), help_text=_("Hoe stellen we vast dat de afspraak wordt nageleefd?")
    )
    indicator = models.CharField(_("indicator"), max_length=200, blank=True, help_text=_("Wat meten we?"))
    streefwaarde = models.CharField(
        _("streefwaarde"),
        max_length=100,
        blank=True,
        help_text=_("Een getal, percentage of ja/nee-criterium."),
    )
    acceptabel = models.TextField(
        _("acceptabel"), help_text=_("Waarom is er draagvlak; welke praktijken stemden in?")
    )
    realistisch = models.TextField(
        _("realistisch"), help_text=_("Waarom is dit haalbaar met de beschikbare mensen en middelen?")
    )
    tijdgebonden = models.DateField(
        _("tijdgebonden"),
        validators=[datum_in_bereik],
        help_text=_("Uiterlijk op deze datum is de afspraak gerealiseerd."),
    )
    evaluatie_op = models.DateField(
        _("volgende evaluatie"), validators=[datum_in_bereik], null=True, blank=True
    )
    eigenaar = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="afspraken", verbose_name=_("eigenaar")
    )
    status = models.CharField(
        _("status"), max_length=16, choices=AfspraakStatus.choices, default=AfspraakStatus.ACTIEF
    )
    versie = models.PositiveSmallIntegerField(_("versie"), default=1)
    vorige_versie = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="volgende_versie",
        verbose_name=_("vorige versie"),
    )
    reden_beeindiging = models.TextField(_("reden van beëindiging"), blank=True)
    praktijken = models.ManyToManyField(
        Praktijk, through="AfspraakPraktijk", related_name="afspraken", verbose_name=_("praktijken")
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)
    revisie = models.PositiveIntegerField(
        default=1,
        editable=False,
        help_text=_("Telt elke opslag; voorkomt dat gelijktijdige wijzigingen elkaar overschrijven."),
    )
    history = HistoricalRecords()

    objects = AfspraakQuerySet.as_manager()

    class Meta:
        verbose_name = _("SMART-afspraak")
        verbose_name_plural = _("SMART-afspraken")
        ordering = ["verband", "thema__naam", "titel"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(specifiek__regex=NIET_LEEG), name="afspraak_specifiek_ingevuld"
            ),
            models.CheckConstraint(
                condition=~Q(meetbaar__regex=NIET_LEEG), name="afspraak_meetbaar_ingevuld"
            ),
            models.CheckConstraint(
                condition=~Q(acceptabel__regex=NIET_LEEG), name="afspraak_acceptabel_ingevuld"
            ),
            models.CheckConstraint(
                condition=~Q(realistisch__regex=NIET_LEEG), name="afspraak_realistisch_ingevuld"
            ),
            models.CheckConstraint(
                condition=~Q(status=AfspraakStatus.BEEINDIGD) | ~Q(reden_beeindiging__regex=NIET_LEEG),
                name="afspraak_beeindigd_met_reden",
            ),
        ]

    # The fields a user edits (in the form's order); the rest is kept by the services.
    BEWERKBARE_VELDEN = (
        "titel",
        "thema",
        "specifiek",
        "meetbaar",
        "indicator",
        "streefwaarde",
        "acceptabel",
        "realistisch",
        "tijdgebonden",
        "evaluatie_op",
        "eigenaar",
    )

    def __str__(self) -> str:
        return f"{self.titel} (v{self.versie})" if self.versie > 1 else self.titel

    @property
    def is_afgesloten(self) -> bool:
        """Replaced or ended: history is never overwritten, so the agreement stays as it was."""
        return self.status in (AfspraakStatus.VERVANGEN, AfspraakStatus.BEEINDIGD)

    def clean(self) -> None:
        """The SMART rule of what an agreement says: measurable, with a number, percentage or yes/no,
        and a streefwaarde. (Every part filled in: the check constraints. The dates, which depend on
        today and on what was stored: the afspraak services.)"""
        fouten: dict[str, list] = {}
        meetbaar = " ".join(getattr(self, v) or "" for v in ("meetbaar", "indicator", "streefwaarde"))
        if (self.meetbaar or "").strip() and not (_GETAL.search(meetbaar) or _JA_NEE.search(meetbaar)):
            fouten["meetbaar"] = _(
                "Maak de afspraak meetbaar: noem een getal of percentage (bijvoorbeeld 90%) "
                "of een ja/nee-criterium, hier of bij indicator en streefwaarde."
            )
        if not (self.streefwaarde or "").strip():
            fouten["streefwaarde"] = _("Geef een streefwaarde: een getal, percentage of ja/nee.")
        if fouten:
            raise ValidationError(fouten)


class AfspraakPraktijk(models.Model):
    """A practice an agreement applies to, with its own implementation in that practice."""

    afspraak = models.ForeignKey(Afspraak, on_delete=models.CASCADE, related_name="uitvoering")
    praktijk = models.ForeignKey(Praktijk, on_delete=models.PROTECT, related_name="afspraakuitvoering")
    akkoord = models.BooleanField(
        _("akkoord"), default=True, help_text=_("De praktijk stemde in met de afspraak.")
    )
    implementatie = models.CharField(
        _("implementatie"),
        max_length=24,
        choices=Implementatiestatus.choices,
        default=Implementatiestatus.NIET_GESTART,
    )
    medewerkers_geinformeerd = models.BooleanField(_("medewerkers geïnformeerd"), default=False)
    toelichting = models.TextField(_("toelichting"), blank=True)
    bijgewerkt_op = models.DateTimeField(_("bijgewerkt op"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("uitvoering in praktijk")
        verbose_name_plural = _("uitvoering in praktijken")
        constraints = [
            models.UniqueConstraint(fields=["afspraak", "praktijk"], name="afspraakpraktijk_uniek")
        ]

    def __str__(self) -> str:
        return f"{self.afspraak} in {self.praktijk}: {self.get_implementatie_display()}"


class Evaluatie(models.Model):
    """An evaluation of an agreement in a periodic meeting, with its decision."""

    afspraak = models.ForeignKey(Afspraak, on_delete=models.CASCADE, related_name="evaluaties")
    datum = models.DateField(_("datum"), validators=[datum_in_bereik])
    nageleefd = models.CharField(_("wordt de afspraak nageleefd?"), max_length=8, choices=Nageleefd.choices)
    wat_gaat_goed = models.TextField(_("wat gaat goed?"), blank=True)
    wat_kan_beter = models.TextField(_("wat kan beter?"), blank=True)
    besluit = models.CharField(_("besluit"), max_length=16, choices=Besluit.choices)
    toelichting = models.TextField(_("toelichting"), blank=True)
    door = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("door")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("evaluatie")
        verbose_name_plural = _("evaluaties")
        ordering = ["afspraak", "-datum"]

    def __str__(self) -> str:
        return f"{self.afspraak}: {self.datum:%d-%m-%Y} ({self.get_besluit_display()})"
