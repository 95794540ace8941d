"""Models of the regionale rapportage: the report made by a background job, and its beat schedule."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from wijken.models import Gebied, Wijk
from wijken.validators import NIET_LEEG
from zio_portal.achtergrond import LOPEND, Achtergrondbestand, _private_storage  # noqa: F401 (migration 0001)
from zio_portal.invoer import datum_in_bereik

from ..constants import RapportageStatus, ScopeSoort

User = settings.AUTH_USER_MODEL
# The commentary goes into the PDF's summary; longer text is refused, never cut.
COMMENTAAR_MAX_TEKENS = 2000


class Rapportage(Achtergrondbestand):
    """A regionale rapportage (PDF) made by a background job, kept with the data it was made from.

    The job fields (status, claim, pogingen, gestart_op, gereed_op, foutmelding, bestand) come from the
    kernel's ``Achtergrondbestand``."""

    BESTANDSMAP = "rapportages"

    periode_van = models.DateField(_("periode van"), validators=[datum_in_bereik])
    periode_tot = models.DateField(_("periode tot en met"), validators=[datum_in_bereik])
    scope = models.CharField(
        _("reikwijdte"), max_length=16, choices=ScopeSoort.choices, default=ScopeSoort.REGIO
    )
    gebied = models.ForeignKey(
        Gebied, on_delete=models.PROTECT, null=True, blank=True, related_name="rapportages"
    )
    wijk = models.ForeignKey(
        Wijk, on_delete=models.PROTECT, null=True, blank=True, related_name="rapportages"
    )
    aangevraagd_door = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, related_name="rapportages"
    )
    aangevraagd_op = models.DateTimeField(_("aangevraagd op"), auto_now_add=True)
    snapshot = models.JSONField(
        _("gegevens"), null=True, blank=True, help_text=_("De gegevens waarop het rapport is gebaseerd.")
    )
    commentaar = models.TextField(
        _("commentaar van de beleidsadviseur"),
        blank=True,
        validators=[MaxLengthValidator(COMMENTAAR_MAX_TEKENS)],
    )
    gepland = models.CharField(
        _("gepland"),
        max_length=32,
        blank=True,
        help_text=_("Voor een door de planning gemaakt rapport, bijvoorbeeld jaar-2025 of kwartaal-2026-1."),
    )
    definitief_op = models.DateTimeField(_("definitief op"), null=True, blank=True)
    gedeeld_op = models.DateTimeField(_("gedeeld op"), null=True, blank=True)
    gedeeld_met_praktijkmanagers = models.BooleanField(
        _("ook gedeeld met de praktijkmanagers"),
        default=False,
        help_text=_("De praktijkmanagers van de praktijken binnen de reikwijdte mogen het rapport zien."),
    )
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
            # One open request per scope, period and requester (also under parallel clicks, which a
            # row lock cannot stop: the row does not exist yet). A re-render of a finished report
            # (gereed_op set) is not a new request. Coalesce: NULLs would never be equal.
            models.UniqueConstraint(
                "scope",
                "periode_van",
                "periode_tot",
                Coalesce("gebied", models.Value(0)),
                Coalesce("wijk", models.Value(0)),
                Coalesce("aangevraagd_door", models.Value(0)),
                condition=Q(status__in=LOPEND, gereed_op__isnull=True),
                name="rapportage_een_open_aanvraag",
                violation_error_message=_(
                    "U hebt deze rapportage (zelfde reikwijdte en periode) al aangevraagd; hij wordt nog "
                    "gemaakt. Wacht tot hij klaar is."
                ),
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
