"""Who sees which opvangafspraken and uitvalmeldingen: region roles all, a gebiedsmanager their
gebieden, practice staff the arrangements of their verbanden and the meldingen that concern their
practice (their own, and the ones they are asked to help with)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models

from zio_portal.constants import Rol

if TYPE_CHECKING:
    from zio_portal.models import User


def _regio(user: User) -> bool:
    return user.is_authenticated and (user.heeft_regio_rol or user.is_superuser)


def _eigen_praktijken(user: User):
    from wijken.models import Praktijk

    return Praktijk.objects.filter(medewerkers__user=user).values("pk")


class OpvangafspraakQuerySet(models.QuerySet):
    def zichtbaar_voor(self, user: User) -> OpvangafspraakQuerySet:
        """Every practice of the verband (and a helper from the wijk) sees the verband's arrangements."""
        if _regio(user):
            return self.all()
        if user.is_authenticated and user.rol == Rol.GEBIEDSMANAGER:
            return self.filter(verband__wijk__gebied__gebiedsmanagers=user)
        if user.is_authenticated and user.rol == Rol.PRAKTIJKMEDEWERKER:
            from ..models import Deelname, OpvangPraktijk

            verbanden = Deelname.objects.filter(
                praktijk__in=_eigen_praktijken(user), uitgetreden_op__isnull=True
            ).values("verband")
            helpend = OpvangPraktijk.objects.filter(praktijk__in=_eigen_praktijken(user)).values("afspraak")
            return self.filter(models.Q(verband__in=verbanden) | models.Q(pk__in=helpend))
        return self.none()

    def geldig_op(self, datum) -> OpvangafspraakQuerySet:
        return self.filter(geldig_van__lte=datum).filter(
            models.Q(geldig_tot__isnull=True) | models.Q(geldig_tot__gte=datum)
        )

    def geldig_in(self, van, tot) -> OpvangafspraakQuerySet:
        """Arrangements valid on at least one day of the period."""
        return self.filter(geldig_van__lte=tot).filter(
            models.Q(geldig_tot__isnull=True) | models.Q(geldig_tot__gte=van)
        )


class UitvalMeldingQuerySet(models.QuerySet):
    def zichtbaar_voor(self, user: User) -> UitvalMeldingQuerySet:
        if _regio(user):
            return self.all()
        if user.is_authenticated and user.rol == Rol.GEBIEDSMANAGER:
            return self.filter(praktijk__wijk__gebied__gebiedsmanagers=user)
        if user.is_authenticated and user.rol == Rol.PRAKTIJKMEDEWERKER:
            from ..models import OpvangVerzoek

            gevraagd = OpvangVerzoek.objects.filter(praktijk__in=_eigen_praktijken(user)).values("melding")
            return self.filter(models.Q(praktijk__in=_eigen_praktijken(user)) | models.Q(pk__in=gevraagd))
        return self.none()

    def in_periode(self, van, tot) -> UitvalMeldingQuerySet:
        """Meldingen with at least one day in the period (the overview and the report count these)."""
        return self.filter(van__lte=tot, tot__gte=van)


class OpvangVerzoekQuerySet(models.QuerySet):
    def zichtbaar_voor(self, user: User) -> OpvangVerzoekQuerySet:
        """A request is visible to whoever sees its melding."""
        from ..models import UitvalMelding

        return self.filter(melding__in=UitvalMelding.objects.zichtbaar_voor(user).values("pk"))
