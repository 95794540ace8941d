"""Scoping of the geography by role: one rule, used by selectors, views and permissions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models

from zio_portal.constants import Rol

if TYPE_CHECKING:
    from zio_portal.models import User


def _regio(user: User) -> bool:
    return user.is_authenticated and (user.heeft_regio_rol or user.is_superuser)


class GebiedQuerySet(models.QuerySet):
    def zichtbaar_voor(self, user: User) -> GebiedQuerySet:
        if _regio(user):
            return self.all()
        if user.is_authenticated and user.rol == Rol.GEBIEDSMANAGER:
            return self.filter(gebiedsmanagers=user)
        if user.is_authenticated and user.rol == Rol.PRAKTIJKMEDEWERKER:
            return self.filter(wijken__praktijken__medewerkers__user=user).distinct()
        return self.none()


class WijkQuerySet(models.QuerySet):
    def zichtbaar_voor(self, user: User) -> WijkQuerySet:
        if _regio(user):
            return self.all()
        if user.is_authenticated and user.rol == Rol.GEBIEDSMANAGER:
            return self.filter(gebied__gebiedsmanagers=user)
        if user.is_authenticated and user.rol == Rol.PRAKTIJKMEDEWERKER:
            return self.filter(praktijken__medewerkers__user=user).distinct()
        return self.none()


class PraktijkQuerySet(models.QuerySet):
    def zichtbaar_voor(self, user: User) -> PraktijkQuerySet:
        """Practice staff see the practices of their own wijk (they work together there)."""
        if _regio(user):
            return self.all()
        if user.is_authenticated and user.rol == Rol.GEBIEDSMANAGER:
            return self.filter(wijk__gebied__gebiedsmanagers=user)
        if user.is_authenticated and user.rol == Rol.PRAKTIJKMEDEWERKER:
            return self.filter(wijk__praktijken__medewerkers__user=user).distinct()
        return self.none()

    def van_medewerker(self, user: User) -> PraktijkQuerySet:
        """The practices this user works for."""
        return self.filter(medewerkers__user=user)


class PartnerQuerySet(models.QuerySet):
    def zichtbaar_voor(self, user: User) -> PartnerQuerySet:
        if _regio(user):
            return self.all()
        wijken = self.model._meta.get_field("wijken").related_model.objects.zichtbaar_voor(user)
        return self.filter(wijken__in=wijken).distinct()
