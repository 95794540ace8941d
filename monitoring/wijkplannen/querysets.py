"""Who sees which wijkplan: as for the WSV, whoever sees the wijk or the wijk's WSV."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models

from samenwerking.constants import VerbandSoort
from samenwerking.models import Samenwerkingsverband
from wijken.models import Wijk

if TYPE_CHECKING:
    from zio_portal.models import User


def _wijken_zichtbaar_voor(user: User) -> models.Q:
    wsv_wijken = (
        Samenwerkingsverband.objects.zichtbaar_voor(user)
        .filter(soort=VerbandSoort.MULTIDISCIPLINAIR)
        .values("wijk")
    )
    return models.Q(pk__in=Wijk.objects.zichtbaar_voor(user).values("pk")) | models.Q(pk__in=wsv_wijken)


class WijkplanQuerySet(models.QuerySet):
    def zichtbaar_voor(self, user: User) -> WijkplanQuerySet:
        """Region roles see all; a gebiedsmanager the plans of their gebieden; practice staff the plans
        of their wijk and of the WSVs their practice takes part in."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(wijk__in=Wijk.objects.filter(_wijken_zichtbaar_voor(user)).values("pk"))


class WijkplanDeelQuerySet(models.QuerySet):
    def zichtbaar_voor(self, user: User) -> WijkplanDeelQuerySet:
        """A part of a plan is visible to whoever sees the plan."""
        from monitoring.models import Wijkplan

        return self.filter(wijkplan__in=Wijkplan.objects.zichtbaar_voor(user).values("pk"))
