"""Verbanden, their members, the themes and the PDCA step plan."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from wijken.models import Praktijk, Wijk
from zio_portal.invoer import datum_in_bereik

from ..constants import (
    NORM_OVERLEGGEN_PER_JAAR,
    Fase,
    Overlegvorm,
    StapStatus,
    VerbandSoort,
)
from ..querysets import VerbandQuerySet

User = settings.AUTH_USER_MODEL


class Thema(models.Model):
    """A theme on which practices want to and can collaborate (inkoop, personeel, ...)."""

    naam = models.CharField(_("naam"), max_length=100, unique=True)
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    actief = models.BooleanField(_("actief"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


class Samenwerkingsverband(models.Model):
    """A collaboration in one wijk: of GP practices, or a multidisciplinary WSV."""

    soort = models.CharField(_("soort"), max_length=32, choices=VerbandSoort.choices)
    naam = models.CharField(_("naam"), max_length=200)
    wijk = models.ForeignKey(Wijk, on_delete=models.PROTECT, related_name="verbanden", verbose_name=_("wijk"))
    visie = models.TextField(
        _("gezamenlijke visie"), blank=True, help_text=_("Geformuleerd tijdens de startbijeenkomst.")
    )
    doelstelling = models.TextField(_("doelstelling"), blank=True)
    overlegvorm = models.CharField(_("overlegvorm"), max_length=16, choices=Overlegvorm.choices, blank=True)
    overleggen_per_jaar = models.PositiveSmallIntegerField(
        _("overleggen per jaar"), default=NORM_OVERLEGGEN_PER_JAAR, help_text=_("De afgesproken frequentie.")
    )
    aanwezigen = models.CharField(
        _("wie is aanwezig"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld: praktijkhouders en praktijkmanagers."),
    )
    voorzitter = models.CharField(_("voorzitter"), max_length=200, blank=True)
    startdatum = models.DateField(_("startdatum"), validators=[datum_in_bereik], null=True, blank=True)
    actief = models.BooleanField(_("actief"), default=True)
    praktijken = models.ManyToManyField(
        Praktijk, through="Deelname", related_name="verbanden", verbose_name=_("deelnemende praktijken")
    )
    history = HistoricalRecords()

    objects = VerbandQuerySet.as_manager()

    class Meta:
        verbose_name = _("samenwerkingsverband")
        verbose_name_plural = _("samenwerkingsverbanden")
        ordering = ["wijk__naam", "soort", "naam"]
        constraints = [
            models.UniqueConstraint(fields=["wijk", "soort", "naam"], name="verband_naam_uniek_per_wijk"),
        ]

    def __str__(self) -> str:
        return self.naam

    @property
    def is_wsv(self) -> bool:
        return self.soort == VerbandSoort.MULTIDISCIPLINAIR


class Deelname(models.Model):
    """A practice taking part in a verband, from the date it joined."""

    verband = models.ForeignKey(Samenwerkingsverband, on_delete=models.CASCADE, related_name="deelnames")
    praktijk = models.ForeignKey(Praktijk, on_delete=models.PROTECT, related_name="deelnames")
    toegetreden_op = models.DateField(_("toegetreden op"), validators=[datum_in_bereik])
    uitgetreden_op = models.DateField(
        _("uitgetreden op"), validators=[datum_in_bereik], null=True, blank=True
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("deelname")
        verbose_name_plural = _("deelnames")
        constraints = [
            models.UniqueConstraint(fields=["verband", "praktijk"], name="deelname_uniek"),
            models.CheckConstraint(
                condition=Q(uitgetreden_op__isnull=True) | Q(uitgetreden_op__gte=models.F("toegetreden_op")),
                name="deelname_uittreden_na_toetreden",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.praktijk} in {self.verband}"


class PdcaStap(models.Model):
    """One step of the PDCA step plan of a kind of verband, as the handreikingen give it."""

    soort = models.CharField(_("soort verband"), max_length=32, choices=VerbandSoort.choices)
    nummer = models.PositiveSmallIntegerField(_("stap"))
    fase = models.CharField(_("fase"), max_length=16, choices=Fase.choices)
    titel = models.CharField(_("titel"), max_length=200)
    kernactiviteit = models.TextField(_("kernactiviteit"))
    wie = models.CharField(_("wie"), max_length=100)

    class Meta:
        verbose_name = _("PDCA-stap")
        verbose_name_plural = _("PDCA-stappen")
        ordering = ["soort", "nummer"]
        constraints = [models.UniqueConstraint(fields=["soort", "nummer"], name="pdca_stap_uniek")]

    def __str__(self) -> str:
        return f"{self.nummer}. {self.get_fase_display()}: {self.titel}"


class PdcaCyclus(models.Model):
    """A run through the step plan; after borging a verband starts a new cycle with new themes."""

    verband = models.ForeignKey(Samenwerkingsverband, on_delete=models.CASCADE, related_name="cycli")
    nummer = models.PositiveSmallIntegerField(_("cyclus"), default=1)
    gestart_op = models.DateField(_("gestart op"), validators=[datum_in_bereik])
    afgerond_op = models.DateField(_("afgerond op"), validators=[datum_in_bereik], null=True, blank=True)
    themas = models.ManyToManyField(Thema, blank=True, related_name="cycli", verbose_name=_("thema's"))
    history = HistoricalRecords(m2m_fields=[themas])

    class Meta:
        verbose_name = _("PDCA-cyclus")
        verbose_name_plural = _("PDCA-cycli")
        ordering = ["verband", "-nummer"]
        constraints = [
            models.UniqueConstraint(fields=["verband", "nummer"], name="cyclus_nummer_uniek"),
            models.UniqueConstraint(
                fields=["verband"],
                condition=Q(afgerond_op__isnull=True),
                name="een_lopende_cyclus_per_verband",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.verband}: cyclus {self.nummer}"


class StapVoortgang(models.Model):
    """The state of one step in one cycle: who, when, notes."""

    cyclus = models.ForeignKey(PdcaCyclus, on_delete=models.CASCADE, related_name="voortgang")
    stap = models.ForeignKey(PdcaStap, on_delete=models.PROTECT, related_name="voortgang")
    status = models.CharField(
        _("status"), max_length=16, choices=StapStatus.choices, default=StapStatus.NIET_GESTART
    )
    gestart_op = models.DateField(_("gestart op"), validators=[datum_in_bereik], null=True, blank=True)
    afgerond_op = models.DateField(_("afgerond op"), validators=[datum_in_bereik], null=True, blank=True)
    notitie = models.TextField(_("notitie"), blank=True)
    bijgewerkt_door = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("voortgang van een stap")
        verbose_name_plural = _("voortgang van stappen")
        ordering = ["cyclus", "stap__nummer"]
        constraints = [models.UniqueConstraint(fields=["cyclus", "stap"], name="stapvoortgang_uniek")]

    def __str__(self) -> str:
        return f"{self.stap}: {self.get_status_display()}"
