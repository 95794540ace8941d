"""Models of the vragenlijsten: the yearly questionnaire, its round and the practices' responses."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from wijken.models import Praktijk
from zio_portal.invoer import datum_in_bereik

from ..constants import ResponsBron, ResponsStatus, VraagType
from ..querysets import ResponsQuerySet

User = settings.AUTH_USER_MODEL


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
    opent_op = models.DateField(_("opent op"), validators=[datum_in_bereik])
    sluit_op = models.DateField(_("sluit op"), validators=[datum_in_bereik])
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


class ImportKoppeling(models.Model):
    """A heading of another tool's export that the beleidsadviseur linked to a question of this
    vragenlijst (or chose to ignore: no question), remembered for the next import of that vragenlijst."""

    vragenlijst = models.ForeignKey(Vragenlijst, on_delete=models.CASCADE, related_name="importkoppelingen")
    kop = models.CharField(
        _("kolomkop"),
        max_length=1000,
        help_text=_("De kop zoals in het bestand, zonder hoofdletters en met enkele spaties."),
    )
    vraag = models.ForeignKey(
        Vraag,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="importkoppelingen",
        verbose_name=_("vraag"),
        help_text=_("Leeg: de kolom wordt genegeerd."),
    )
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        verbose_name = _("importkoppeling")
        verbose_name_plural = _("importkoppelingen")
        constraints = [
            models.UniqueConstraint(fields=["vragenlijst", "kop"], name="importkoppeling_kop_uniek"),
        ]

    def __str__(self) -> str:
        return f"{self.kop} → {self.vraag.code if self.vraag else '-'}"
