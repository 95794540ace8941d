from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from samenwerking.models import Thema
from wijken.models import Gebied, Praktijk, Wijk
from wijken.validators import NIET_LEEG

from .constants import (
    BezoekStatus,
    Ondersteuningscategorie,
    RapportageStatus,
    ResponsBron,
    ResponsStatus,
    ScopeSoort,
    VraagType,
)
from .querysets import PraktijkbezoekQuerySet, ResponsQuerySet

User = settings.AUTH_USER_MODEL


def _private_storage():
    from django.core.files.storage import storages

    return storages["private"]


class Bouwsteen(models.Model):
    """One of the six bouwstenen of regional GP collaboration (LHV/NHG/InEen)."""

    nummer = models.PositiveSmallIntegerField(_("nummer"), unique=True)
    naam = models.CharField(_("naam"), max_length=100, unique=True)
    omschrijving = models.TextField(_("omschrijving"), blank=True)

    class Meta:
        verbose_name = _("bouwsteen")
        verbose_name_plural = _("bouwstenen")
        ordering = ["nummer"]

    def __str__(self) -> str:
        return self.naam


class Vragenlijst(models.Model):
    """A questionnaire (e.g. PlusPraktijk 2.0) for one year; next year's starts as a copy."""

    naam = models.CharField(_("naam"), max_length=200)
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    gebaseerd_op = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="kopieen",
        verbose_name=_("gebaseerd op"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("vragenlijst")
        verbose_name_plural = _("vragenlijsten")
        ordering = ["-jaar", "naam"]
        constraints = [models.UniqueConstraint(fields=["naam", "jaar"], name="vragenlijst_uniek_per_jaar")]

    def __str__(self) -> str:
        return f"{self.naam} {self.jaar}"


class Sectie(models.Model):
    """A section of a questionnaire."""

    vragenlijst = models.ForeignKey(Vragenlijst, on_delete=models.CASCADE, related_name="secties")
    titel = models.CharField(_("titel"), max_length=200)
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("sectie")
        verbose_name_plural = _("secties")
        ordering = ["vragenlijst", "volgorde"]

    def __str__(self) -> str:
        return self.titel


class Vraag(models.Model):
    """A question with a code that stays the same across years, so results compare."""

    vragenlijst = models.ForeignKey(Vragenlijst, on_delete=models.CASCADE, related_name="vragen")
    sectie = models.ForeignKey(Sectie, on_delete=models.CASCADE, related_name="vragen")
    code = models.SlugField(
        _("code"),
        max_length=40,
        help_text=_("Vaste code van de vraag, gelijk over de jaren, bijvoorbeeld SW01."),
    )
    tekst = models.TextField(_("vraag"))
    type = models.CharField(_("type"), max_length=16, choices=VraagType.choices)
    opties = models.JSONField(
        _("antwoordopties"),
        default=list,
        blank=True,
        help_text=_("Voor meerkeuzevragen: de mogelijke antwoorden."),
    )
    samenwerking = models.BooleanField(
        _("samenwerkingsvraag"),
        default=False,
        help_text=_("De vraag gaat over samenwerking met andere praktijken of het WSV."),
    )
    verplicht = models.BooleanField(_("verplicht"), default=True)
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("vraag")
        verbose_name_plural = _("vragen")
        ordering = ["vragenlijst", "sectie__volgorde", "volgorde"]
        constraints = [models.UniqueConstraint(fields=["vragenlijst", "code"], name="vraag_code_uniek")]

    def __str__(self) -> str:
        return f"{self.code}: {self.tekst[:60]}"


class Ronde(models.Model):
    """The yearly round in which practices fill in a questionnaire."""

    vragenlijst = models.OneToOneField(Vragenlijst, on_delete=models.PROTECT, related_name="ronde")
    opent_op = models.DateField(_("opent op"))
    sluit_op = models.DateField(_("sluit op"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("ronde")
        verbose_name_plural = _("rondes")
        ordering = ["-opent_op"]
        constraints = [
            models.CheckConstraint(
                condition=Q(sluit_op__gte=models.F("opent_op")), name="ronde_sluit_na_open"
            )
        ]

    def __str__(self) -> str:
        return f"{self.vragenlijst}"


class Respons(models.Model):
    """A practice's response to a round: a draft until submitted, then read-only."""

    ronde = models.ForeignKey(Ronde, on_delete=models.PROTECT, related_name="responsen")
    praktijk = models.ForeignKey(Praktijk, on_delete=models.PROTECT, related_name="responsen")
    status = models.CharField(
        _("status"), max_length=16, choices=ResponsStatus.choices, default=ResponsStatus.CONCEPT
    )
    bron = models.CharField(
        _("bron"), max_length=16, choices=ResponsBron.choices, default=ResponsBron.PORTAAL
    )
    ingediend_op = models.DateTimeField(_("ingediend op"), null=True, blank=True)
    ingediend_door = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    history = HistoricalRecords()

    objects = ResponsQuerySet.as_manager()

    class Meta:
        verbose_name = _("respons")
        verbose_name_plural = _("responsen")
        constraints = [
            models.UniqueConstraint(fields=["ronde", "praktijk"], name="respons_een_per_praktijk"),
            models.CheckConstraint(
                condition=~Q(status=ResponsStatus.INGEDIEND) | Q(ingediend_op__isnull=False),
                name="respons_ingediend_met_datum",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.praktijk} – {self.ronde}"


class Antwoord(models.Model):
    """A typed answer to one question."""

    respons = models.ForeignKey(Respons, on_delete=models.CASCADE, related_name="antwoorden")
    vraag = models.ForeignKey(Vraag, on_delete=models.PROTECT, related_name="antwoorden")
    getal = models.DecimalField(_("getal"), max_digits=12, decimal_places=2, null=True, blank=True)
    ja_nee = models.BooleanField(_("ja/nee"), null=True, blank=True)
    tekst = models.TextField(_("tekst"), blank=True, help_text=_("Open antwoord of gekozen optie."))

    class Meta:
        verbose_name = _("antwoord")
        verbose_name_plural = _("antwoorden")
        constraints = [
            models.UniqueConstraint(fields=["respons", "vraag"], name="antwoord_uniek"),
        ]

    def __str__(self) -> str:
        return f"{self.vraag.code}: {self.waarde}"

    @property
    def waarde(self) -> object:
        if self.ja_nee is not None:
            return self.ja_nee
        if self.getal is not None:
            return self.getal
        return self.tekst


class Praktijkbezoek(models.Model):
    """A visit by ZIO to a practice, at least once a year, with its terugkoppeling."""

    praktijk = models.ForeignKey(Praktijk, on_delete=models.PROTECT, related_name="bezoeken")
    gepland_op = models.DateTimeField(_("gepland op"))
    gehouden_op = models.DateField(_("gehouden op"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=BezoekStatus.choices, default=BezoekStatus.GEPLAND
    )
    bezoekers = models.ManyToManyField(
        User, related_name="praktijkbezoeken", verbose_name=_("bezoekers van ZIO")
    )
    wat_gaat_goed = models.TextField(_("wat gaat goed?"), blank=True)
    uitdagingen = models.TextField(_("waar liggen de uitdagingen?"), blank=True)
    bouwstenen = models.ManyToManyField(
        Bouwsteen, blank=True, related_name="bezoeken", verbose_name=_("besproken bouwstenen")
    )
    themas = models.ManyToManyField(
        Thema,
        blank=True,
        related_name="bezoeken",
        verbose_name=_("thema's met afspraken met nabije praktijken"),
    )
    terugkoppeling = models.TextField(_("terugkoppeling"), blank=True)
    gedeeld_op = models.DateTimeField(_("terugkoppeling gedeeld op"), null=True, blank=True)
    gezien_op = models.DateTimeField(_("terugkoppeling gezien op"), null=True, blank=True)
    gezien_door = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    reactie_praktijk = models.TextField(_("reactie van de praktijk"), blank=True)
    history = HistoricalRecords(m2m_fields=[bouwstenen, themas])

    objects = PraktijkbezoekQuerySet.as_manager()

    class Meta:
        verbose_name = _("praktijkbezoek")
        verbose_name_plural = _("praktijkbezoeken")
        ordering = ["-gepland_op"]
        constraints = [
            models.CheckConstraint(
                condition=Q(gedeeld_op__isnull=True) | ~Q(terugkoppeling__regex=NIET_LEEG),
                name="bezoek_gedeeld_met_tekst",
            ),
            models.CheckConstraint(
                condition=Q(gezien_op__isnull=True) | Q(gedeeld_op__isnull=False),
                name="bezoek_gezien_na_delen",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.praktijk}: {self.gepland_op:%d-%m-%Y}"


class Ondersteuningsbehoefte(models.Model):
    """Where ZIO can support the practice, as discussed in a visit."""

    bezoek = models.ForeignKey(
        Praktijkbezoek, on_delete=models.CASCADE, related_name="ondersteuningsbehoeften"
    )
    categorie = models.CharField(_("categorie"), max_length=32, choices=Ondersteuningscategorie.choices)
    toelichting = models.TextField(_("toelichting"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("ondersteuningsbehoefte")
        verbose_name_plural = _("ondersteuningsbehoeften")

    def __str__(self) -> str:
        return self.get_categorie_display()


class Rapportage(models.Model):
    """A regionale rapportage (PDF) made by a background job, kept with the data it was made from."""

    periode_van = models.DateField(_("periode van"))
    periode_tot = models.DateField(_("periode tot en met"))
    scope = models.CharField(
        _("reikwijdte"), max_length=16, choices=ScopeSoort.choices, default=ScopeSoort.REGIO
    )
    gebied = models.ForeignKey(
        Gebied, on_delete=models.PROTECT, null=True, blank=True, related_name="rapportages"
    )
    wijk = models.ForeignKey(
        Wijk, on_delete=models.PROTECT, null=True, blank=True, related_name="rapportages"
    )
    status = models.CharField(
        _("status"), max_length=16, choices=RapportageStatus.choices, default=RapportageStatus.IN_WACHTRIJ
    )
    aangevraagd_door = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, related_name="rapportages"
    )
    aangevraagd_op = models.DateTimeField(_("aangevraagd op"), auto_now_add=True)
    gestart_op = models.DateTimeField(_("gestart op"), null=True, blank=True)
    gereed_op = models.DateTimeField(_("gereed op"), null=True, blank=True)
    task_id = models.CharField(max_length=64, blank=True)
    pogingen = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    bestand = models.FileField(
        _("bestand"), storage=_private_storage, upload_to="rapportages/%Y/", blank=True
    )
    snapshot = models.JSONField(
        _("gegevens"), null=True, blank=True, help_text=_("De gegevens waarop het rapport is gebaseerd.")
    )
    foutmelding = models.TextField(_("foutmelding"), blank=True)
    commentaar = models.TextField(_("commentaar van de beleidsadviseur"), blank=True)
    gepland = models.CharField(
        _("gepland"),
        max_length=32,
        blank=True,
        help_text=_("Voor een door de planning gemaakt rapport, bijvoorbeeld jaar-2025 of kwartaal-2026-1."),
    )
    definitief_op = models.DateTimeField(_("definitief op"), null=True, blank=True)
    gedeeld_op = models.DateTimeField(_("gedeeld op"), null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["snapshot"])

    class Meta:
        verbose_name = _("regionale rapportage")
        verbose_name_plural = _("regionale rapportages")
        ordering = ["-aangevraagd_op"]
        constraints = [
            models.CheckConstraint(
                condition=Q(periode_tot__gte=models.F("periode_van")), name="rapportage_periode_geldig"
            ),
            models.CheckConstraint(
                condition=(Q(scope=ScopeSoort.REGIO) & Q(gebied__isnull=True) & Q(wijk__isnull=True))
                | (Q(scope=ScopeSoort.GEBIED) & Q(gebied__isnull=False) & Q(wijk__isnull=True))
                | (Q(scope=ScopeSoort.WIJK) & Q(gebied__isnull=True) & Q(wijk__isnull=False)),
                name="rapportage_scope_consistent",
            ),
            models.CheckConstraint(
                condition=~Q(status=RapportageStatus.MISLUKT) | ~Q(foutmelding__regex=NIET_LEEG),
                name="rapportage_mislukt_met_reden",
            ),
            # The claim of the planning: one report per planned period, however often beat runs.
            models.UniqueConstraint(
                fields=["gepland"], condition=~Q(gepland=""), name="rapportage_gepland_een_keer"
            ),
        ]

    def __str__(self) -> str:
        return (
            f"Rapportage {self.get_scope_display()} {self.periode_van:%d-%m-%Y} – {self.periode_tot:%d-%m-%Y}"
        )


MAANDEN = [
    _("januari"),
    _("februari"),
    _("maart"),
    _("april"),
    _("mei"),
    _("juni"),
    _("juli"),
    _("augustus"),
    _("september"),
    _("oktober"),
    _("november"),
    _("december"),
]


class RapportagePlanning(models.Model):
    """When Celery beat makes the region report by itself (one row, edited by the beheerder).

    The yearly report covers the previous calendar year and is made on ``jaar_dag`` ``jaar_maand``;
    the quarterly one (if on) covers the previous quarter and is made on day ``kwartaal_dag`` of
    January, April, July and October. The beleidsadviseurs get an e-mail when it is ready."""

    jaar_actief = models.BooleanField(_("jaarrapport maken"), default=True)
    jaar_maand = models.PositiveSmallIntegerField(
        _("maand van het jaarrapport"),
        default=2,
        choices=[(i, n) for i, n in enumerate(MAANDEN, start=1)],
    )
    jaar_dag = models.PositiveSmallIntegerField(
        _("dag van het jaarrapport"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(31)],
        help_text=_("Het rapport over het vorige kalenderjaar wordt op deze dag gemaakt."),
    )
    kwartaal_actief = models.BooleanField(_("kwartaalrapport maken"), default=False)
    kwartaal_dag = models.PositiveSmallIntegerField(
        _("dag van het kwartaalrapport"),
        default=15,
        validators=[MinValueValidator(1), MaxValueValidator(28)],
        help_text=_("Dag in januari, april, juli en oktober waarop het vorige kwartaal wordt gerapporteerd."),
    )
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("planning van de regionale rapportage")
        verbose_name_plural = _("planning van de regionale rapportage")
        constraints = [
            models.CheckConstraint(condition=Q(pk=1), name="rapportageplanning_een_rij"),
        ]

    def __str__(self) -> str:
        return str(_("Planning van de regionale rapportage"))

    def save(self, *args, **kwargs) -> None:
        self.pk = 1
        super().save(*args, **kwargs)

    def clean(self) -> None:
        if self.jaar_maand and self.jaar_dag:
            try:
                datetime.date(2025, self.jaar_maand, self.jaar_dag)  # 2025: not a leap year
            except ValueError:
                raise ValidationError(
                    {"jaar_dag": _("Deze dag bestaat niet elk jaar in die maand; kies een eerdere dag.")}
                ) from None

    @classmethod
    def laden(cls) -> RapportagePlanning:
        return cls.objects.get_or_create(pk=1)[0]
