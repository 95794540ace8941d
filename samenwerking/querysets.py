"""Scoping of verbanden and agreements by role: the wijken a user may see, plus the verbanden the
user's own practice takes part in (a border practice can join a verband of a neighbouring wijk)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models

from wijken.models import Wijk
from zio_portal.constants import Rol
from zio_portal.permissions import heeft_regio_rol

if TYPE_CHECKING:
    from zio_portal.models import User


def _verband_scope(user: User, prefix: str = "") -> models.Q:
    if heeft_regio_rol(user):  # the whole region: no filter, not subqueries selecting every row
        return models.Q()
    q = models.Q(**{f"{prefix}wijk__in": Wijk.objects.zichtbaar_voor(user).values("pk")})
    if user.is_authenticated and user.rol == Rol.PRAKTIJKMEDEWERKER:
        from .models import Deelname

        eigen = Deelname.objects.filter(praktijk__medewerkers__user=user).values("verband")
        q |= models.Q(**{f"{prefix}pk__in": eigen})
    return q


class VerbandQuerySet(models.QuerySet):
    def zichtbaar_voor(self, user: User) -> VerbandQuerySet:
        """Region roles see all; a gebiedsmanager their gebieden; practice staff their wijk and verbanden."""
        return self.filter(_verband_scope(user))


class AfspraakQuerySet(models.QuerySet):
    def zichtbaar_voor(self, user: User) -> AfspraakQuerySet:
        from .models import Samenwerkingsverband

        if heeft_regio_rol(user):
            return self.all()
        return self.filter(verband__in=Samenwerkingsverband.objects.zichtbaar_voor(user).values("pk"))


# --- Terugkoppeling ---------------------------------------------------------------------------------
class TerugkoppelingQuerySet(models.QuerySet):
    def zichtbaar_voor(self, user: User) -> TerugkoppelingQuerySet:
        """The beheerder sees all; the projectleider and beleidsadviseur what was sent to them; a
        gebiedsmanager the terugkoppelingen (also concepts) of their own gebieden; nobody else any."""
        from zio_portal.constants import Rol

        if not user.is_authenticated:
            return self.none()
        if user.is_superuser or user.rol == Rol.BEHEERDER:
            return self.all()
        if user.rol in (Rol.PROJECTLEIDER, Rol.BELEIDSADVISEUR):
            from .constants import TerugkoppelingStatus

            return self.filter(status=TerugkoppelingStatus.VERZONDEN)
        if user.rol == Rol.GEBIEDSMANAGER:
            return self.filter(gebied__gebiedsmanagers=user)
        return self.none()


# --- Overleggen ---------------------------------------------------------------------------------------
class OverlegQuerySet(models.QuerySet):
    def zichtbaar_voor(self, user: User) -> OverlegQuerySet:
        """A meeting is visible to whoever sees its verband."""
        from .models import Samenwerkingsverband

        if heeft_regio_rol(user):
            return self.all()
        return self.filter(verband__in=Samenwerkingsverband.objects.zichtbaar_voor(user).values("pk"))
