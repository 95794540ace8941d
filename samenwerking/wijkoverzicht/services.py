"""Writes of the partner inventory: a practice's inventory of its first-line partners (WSV Plan phase)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from wijken.models import Partner, Praktijk
from zio_portal.models import User

from ..models import PartnerInventarisatie


@dataclass
class InventarisatieRegel:
    """What the practice says of one partner; an empty ``mate`` means: not (or no longer) filled in."""

    partner: Partner
    mate: str
    knelpunten: str = ""
    goede_voorbeelden: str = ""


@transaction.atomic
def inventarisatie_opslaan(*, praktijk: Praktijk, regels: list[InventarisatieRegel], door: User) -> int:
    """Save the practice's inventory in one go; returns the number of partners now filled in.

    Partners must be on the sociale kaart of the practice's wijk (checked by the caller's form).
    """
    bestaand = {i.partner_id: i for i in PartnerInventarisatie.objects.filter(praktijk=praktijk)}
    ingevuld = 0
    for regel in regels:
        huidig = bestaand.get(regel.partner.pk)
        if not regel.mate:
            if huidig is not None:
                huidig.delete()
            continue
        ingevuld += 1
        waarden = {
            "mate": regel.mate,
            "knelpunten": regel.knelpunten.strip(),
            "goede_voorbeelden": regel.goede_voorbeelden.strip(),
        }
        if huidig is not None and all(getattr(huidig, k) == v for k, v in waarden.items()):
            continue  # unchanged: no new history record
        item = huidig or PartnerInventarisatie(praktijk=praktijk, partner=regel.partner)
        for veld, waarde in waarden.items():
            setattr(item, veld, waarde)
        item.bijgewerkt_door = door
        item._history_user = door
        item.full_clean()
        item.save()
    return ingevuld
