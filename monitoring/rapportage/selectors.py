"""Reads of the regionale rapportages, scoped to the user."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from monitoring.models import Rapportage
from zio_portal.constants import Rol
from zio_portal.models import User


def rapportage_list(*, user: User) -> QuerySet[Rapportage]:
    """Region roles see every report; a gebiedsmanager only the shared reports of their gebieden (or a
    wijk in them); practice staff none."""
    qs = Rapportage.objects.select_related("gebied", "wijk", "aangevraagd_door").defer("snapshot")
    if not user.is_authenticated:
        return qs.none()
    if user.is_superuser or user.heeft_regio_rol:
        return qs
    if user.rol == Rol.GEBIEDSMANAGER:
        return (
            qs.filter(gedeeld_op__isnull=False)
            .filter(Q(gebied__gebiedsmanagers=user) | Q(wijk__gebied__gebiedsmanagers=user))
            .distinct()
        )
    return qs.none()
