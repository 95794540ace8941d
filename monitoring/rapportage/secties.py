"""The report's sections on the continuïteit workflow and the wijkplannen, as plain JSON.

Each section is a pure read: its inputs are the wijken of the scope and the period (JSON values, so the
result can be cached by them), its output a dict that is frozen into the snapshot. The figures come from
the selectors the workflows' own pages use, so the report and those pages never disagree.
"""

from __future__ import annotations

import datetime

from django.db.models import Count, Q

from monitoring.models import Wijkplan
from monitoring.wijkplannen.constants import WijkplanStatus
from monitoring.wijkplannen.selectors import wijkplan_stand
from samenwerking.continuiteit.selectors import Cijfers, cijfers_voor_wijken, zonder_opvang
from wijken.models import Praktijk, Wijk

MAX_OVERNEMERS = 5


def _iso(d: datetime.date | None) -> str | None:
    return d.isoformat() if d else None


def _cijfers(c: Cijfers, zonder_afspraak: int) -> dict:
    return {
        "meldingen": c.meldingen,
        "dagen": c.dagen,
        # A share (0–1) of the affected kinds of care with a confirmed take-over; None without meldingen.
        "aandeel_gedekt": round(c.aandeel_gedekt, 4) if c.aandeel_gedekt is not None else None,
        "mediaan_uren_eerste_bevestiging": c.mediaan_uren_eerste_bevestiging,
        "zonder_afspraak": zonder_afspraak,
        "meest_overgenomen": [[naam, n] for naam, n in c.meest_overgenomen[:MAX_OVERNEMERS]],
    }


def continuiteit_sectie(
    *,
    wijk_ids: list[int],
    van: datetime.date,
    tot: datetime.date,
    vorige_van: datetime.date,
    vorige_tot: datetime.date,
    peildatum: datetime.date,
    peildatum_vorige: datetime.date,
) -> dict:
    """The continuïteit figures of the period and of the period to compare with (the overview's own
    ``cijfers``: meldingen with a day in the period, their days, the share of the affected care covered,
    the median hours to the first confirmation, who takes over most often), and the coverage radar:
    the active practices without any valid opvangafspraak on the ``peildatum`` (the end of the period,
    or the day the report is made if that is earlier). Seven queries."""
    praktijken = Praktijk.objects.filter(wijk_id__in=wijk_ids)
    zonder = list(
        zonder_opvang(praktijken, op=peildatum).values_list("naam", "wijk__naam", "wijk__gebied__naam")
    )
    zonder_vorige = zonder_opvang(praktijken, op=peildatum_vorige).count()
    return {
        "peildatum": _iso(peildatum),
        "peildatum_vorige": _iso(peildatum_vorige),
        "praktijken": praktijken.filter(actief=True).count(),
        "nu": _cijfers(cijfers_voor_wijken(wijk_ids=wijk_ids, van=van, tot=tot), len(zonder)),
        "vorige": _cijfers(
            cijfers_voor_wijken(wijk_ids=wijk_ids, van=vorige_van, tot=vorige_tot), zonder_vorige
        ),
        "zonder_afspraak": [{"praktijk": p, "wijk": w, "gebied": g} for p, w, g in zonder],
    }


def wijkplannen_sectie(*, wijk_ids: list[int], jaar: int) -> dict:
    """Which wijken of the scope have a vastgesteld wijkplan for the year, which one in concept and which
    none; the most common priorities across them (the region view's ``wijkplan_stand``), and the same
    counts for the year before. Four queries."""
    wijken = list(
        Wijk.objects.filter(pk__in=wijk_ids).select_related("gebied").order_by("gebied__naam", "naam")
    )
    stand = wijkplan_stand(jaar=jaar, wijken=wijken)
    vorig = Wijkplan.objects.filter(jaar=jaar - 1, wijk_id__in=wijk_ids).aggregate(
        vastgesteld=Count("pk", filter=Q(status=WijkplanStatus.VASTGESTELD)),
        concept=Count("pk", filter=Q(status=WijkplanStatus.CONCEPT)),
    )

    def wijk(w: Wijk, plan: Wijkplan | None = None) -> dict:
        uit = {"wijk": w.naam, "gebied": w.gebied.naam}
        if plan is not None and plan.vastgesteld_op:
            uit["vastgesteld_op"] = _iso(plan.vastgesteld_op)
        return uit

    return {
        "jaar": jaar,
        "wijken": len(wijken),
        "vastgesteld": [wijk(w, p) for w, p in stand.vastgesteld],
        "concept": [wijk(w) for w, _p in stand.concept],
        "geen": [wijk(w) for w in stand.geen],
        "prioriteiten": [[titel, n] for titel, n in stand.prioriteiten],
        "vorig_jaar": {
            "jaar": jaar - 1,
            "vastgesteld": vorig["vastgesteld"],
            "concept": vorig["concept"],
            "geen": len(wijken) - vorig["vastgesteld"] - vorig["concept"],
        },
    }
