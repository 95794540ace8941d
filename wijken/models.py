from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from zio_portal.invoer import datum_in_bereik

from .constants import Beroepsgroep, Functie
from .querysets import GebiedQuerySet, PartnerQuerySet, PraktijkQuerySet, WijkQuerySet
from .validators import (
    AGB_REGEX,
    CBS_WIJKCODE_REGEX,
    NIET_LEEG,
    POSTCODE_REGEX,
    normalize_postcode,
    validate_agb_code,
    validate_cbs_wijkcode,
    validate_postcode,
)


class Regio(models.Model):
    """The care region ZIO works in (Maastricht-Heuvelland)."""

    naam = models.CharField(_("naam"), max_length=100, unique=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("regio")
        verbose_name_plural = _("regio's")

    def __str__(self) -> str:
        return self.naam


class Gemeente(models.Model):
    """A municipality in the region; each has one or more gebieden."""

    regio = models.ForeignKey(
        Regio, on_delete=models.PROTECT, related_name="gemeenten", verbose_name=_("regio")
    )
    naam = models.CharField(_("naam"), max_length=100, unique=True)
    cbs_code = models.CharField(
        _("CBS-code"), max_length=6, blank=True, help_text=_("Gemeentecode van het CBS, bijvoorbeeld GM0935.")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


class Gebied(models.Model):
    """An area within a gemeente, led by one or more gebiedsmanagers; it holds wijken."""

    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="gebieden", verbose_name=_("gemeente")
    )
    naam = models.CharField(_("naam"), max_length=100, unique=True)
    gebiedsmanagers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="gebieden",
        verbose_name=_("gebiedsmanagers"),
        limit_choices_to={"rol": "gebiedsmanager"},
        help_text=_("De gebiedsmanager(s) die de wijksamenwerkingsverbanden in dit gebied leiden."),
    )
    history = HistoricalRecords(m2m_fields=[gebiedsmanagers])

    objects = GebiedQuerySet.as_manager()

    class Meta:
        verbose_name = _("gebied")
        verbose_name_plural = _("gebieden")
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


class Wijk(models.Model):
    """A neighbourhood (typically 10,000–20,000 inhabitants): the unit of wijksamenwerking."""

    gebied = models.ForeignKey(
        Gebied, on_delete=models.PROTECT, related_name="wijken", verbose_name=_("gebied")
    )
    naam = models.CharField(_("naam"), max_length=100, unique=True)
    inwoners = models.PositiveIntegerField(
        _("inwoners"), null=True, blank=True, help_text=_("Aantal inwoners, bij benadering.")
    )
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    cbs_code = models.CharField(
        _("CBS-wijkcode"),
        max_length=8,
        blank=True,
        validators=[validate_cbs_wijkcode],
        help_text=_("De wijkcode van het CBS (WKggggww), bijvoorbeeld WK093501; koppelt de CBS-kerncijfers."),
    )
    history = HistoricalRecords()

    objects = WijkQuerySet.as_manager()

    class Meta:
        verbose_name = _("wijk")
        verbose_name_plural = _("wijken")
        ordering = ["naam"]
        constraints = [
            models.CheckConstraint(
                condition=Q(cbs_code="") | Q(cbs_code__regex=CBS_WIJKCODE_REGEX), name="wijk_cbs_code_formaat"
            ),
            models.UniqueConstraint(
                fields=["cbs_code"], condition=~Q(cbs_code=""), name="wijk_cbs_code_uniek"
            ),
        ]

    def __str__(self) -> str:
        return self.naam

    def clean(self) -> None:
        super().clean()
        self.cbs_code = (self.cbs_code or "").strip().upper()


class Adres(models.Model):
    """Address fields shared by practices and partners."""

    straat = models.CharField(_("straat en huisnummer"), max_length=200, blank=True)
    postcode = models.CharField(
        _("postcode"),
        max_length=7,
        blank=True,
        validators=[validate_postcode],
        help_text=_("Bijvoorbeeld 6211 AB."),
    )
    plaats = models.CharField(_("plaats"), max_length=100, blank=True)
    telefoon = models.CharField(_("telefoon"), max_length=32, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)

    class Meta:
        abstract = True

    def clean(self) -> None:
        super().clean()
        self.postcode = normalize_postcode(self.postcode)


class Praktijk(Adres):
    """A GP practice (huisartsenpraktijk), assigned to one wijk."""

    naam = models.CharField(_("naam"), max_length=200)
    agb_code = models.CharField(
        _("AGB-code"),
        max_length=8,
        unique=True,
        validators=[validate_agb_code],
        help_text=_("De AGB-code van de praktijk: 8 cijfers."),
    )
    wijk = models.ForeignKey(
        Wijk,
        on_delete=models.PROTECT,
        related_name="praktijken",
        verbose_name=_("wijk"),
        help_text=_(
            "De huidige wijk; wijzigingen lopen via een wijktoewijzing, zodat de historie bewaard blijft."
        ),
    )
    actief = models.BooleanField(_("actief"), default=True)
    history = HistoricalRecords()

    objects = PraktijkQuerySet.as_manager()

    class Meta:
        verbose_name = _("praktijk")
        verbose_name_plural = _("praktijken")
        ordering = ["naam"]
        constraints = [
            models.CheckConstraint(
                condition=Q(agb_code__regex=AGB_REGEX), name="praktijk_agb_code_8_cijfers"
            ),
            models.CheckConstraint(
                condition=Q(postcode="") | Q(postcode__regex=POSTCODE_REGEX), name="praktijk_postcode_formaat"
            ),
        ]

    def __str__(self) -> str:
        return self.naam


class WijkToewijzing(models.Model):
    """The agreed wijk of a practice from a date on, with the reason (e.g. a border practice).

    The wijkindeling of 2025 assigned border practices by agreement; a later change adds a new row,
    so the history of which wijk a practice belonged to stays known.
    """

    praktijk = models.ForeignKey(
        Praktijk, on_delete=models.CASCADE, related_name="wijktoewijzingen", verbose_name=_("praktijk")
    )
    wijk = models.ForeignKey(
        Wijk, on_delete=models.PROTECT, related_name="toewijzingen", verbose_name=_("wijk")
    )
    ingangsdatum = models.DateField(_("ingangsdatum"), validators=[datum_in_bereik])
    grenspraktijk = models.BooleanField(
        _("grenspraktijk"), default=False, help_text=_("De praktijk ligt op de grens van twee wijken.")
    )
    reden = models.TextField(
        _("reden en afspraak"), blank=True, help_text=_("Waarom de praktijk bij deze wijk hoort.")
    )
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("vastgelegd door"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("wijktoewijzing")
        verbose_name_plural = _("wijktoewijzingen")
        ordering = ["praktijk", "-ingangsdatum"]
        constraints = [
            models.UniqueConstraint(fields=["praktijk", "ingangsdatum"], name="wijktoewijzing_een_per_datum"),
            models.CheckConstraint(
                condition=Q(grenspraktijk=False) | ~Q(reden__regex=NIET_LEEG),
                name="wijktoewijzing_grenspraktijk_met_reden",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.praktijk} → {self.wijk} ({self.ingangsdatum:%d-%m-%Y})"


class Praktijkmedewerker(models.Model):
    """A portal user working for a practice (a user can work for more than one)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="praktijkrollen",
        verbose_name=_("gebruiker"),
    )
    praktijk = models.ForeignKey(
        Praktijk, on_delete=models.CASCADE, related_name="medewerkers", verbose_name=_("praktijk")
    )
    functie = models.CharField(
        _("functie"), max_length=32, choices=Functie.choices, default=Functie.PRAKTIJKMANAGER
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("praktijkmedewerker")
        verbose_name_plural = _("praktijkmedewerkers")
        constraints = [models.UniqueConstraint(fields=["user", "praktijk"], name="praktijkmedewerker_uniek")]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_functie_display()}, {self.praktijk})"


class Partner(Adres):
    """An eerstelijnspartner or zorgaanbieder active in one or more wijken: the sociale kaart."""

    naam = models.CharField(_("naam"), max_length=200)
    beroepsgroep = models.CharField(_("beroepsgroep"), max_length=32, choices=Beroepsgroep.choices)
    wijken = models.ManyToManyField(Wijk, related_name="partners", verbose_name=_("wijken"))
    website = models.URLField(_("website"), blank=True)
    agb_code = models.CharField(
        _("AGB-code"), max_length=8, blank=True, validators=[validate_agb_code], help_text=_("Indien bekend.")
    )
    notities = models.TextField(_("notities"), blank=True)
    history = HistoricalRecords(m2m_fields=[wijken])

    objects = PartnerQuerySet.as_manager()

    class Meta:
        verbose_name = _("eerstelijnspartner")
        verbose_name_plural = _("eerstelijnspartners")
        ordering = ["beroepsgroep", "naam"]
        constraints = [
            models.CheckConstraint(
                condition=Q(postcode="") | Q(postcode__regex=POSTCODE_REGEX), name="partner_postcode_formaat"
            ),
            models.CheckConstraint(
                condition=Q(agb_code="") | Q(agb_code__regex=AGB_REGEX), name="partner_agb_code_8_cijfers"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.naam} ({self.get_beroepsgroep_display()})"


class Contactpersoon(models.Model):
    """A contact person of a practice or of a partner."""

    praktijk = models.ForeignKey(
        Praktijk,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="contactpersonen",
        verbose_name=_("praktijk"),
    )
    partner = models.ForeignKey(
        Partner,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="contactpersonen",
        verbose_name=_("partner"),
    )
    naam = models.CharField(_("naam"), max_length=200)
    functie = models.CharField(_("functie"), max_length=100, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    telefoon = models.CharField(_("telefoon"), max_length=32, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("contactpersoon")
        verbose_name_plural = _("contactpersonen")
        ordering = ["naam"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(praktijk__isnull=False) & Q(partner__isnull=True))
                | (Q(praktijk__isnull=True) & Q(partner__isnull=False)),
                name="contactpersoon_van_praktijk_of_partner",
                violation_error_message=_("Een contactpersoon hoort bij een praktijk óf bij een partner."),
            )
        ]

    def __str__(self) -> str:
        return self.naam

    @property
    def organisatie(self) -> Praktijk | Partner:
        return self.praktijk or self.partner
