"""Writes of the composition of a WSV: appoint, replace and end mandates."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from wijken.constants import Beroepsgroep
from wijken.models import Contactpersoon
from zio_portal.models import User

from ..models import (
    Afgevaardigde,
    Samenwerkingsverband,
)

# The fields of an agreement a user edits; the rest is kept by the services.


def _controleer_kandidaat(
    *, verband: Samenwerkingsverband, beroepsgroep: str, contactpersoon: Contactpersoon
) -> None:
    """The delegate must be a contact of a partner of that beroepsgroep in the wijk (or, for the
    huisartsen, of a practice in or taking part in the wijk's verband)."""
    from .selectors import afgevaardigde_kandidaten

    if (
        afgevaardigde_kandidaten(verband=verband, beroepsgroep=beroepsgroep)
        .filter(pk=contactpersoon.pk)
        .exists()
    ):
        return
    groep = Beroepsgroep(beroepsgroep).label
    if beroepsgroep == Beroepsgroep.HUISARTS:
        bericht = _("Kies voor de huisartsen een contactpersoon van een huisartsenpraktijk in wijk %(wijk)s.")
    else:
        bericht = _("Kies een contactpersoon van een partner uit de beroepsgroep %(groep)s in wijk %(wijk)s.")
    raise ValidationError({"contactpersoon": bericht % {"groep": groep, "wijk": verband.wijk.naam}})


def _afgevaardigde_opslaan(afgevaardigde: Afgevaardigde, door: User) -> Afgevaardigde:
    """full_clean, then save; a race on the one-active-per-beroepsgroep constraint becomes a form error."""
    afgevaardigde._history_user = door
    afgevaardigde.full_clean()
    try:
        with transaction.atomic():
            afgevaardigde.save()
    except IntegrityError as fout:
        raise ValidationError(
            {"beroepsgroep": _("Deze beroepsgroep heeft al een gemandateerde afgevaardigde in dit verband.")}
        ) from fout
    return afgevaardigde


@transaction.atomic
def afgevaardigde_benoemen(
    *,
    verband: Samenwerkingsverband,
    beroepsgroep: str,
    contactpersoon: Contactpersoon,
    mandaat_op: datetime.date,
    door: User,
) -> Afgevaardigde:
    """Appoint the mandated delegate of a vacant beroepsgroep in a WSV, from the mandate date."""
    # Lock the verband: two managers appointing at once are served one after the other.
    verband = Samenwerkingsverband.objects.select_for_update().select_related("wijk").get(pk=verband.pk)
    if not verband.is_wsv:
        raise ValidationError(_("Alleen een multidisciplinair WSV heeft afgevaardigden per beroepsgroep."))
    huidig = (
        verband.afgevaardigden.filter(beroepsgroep=beroepsgroep, einde_op__isnull=True)
        .select_related("contactpersoon")
        .first()
    )
    if huidig is not None:
        raise ValidationError(
            {
                "beroepsgroep": _(
                    "%(groep)s heeft al een gemandateerde afgevaardigde: %(naam)s (sinds %(datum)s). "
                    "Vervang of beëindig dat mandaat eerst."
                )
                % {
                    "groep": huidig.get_beroepsgroep_display(),
                    "naam": huidig.contactpersoon.naam,
                    "datum": huidig.mandaat_op.strftime("%d-%m-%Y"),
                }
            }
        )
    _controleer_kandidaat(verband=verband, beroepsgroep=beroepsgroep, contactpersoon=contactpersoon)
    vorige_einde = (
        verband.afgevaardigden.filter(beroepsgroep=beroepsgroep, einde_op__isnull=False)
        .order_by("-einde_op")
        .values_list("einde_op", flat=True)
        .first()
    )
    if vorige_einde and mandaat_op < vorige_einde:
        raise ValidationError(
            {
                "mandaat_op": _(
                    "Het vorige mandaat van deze beroepsgroep liep tot %(datum)s; "
                    "het nieuwe kan niet eerder ingaan."
                )
                % {"datum": vorige_einde.strftime("%d-%m-%Y")}
            }
        )
    return _afgevaardigde_opslaan(
        Afgevaardigde(
            verband=verband, beroepsgroep=beroepsgroep, contactpersoon=contactpersoon, mandaat_op=mandaat_op
        ),
        door,
    )


@transaction.atomic
def afgevaardigde_vervangen(
    *,
    afgevaardigde: Afgevaardigde,
    contactpersoon: Contactpersoon,
    per: datetime.date,
    reden: str,
    door: User,
) -> Afgevaardigde:
    """End the current mandate on ``per`` and start the new delegate's mandate on that same date."""
    oud = Afgevaardigde.objects.select_for_update().select_related("verband__wijk").get(pk=afgevaardigde.pk)
    if oud.einde_op is not None:
        raise ValidationError(
            _("Dit mandaat is al beëindigd op %(datum)s; benoem een nieuwe afgevaardigde.")
            % {"datum": oud.einde_op.strftime("%d-%m-%Y")}
        )
    if contactpersoon.pk == oud.contactpersoon_id:
        raise ValidationError({"contactpersoon": _("Kies een andere persoon dan de huidige afgevaardigde.")})
    if per < oud.mandaat_op:
        raise ValidationError(
            {
                "per": _("Het huidige mandaat ging in op %(datum)s; vervangen kan vanaf die datum.")
                % {"datum": oud.mandaat_op.strftime("%d-%m-%Y")}
            }
        )
    _controleer_kandidaat(verband=oud.verband, beroepsgroep=oud.beroepsgroep, contactpersoon=contactpersoon)
    oud.einde_op = per
    oud.reden_einde = reden.strip() or _("Vervangen door %(naam)s") % {"naam": contactpersoon.naam}
    _afgevaardigde_opslaan(oud, door)
    return _afgevaardigde_opslaan(
        Afgevaardigde(
            verband=oud.verband, beroepsgroep=oud.beroepsgroep, contactpersoon=contactpersoon, mandaat_op=per
        ),
        door,
    )


@transaction.atomic
def afgevaardigde_beeindigen(
    *, afgevaardigde: Afgevaardigde, einde_op: datetime.date, reden_einde: str, door: User
) -> Afgevaardigde:
    """End a mandate without a successor: the beroepsgroep becomes vacant; the history stays."""
    oud = Afgevaardigde.objects.select_for_update().get(pk=afgevaardigde.pk)
    if oud.einde_op is not None:
        raise ValidationError(
            _("Dit mandaat is al beëindigd op %(datum)s.") % {"datum": oud.einde_op.strftime("%d-%m-%Y")}
        )
    if einde_op < oud.mandaat_op:
        raise ValidationError(
            {
                "einde_op": _("Het mandaat ging in op %(datum)s; het kan niet eerder eindigen.")
                % {"datum": oud.mandaat_op.strftime("%d-%m-%Y")}
            }
        )
    if not reden_einde.strip():
        raise ValidationError({"reden_einde": _("Geef de reden waarom het mandaat stopt.")})
    oud.einde_op = einde_op
    oud.reden_einde = reden_einde.strip()
    return _afgevaardigde_opslaan(oud, door)
