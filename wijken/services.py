"""Writes of the geography: the wijkindeling of a practice (its wijk from a date on, with the history)."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from zio_portal.models import User

from .models import Praktijk, Wijk, WijkToewijzing


@transaction.atomic
def wijktoewijzing_vastleggen(
    *,
    praktijk: Praktijk,
    wijk: Wijk,
    ingangsdatum: datetime.date,
    grenspraktijk: bool,
    reden: str,
    door: User,
) -> WijkToewijzing:
    """Assign a practice to a wijk from a date on: a new WijkToewijzing row (earlier ones stay, so the
    history is kept), and the practice's current wijk follows the latest assignment that has started.

    A border practice needs the reason (the agreement made); a date in the future is refused, because
    nothing would move the practice on that day; two assignments on one date are refused."""
    reden = (reden or "").strip()
    fouten = {}
    if grenspraktijk and not reden:
        fouten["reden"] = _("Vul bij een grenspraktijk de reden en de gemaakte afspraak in.")
    if ingangsdatum > timezone.localdate():
        fouten["ingangsdatum"] = _("Kies vandaag of een datum in het verleden.")
    # Lock the practice, so two simultaneous assignments are checked one after the other.
    praktijk = Praktijk.objects.select_for_update().get(pk=praktijk.pk)
    if WijkToewijzing.objects.filter(praktijk=praktijk, ingangsdatum=ingangsdatum).exists():
        fouten["ingangsdatum"] = _("Op deze datum is al een toewijzing vastgelegd; kies een andere datum.")
    if fouten:
        raise ValidationError(fouten)
    toewijzing = WijkToewijzing(
        praktijk=praktijk,
        wijk=wijk,
        ingangsdatum=ingangsdatum,
        grenspraktijk=grenspraktijk,
        reden=reden,
        vastgelegd_door=door,
    )
    toewijzing.full_clean()
    toewijzing.save()
    huidig = (
        WijkToewijzing.objects.filter(praktijk=praktijk, ingangsdatum__lte=timezone.localdate())
        .order_by("-ingangsdatum")
        .first()
    )
    if huidig and praktijk.wijk_id != huidig.wijk_id:
        praktijk.wijk_id = huidig.wijk_id
        praktijk.save(update_fields=["wijk"])
    return toewijzing
