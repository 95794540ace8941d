"""The practices' inventory of their first-line partners (WSV Plan phase)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from wijken.models import Partner, Praktijk

from ..constants import (
    SamenwerkingMate,
)

User = settings.AUTH_USER_MODEL


class PartnerInventarisatie(models.Model):
    """Plan phase of a WSV: how a practice works with a first-line partner today."""

    praktijk = models.ForeignKey(Praktijk, on_delete=models.CASCADE, related_name="partnerinventarisatie")
    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="inventarisaties")
    mate = models.CharField(_("samenwerking"), max_length=16, choices=SamenwerkingMate.choices)
    knelpunten = models.TextField(_("knelpunten"), blank=True)
    goede_voorbeelden = models.TextField(_("goede voorbeelden"), blank=True)
    bijgewerkt_op = models.DateTimeField(_("bijgewerkt op"), auto_now=True)
    bijgewerkt_door = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("inventarisatie eerstelijnspartner")
        verbose_name_plural = _("inventarisatie eerstelijnspartners")
        constraints = [models.UniqueConstraint(fields=["praktijk", "partner"], name="inventarisatie_uniek")]

    def __str__(self) -> str:
        return f"{self.praktijk} – {self.partner}: {self.get_mate_display()}"
