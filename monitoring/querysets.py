"""Scoping of the monitoring by role: who may see which responses and visits."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models

from zio_portal.permissions import is_beheerder, is_beleidsadviseur, is_praktijkmedewerker

if TYPE_CHECKING:
    from zio_portal.models import User


def beheert_monitoring(user: User) -> bool:
    """The beleidsadviseur and the beheerder run the monitoring region-wide."""
    return is_beheerder(user) or is_beleidsadviseur(user)


class ResponsQuerySet(models.QuerySet):
    def zichtbaar_voor(self, user: User) -> ResponsQuerySet:
        """Individual answers: only the practice's own staff and those who run the monitoring.

        Projectleider and gebiedsmanagers see results as aggregates only (vragenlijsten.selectors.resultaten).
        """
        if beheert_monitoring(user):
            return self.all()
        if is_praktijkmedewerker(user):
            return self.filter(praktijk__medewerkers__user=user)
        return self.none()


class PraktijkbezoekQuerySet(models.QuerySet):
    def zichtbaar_voor(self, user: User) -> PraktijkbezoekQuerySet:
        """Visits: the practice's own staff, and the beleidsadviseur and beheerder."""
        if beheert_monitoring(user):
            return self.all()
        if is_praktijkmedewerker(user):
            return self.filter(praktijk__medewerkers__user=user)
        return self.none()
