"""Check/Act: the gebiedsmanager's terugkoppeling to the projectleider, per WSV."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from wijken.models import Gebied
from zio_portal.invoer import datum_in_bereik

from ..constants import (
    TerugkoppelingStatus,
)
from ..querysets import TerugkoppelingQuerySet
from .verbanden import Samenwerkingsverband

User = settings.AUTH_USER_MODEL


class GebiedTerugkoppeling(models.Model):
    """Check/Act: the gebiedsmanager's feedback on a gebied and period to the projectleider."""

    gebied = models.ForeignKey(Gebied, on_delete=models.PROTECT, related_name="terugkoppelingen")
    periode_van = models.DateField(_("periode van"), validators=[datum_in_bereik])
    periode_tot = models.DateField(_("periode tot en met"), validators=[datum_in_bereik])
    samenvatting = models.TextField(_("samenvatting"), blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=TerugkoppelingStatus.choices, default=TerugkoppelingStatus.CONCEPT
    )
    opgesteld_door = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    verzonden_op = models.DateTimeField(_("verzonden op"), null=True, blank=True)
    history = HistoricalRecords()

    objects = TerugkoppelingQuerySet.as_manager()

    class Meta:
        verbose_name = _("terugkoppeling aan projectleider")
        verbose_name_plural = _("terugkoppelingen aan projectleider")
        ordering = ["-periode_tot", "gebied"]
        constraints = [
            models.UniqueConstraint(
                fields=["gebied", "periode_van", "periode_tot"], name="terugkoppeling_uniek"
            ),
            models.CheckConstraint(
                condition=Q(periode_tot__gte=models.F("periode_van")), name="terugkoppeling_periode_geldig"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.gebied} {self.periode_van:%d-%m-%Y} – {self.periode_tot:%d-%m-%Y}"


class TerugkoppelingRegel(models.Model):
    """Findings and actions of one WSV in a terugkoppeling; the projectleider marks what goes to the RESV."""

    terugkoppeling = models.ForeignKey(GebiedTerugkoppeling, on_delete=models.CASCADE, related_name="regels")
    verband = models.ForeignKey(Samenwerkingsverband, on_delete=models.PROTECT, related_name="+")
    bevindingen = models.TextField(_("bevindingen"), blank=True)
    acties = models.TextField(_("acties"), blank=True)
    naar_resv = models.BooleanField(_("naar het RESV"), default=False)
    resv_besproken_op = models.DateField(
        _("besproken in het RESV op"),
        validators=[datum_in_bereik],
        null=True,
        blank=True,
        help_text=_("De datum van de RESV-vergadering."),
    )
    resv_uitkomst = models.TextField(
        _("uitkomst in het RESV"), blank=True, help_text=_("Wat het RESV besloot of afsprak over dit punt.")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("terugkoppeling per WSV")
        verbose_name_plural = _("terugkoppelingen per WSV")
        constraints = [
            models.UniqueConstraint(fields=["terugkoppeling", "verband"], name="terugkoppelingregel_uniek")
        ]

    def __str__(self) -> str:
        return f"{self.terugkoppeling}: {self.verband}"
