"""The composition of a WSV: one mandated delegate per beroepsgroep."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from wijken.constants import Beroepsgroep
from wijken.models import Contactpersoon
from zio_portal.invoer import datum_in_bereik

from .verbanden import Samenwerkingsverband

User = settings.AUTH_USER_MODEL


class Afgevaardigde(models.Model):
    """The mandated delegate of one beroepsgroep in a WSV; at most one active per beroepsgroep."""

    verband = models.ForeignKey(Samenwerkingsverband, on_delete=models.CASCADE, related_name="afgevaardigden")
    beroepsgroep = models.CharField(_("beroepsgroep"), max_length=32, choices=Beroepsgroep.choices)
    contactpersoon = models.ForeignKey(
        Contactpersoon, on_delete=models.PROTECT, related_name="mandaten", verbose_name=_("afgevaardigde")
    )
    mandaat_op = models.DateField(_("gemandateerd op"), validators=[datum_in_bereik])
    einde_op = models.DateField(
        _("mandaat beëindigd op"), validators=[datum_in_bereik], null=True, blank=True
    )
    reden_einde = models.CharField(_("reden van beëindiging"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("afgevaardigde")
        verbose_name_plural = _("afgevaardigden")
        ordering = ["beroepsgroep", "-mandaat_op"]
        constraints = [
            models.UniqueConstraint(
                fields=["verband", "beroepsgroep"],
                condition=Q(einde_op__isnull=True),
                name="een_afgevaardigde_per_beroepsgroep",
                violation_error_message=_(
                    "Deze beroepsgroep heeft al een gemandateerde afgevaardigde in dit verband."
                ),
            ),
            models.CheckConstraint(
                condition=Q(einde_op__isnull=True) | Q(einde_op__gte=models.F("mandaat_op")),
                name="afgevaardigde_einde_na_mandaat",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.contactpersoon} ({self.get_beroepsgroep_display()})"
