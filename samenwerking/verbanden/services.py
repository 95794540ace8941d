"""Writes of the PDCA step plan of a verband: steps and cycles."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from zio_portal.cache import verhoog
from zio_portal.models import User

from ..constants import (
    StapStatus,
)
from ..models import (
    PdcaCyclus,
    PdcaStap,
    Samenwerkingsverband,
    StapVoortgang,
    Thema,
)

# The fields of an agreement a user edits; the rest is kept by the services.


@transaction.atomic
def stap_bijwerken(
    *, verband: Samenwerkingsverband, stap: PdcaStap, status: str, notitie: str, door: User
) -> StapVoortgang:
    """Record a PDCA step of the verband's current cycle as started or done, with a note."""
    if stap.soort != verband.soort:
        raise ValidationError(_("Deze stap hoort niet bij het stappenplan van dit verband."))
    cyclus = verband.cycli.filter(afgerond_op__isnull=True).first()
    if cyclus is None:
        cyclus = _cyclus_openen(verband=verband, nummer=1, themas=[])
    voortgang, _nieuw = StapVoortgang.objects.get_or_create(cyclus=cyclus, stap=stap)
    vandaag = timezone.localdate()
    voortgang.status = status
    if status in (StapStatus.GESTART, StapStatus.AFGEROND) and voortgang.gestart_op is None:
        voortgang.gestart_op = vandaag
    voortgang.afgerond_op = vandaag if status == StapStatus.AFGEROND else None
    if status == StapStatus.NIET_GESTART:
        voortgang.gestart_op = None
    voortgang.notitie = notitie
    voortgang.bijgewerkt_door = door
    voortgang._history_user = door
    voortgang.full_clean()
    voortgang.save()
    return voortgang


def _cyclus_openen(*, verband: Samenwerkingsverband, nummer: int, themas: Iterable[Thema]) -> PdcaCyclus:
    cyclus = PdcaCyclus(verband=verband, nummer=nummer, gestart_op=timezone.localdate())
    cyclus.full_clean()
    cyclus.save()
    cyclus.themas.set(themas)
    StapVoortgang.objects.bulk_create(
        StapVoortgang(cyclus=cyclus, stap=stap) for stap in PdcaStap.objects.filter(soort=verband.soort)
    )
    verhoog("samenwerking")  # bulk_create sends no post_save
    return cyclus


@transaction.atomic
def cyclus_starten(*, verband: Samenwerkingsverband, themas: Iterable[Thema], door: User) -> PdcaCyclus:
    """After borging (the last step done), close the current cycle and start a new one with new themes."""
    huidig = verband.cycli.select_for_update().filter(afgerond_op__isnull=True).first()
    if huidig is not None:
        laatste = PdcaStap.objects.filter(soort=verband.soort).order_by("-nummer").first()
        klaar = huidig.voortgang.filter(stap=laatste, status=StapStatus.AFGEROND).exists()
        if not klaar:
            raise ValidationError(
                _("Rond eerst de laatste stap (borging) af voordat een nieuwe cyclus begint.")
            )
        huidig.afgerond_op = timezone.localdate()
        huidig.save(update_fields=["afgerond_op"])
    nummer = (verband.cycli.order_by("-nummer").values_list("nummer", flat=True).first() or 0) + 1
    return _cyclus_openen(verband=verband, nummer=nummer, themas=themas)
