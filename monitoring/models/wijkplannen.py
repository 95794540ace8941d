"""The wijkplan: CBS kerncijfers per year, the wijkscan, priorities, goals, actions, afstemming and the
yearly evaluation."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from samenwerking.models import Actiepunt, Afspraak, Besluitvorming
from wijken.models import Contactpersoon, Gemeente, Praktijk, Wijk
from wijken.validators import NIET_LEEG
from zio_portal.achtergrond import Achtergrondbestand
from zio_portal.invoer import datum_in_bereik

from ..wijkplannen.constants import (
    ActieStatus,
    AfstemmingMet,
    Behaald,
    ScanSoort,
    SoortRegio,
    WijkplanStatus,
)
from ..wijkplannen.querysets import WijkplanDeelQuerySet, WijkplanQuerySet

User = settings.AUTH_USER_MODEL

# The figures read from the CBS table: model field -> the CBS column name before its numeric suffix.
CBS_KOLOMMEN = {
    "inwoners": "AantalInwoners",
    "leeftijd_0_15": "k_0Tot15Jaar",
    "leeftijd_15_25": "k_15Tot25Jaar",
    "leeftijd_25_45": "k_25Tot45Jaar",
    "leeftijd_45_65": "k_45Tot65Jaar",
    "leeftijd_65_plus": "k_65JaarOfOuder",
    "huishoudens": "HuishoudensTotaal",
    "eenpersoonshuishoudens": "Eenpersoonshuishoudens",
    "gemiddeld_inkomen": "GemiddeldInkomenPerInwoner",
    "bijstand": "PersonenPerSoortUitkeringBijstand",
    "arbeidsongeschiktheid": "PersonenPerSoortUitkeringAO",
    "werkloosheid": "PersonenPerSoortUitkeringWW",
    "aow": "PersonenPerSoortUitkeringAOW",
}


class CbsKerncijfers(models.Model):
    """One row of the CBS table "Kerncijfers wijken en buurten" for one year: a wijk, a gemeente or
    the country. Kept per year, so a wijk compares with last year and with its gemeente and region."""

    jaar = models.PositiveSmallIntegerField(_("jaar"))
    code = models.CharField(_("CBS-code"), max_length=10, help_text=_("WKggggww, GMgggg of NL00."))
    soort = models.CharField(_("soort gebied"), max_length=16, choices=SoortRegio.choices)
    naam = models.CharField(_("naam"), max_length=200)
    wijk = models.ForeignKey(
        Wijk,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="kerncijfers",
        verbose_name=_("wijk"),
    )
    gemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="kerncijfers",
        verbose_name=_("gemeente"),
    )
    inwoners = models.PositiveIntegerField(_("inwoners"), null=True, blank=True)
    leeftijd_0_15 = models.PositiveIntegerField(_("0 tot 15 jaar"), null=True, blank=True)
    leeftijd_15_25 = models.PositiveIntegerField(_("15 tot 25 jaar"), null=True, blank=True)
    leeftijd_25_45 = models.PositiveIntegerField(_("25 tot 45 jaar"), null=True, blank=True)
    leeftijd_45_65 = models.PositiveIntegerField(_("45 tot 65 jaar"), null=True, blank=True)
    leeftijd_65_plus = models.PositiveIntegerField(_("65 jaar of ouder"), null=True, blank=True)
    huishoudens = models.PositiveIntegerField(_("huishoudens"), null=True, blank=True)
    eenpersoonshuishoudens = models.PositiveIntegerField(_("eenpersoonshuishoudens"), null=True, blank=True)
    gemiddeld_inkomen = models.DecimalField(
        _("gemiddeld inkomen per inwoner (x 1.000 euro)"),
        max_digits=8,
        decimal_places=1,
        null=True,
        blank=True,
    )
    bijstand = models.PositiveIntegerField(_("personen met bijstand"), null=True, blank=True)
    arbeidsongeschiktheid = models.PositiveIntegerField(
        _("personen met een arbeidsongeschiktheidsuitkering"), null=True, blank=True
    )
    werkloosheid = models.PositiveIntegerField(_("personen met een WW-uitkering"), null=True, blank=True)
    aow = models.PositiveIntegerField(_("personen met AOW"), null=True, blank=True)
    geimporteerd_op = models.DateTimeField(_("geïmporteerd op"), auto_now=True)

    class Meta:
        verbose_name = _("CBS-kerncijfers")
        verbose_name_plural = _("CBS-kerncijfers")
        ordering = ["jaar", "code"]
        constraints = [
            models.UniqueConstraint(fields=["code", "jaar"], name="cbs_kerncijfers_een_per_code_en_jaar"),
            models.CheckConstraint(
                condition=Q(soort=SoortRegio.WIJK) | Q(wijk__isnull=True),
                name="cbs_kerncijfers_wijk_alleen_bij_wijk",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.naam} ({self.code}, {self.jaar})"


class Wijkplan(models.Model):
    """The plan of one wijk for one year: the scan, the priorities with goals and actions, the afstemming.

    A concept becomes vastgesteld by a besluit in an overleg of the wijk's WSV; next year's plan starts
    as a copy that points back at this one, so the history stays.
    """

    wijk = models.ForeignKey(
        Wijk, on_delete=models.PROTECT, related_name="wijkplannen", verbose_name=_("wijk")
    )
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    status = models.CharField(
        _("status"), max_length=16, choices=WijkplanStatus.choices, default=WijkplanStatus.CONCEPT
    )
    samenvatting = models.TextField(
        _("samenvatting"),
        blank=True,
        help_text=_("In een paar zinnen: waar gaat de wijk dit jaar aan werken?"),
    )
    besluit = models.ForeignKey(
        Besluitvorming,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="wijkplannen",
        verbose_name=_("besluit"),
        help_text=_("Het besluit in het WSV-overleg waarmee het wijkplan is vastgesteld."),
    )
    vastgesteld_op = models.DateField(
        _("vastgesteld op"), null=True, blank=True, validators=[datum_in_bereik]
    )
    vorig_plan = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="volgend_plan",
        verbose_name=_("wijkplan van vorig jaar"),
    )
    aangemaakt_door = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    objects = WijkplanQuerySet.as_manager()

    class Meta:
        verbose_name = _("wijkplan")
        verbose_name_plural = _("wijkplannen")
        ordering = ["wijk__naam", "-jaar"]
        constraints = [
            models.UniqueConstraint(fields=["wijk", "jaar"], name="wijkplan_een_per_wijk_per_jaar"),
            models.CheckConstraint(
                condition=Q(status=WijkplanStatus.CONCEPT)
                | (Q(besluit__isnull=False) & Q(vastgesteld_op__isnull=False)),
                name="wijkplan_vastgesteld_met_besluit",
                violation_error_message=_("Een vastgesteld wijkplan heeft een besluit en een datum."),
            ),
        ]

    def __str__(self) -> str:
        return f"{_('Wijkplan')} {self.wijk} {self.jaar}"

    def get_absolute_url(self) -> str:
        return reverse("monitoring:wijkplan-detail", args=[self.pk])

    @property
    def is_concept(self) -> bool:
        return self.status == WijkplanStatus.CONCEPT


class ScanItem(models.Model):
    """What people in the wijk know: a zorgvraag, kwetsbare groep, wijkknelpunt or beïnvloedbaar
    gezondheidsvraagstuk, with a short explanation."""

    wijkplan = models.ForeignKey(Wijkplan, on_delete=models.CASCADE, related_name="scanitems")
    soort = models.CharField(_("soort"), max_length=32, choices=ScanSoort.choices)
    titel = models.CharField(_("titel"), max_length=200)
    toelichting = models.TextField(_("toelichting"), blank=True, help_text=_("Kort: waar blijkt dit uit?"))
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    history = HistoricalRecords()

    objects = WijkplanDeelQuerySet.as_manager()

    class Meta:
        verbose_name = _("onderdeel van de wijkscan")
        verbose_name_plural = _("onderdelen van de wijkscan")
        ordering = ["soort", "volgorde", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(titel__regex=NIET_LEEG), name="scanitem_titel_niet_leeg"),
        ]

    def __str__(self) -> str:
        return self.titel


class Prioriteit(models.Model):
    """A vraagstuk from the scan that the wijk names as a priority for the year."""

    wijkplan = models.ForeignKey(Wijkplan, on_delete=models.CASCADE, related_name="prioriteiten")
    scanitem = models.ForeignKey(
        ScanItem,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="prioriteiten",
        verbose_name=_("uit de wijkscan"),
    )
    titel = models.CharField(_("prioriteit"), max_length=200)
    toelichting = models.TextField(_("toelichting"), blank=True)
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    history = HistoricalRecords()

    objects = WijkplanDeelQuerySet.as_manager()

    class Meta:
        verbose_name = _("prioriteit")
        verbose_name_plural = _("prioriteiten")
        ordering = ["volgorde", "pk"]

    def __str__(self) -> str:
        return self.titel

    def clean(self) -> None:
        if self.scanitem_id and self.wijkplan_id and self.scanitem.wijkplan_id != self.wijkplan_id:
            raise ValidationError({"scanitem": _("Kies een onderdeel uit de wijkscan van dit wijkplan.")})


class Doel(models.Model):
    """A SMART goal for a priority, with the same guidance as the SMART-afspraken."""

    prioriteit = models.ForeignKey(Prioriteit, on_delete=models.CASCADE, related_name="doelen")
    titel = models.CharField(_("doel"), max_length=200)
    specifiek = models.TextField(_("specifiek"), help_text=_("Wat willen we precies bereiken, en voor wie?"))
    meetbaar = models.TextField(_("meetbaar"), help_text=_("Hoe stellen we vast dat het doel is bereikt?"))
    acceptabel = models.TextField(_("acceptabel"), help_text=_("Waarom is er draagvlak; wie stemden in?"))
    realistisch = models.TextField(
        _("realistisch"), help_text=_("Waarom is dit haalbaar met de beschikbare mensen en middelen?")
    )
    tijdgebonden = models.DateField(
        _("tijdgebonden"),
        help_text=_("Uiterlijk op deze datum is het doel bereikt."),
        validators=[datum_in_bereik],
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("doel")
        verbose_name_plural = _("doelen")
        ordering = ["tijdgebonden", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(specifiek__regex=NIET_LEEG)
                & ~Q(meetbaar__regex=NIET_LEEG)
                & ~Q(acceptabel__regex=NIET_LEEG)
                & ~Q(realistisch__regex=NIET_LEEG),
                name="doel_smart_ingevuld",
            ),
        ]

    def __str__(self) -> str:
        return self.titel


class Actie(models.Model):
    """An action towards a goal, with one owner (a contactpersoon of the sociale kaart or a practice),
    a deadline and a status; linked to a WSV actiepunt or a SMART-afspraak, its progress shows there."""

    doel = models.ForeignKey(Doel, on_delete=models.CASCADE, related_name="acties")
    omschrijving = models.TextField(_("omschrijving"))
    eigenaar_contact = models.ForeignKey(
        Contactpersoon,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="wijkplanacties",
        verbose_name=_("eigenaar (sociale kaart)"),
    )
    eigenaar_praktijk = models.ForeignKey(
        Praktijk,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="wijkplanacties",
        verbose_name=_("eigenaar (praktijk)"),
    )
    deadline = models.DateField(_("deadline"), validators=[datum_in_bereik])
    status = models.CharField(
        _("status"), max_length=16, choices=ActieStatus.choices, default=ActieStatus.OPEN
    )
    actiepunt = models.ForeignKey(
        Actiepunt,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="wijkplanacties",
        verbose_name=_("actiepunt van de WSV"),
    )
    afspraak = models.ForeignKey(
        Afspraak,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="wijkplanacties",
        verbose_name=_("SMART-afspraak"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("actie")
        verbose_name_plural = _("acties")
        ordering = ["deadline", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(eigenaar_contact__isnull=False) & Q(eigenaar_praktijk__isnull=True))
                | (Q(eigenaar_contact__isnull=True) & Q(eigenaar_praktijk__isnull=False)),
                name="actie_een_eigenaar",
                violation_error_message=_("Kies één eigenaar: een contactpersoon óf een praktijk."),
            ),
            models.CheckConstraint(
                condition=Q(actiepunt__isnull=True) | Q(afspraak__isnull=True),
                name="actie_hooguit_een_koppeling",
                violation_error_message=_(
                    "Koppel een actie aan een actiepunt óf aan een afspraak, niet aan beide."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.omschrijving[:60]

    @property
    def eigenaar(self) -> Contactpersoon | Praktijk | None:
        return self.eigenaar_contact or self.eigenaar_praktijk

    @property
    def gekoppelde_status(self) -> str:
        """The status of the linked actiepunt or afspraak ("" when not linked)."""
        if self.actiepunt_id:
            return self.actiepunt.get_status_display()
        if self.afspraak_id:
            return self.afspraak.get_status_display()
        return ""

    def clean(self) -> None:
        fouten = {}
        if bool(self.eigenaar_contact_id) == bool(self.eigenaar_praktijk_id):
            fouten["eigenaar_contact"] = _("Kies één eigenaar: een contactpersoon óf een praktijk.")
        if self.actiepunt_id and self.afspraak_id:
            fouten["afspraak"] = _("Koppel een actie aan een actiepunt óf aan een afspraak, niet aan beide.")
        if self.doel_id:
            wijk_id = self.doel.prioriteit.wijkplan.wijk_id
            if self.eigenaar_praktijk_id and self.eigenaar_praktijk.wijk_id != wijk_id:
                fouten["eigenaar_praktijk"] = _("Kies een praktijk uit de wijk.")
            if self.actiepunt_id and self.actiepunt.verband.wijk_id != wijk_id:
                fouten["actiepunt"] = _("Kies een actiepunt van een verband in de wijk.")
            if self.afspraak_id and self.afspraak.verband.wijk_id != wijk_id:
                fouten["afspraak"] = _("Kies een afspraak van een verband in de wijk.")
        if fouten:
            raise ValidationError(fouten)


class Afstemming(models.Model):
    """Afstemming of the plan with the regional organisation, another wijk, the gemeente or the
    zorgverzekeraar: with whom, when, and what came out of it."""

    wijkplan = models.ForeignKey(Wijkplan, on_delete=models.CASCADE, related_name="afstemmingen")
    met = models.CharField(_("afgestemd met"), max_length=32, choices=AfstemmingMet.choices)
    wie = models.CharField(_("met wie"), max_length=200, help_text=_("Naam en organisatie."))
    andere_wijk = models.ForeignKey(
        Wijk,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("andere wijk"),
    )
    datum = models.DateField(_("datum"), validators=[datum_in_bereik])
    uitkomst = models.TextField(_("uitkomst"))
    history = HistoricalRecords()

    objects = WijkplanDeelQuerySet.as_manager()

    class Meta:
        verbose_name = _("afstemming")
        verbose_name_plural = _("afstemmingen")
        ordering = ["-datum", "pk"]

    def __str__(self) -> str:
        return f"{self.get_met_display()}: {self.wie} ({self.datum:%d-%m-%Y})"

    def clean(self) -> None:
        if self.met == AfstemmingMet.ANDERE_WIJK and not self.andere_wijk_id:
            raise ValidationError({"andere_wijk": _("Kies de wijk waarmee is afgestemd.")})
        if self.andere_wijk_id and self.wijkplan_id and self.andere_wijk_id == self.wijkplan.wijk_id:
            raise ValidationError({"andere_wijk": _("Kies een andere wijk dan die van het wijkplan.")})


class DoelEvaluatie(models.Model):
    """The yearly evaluation of a goal: behaald, deels or niet; what goes well; what can be better."""

    doel = models.OneToOneField(Doel, on_delete=models.CASCADE, related_name="evaluatie")
    behaald = models.CharField(_("behaald"), max_length=16, choices=Behaald.choices)
    wat_gaat_goed = models.TextField(_("wat gaat goed"), blank=True)
    wat_kan_beter = models.TextField(_("wat kan beter"), blank=True)
    datum = models.DateField(_("datum"), validators=[datum_in_bereik])
    door = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("evaluatie van een doel")
        verbose_name_plural = _("evaluaties van doelen")

    def __str__(self) -> str:
        return f"{self.doel}: {self.get_behaald_display()}"


class WijkplanOpmerking(models.Model):
    """A comment on a wijkplan by a reader: a member of the WSV, a practice of the wijk."""

    wijkplan = models.ForeignKey(Wijkplan, on_delete=models.CASCADE, related_name="opmerkingen")
    auteur = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    tekst = models.TextField(_("opmerking"))
    geplaatst_op = models.DateTimeField(_("geplaatst op"), auto_now_add=True)

    objects = WijkplanDeelQuerySet.as_manager()

    class Meta:
        verbose_name = _("opmerking bij een wijkplan")
        verbose_name_plural = _("opmerkingen bij wijkplannen")
        ordering = ["geplaatst_op", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(tekst__regex=NIET_LEEG), name="wijkplanopmerking_niet_leeg"),
        ]

    def __str__(self) -> str:
        return self.tekst[:60]


class WijkplanPdf(Achtergrondbestand):
    """The wijkplan as PDF, made by the worker from a snapshot of the plan (to share with the gemeente).

    One per plan: asking again takes a fresh snapshot and replaces the file once the new one is
    complete. The job fields (status, claim, attempts, file) come from the kernel's
    ``Achtergrondbestand``."""

    BESTANDSMAP = "wijkplannen"

    wijkplan = models.OneToOneField(Wijkplan, on_delete=models.CASCADE, related_name="pdf")
    snapshot = models.JSONField(
        _("momentopname"),
        default=dict,
        blank=True,
        help_text=_("Het plan en de cijfers zoals ze in de PDF staan, vastgelegd toen de PDF werd gemaakt."),
    )

    class Meta:
        verbose_name = _("wijkplan-PDF")
        verbose_name_plural = _("wijkplan-PDF's")

    def __str__(self) -> str:
        return f"PDF {self.wijkplan}"
