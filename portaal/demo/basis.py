"""What every builder shares: the plan, the rows to insert and what exists already."""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta
from typing import Any

from django.utils import timezone

from portaal.demo.hulp import rng_voor
from portaal.demo.plan import WijkPlan, plan_partners, plan_praktijken, plan_wijken
from portaal.demo.rijen import Rijen
from portaal.demo.teksten.afspraken import AFSPRAKEN, AfspraakTekst
from portaal.demo.teksten.regio import wijkindeling_op, wijkindeling_reden
from samenwerking.models import Afspraak
from wijken.models import Praktijk, Wijk


class BouwerBasis:
    """The state every builder shares: the plan, the rows to insert, and what exists already."""

    def __init__(self, schaal: int) -> None:
        self.schaal = schaal
        self.vandaag = timezone.localdate()
        self.jaar = self.vandaag.year
        self.nu = timezone.now()
        self.rijen = Rijen()
        self.wijkplannen = plan_wijken(schaal)
        self.praktijkplannen = plan_praktijken(self.wijkplannen)
        self.partnerplannen = plan_partners(self.wijkplannen)
        self.plan_per_agb = {p.agb: p for p in self.praktijkplannen}
        # Every date of the demo is relative to the day it is built ("a region in the middle of its
        # year"): the wijkindeling about two years back, a border practice reassigned 100 days ago.
        self.wijkindeling = wijkindeling_op(self.vandaag)
        self.wijkindeling_reden = wijkindeling_reden(self.vandaag)
        self.herindeling = self.vandaag - timedelta(days=100)
        self.gebruikers: dict[str, Any] = {}
        self.gebiedsmanager: dict[str, Any] = {}
        self.wijken: dict[str, Wijk] = {}
        self.nieuwe_praktijken: dict[str, Praktijk] = {}
        self.pm_gebruiker: dict[str, Any] = {}
        self.nieuwe_gebruikers: set[str] = set()
        self.nieuwe_afspraken: list[Afspraak] = []
        self._context_geladen = False
        # Indexes of the plan, so building a verband does not scan all plans.
        self.partnerplannen_per = defaultdict(list)
        for plan in self.partnerplannen:
            for wijknaam in plan.wijken:
                self.partnerplannen_per[(wijknaam, plan.beroepsgroep)].append(plan)
        self.praktijkplannen_per_wijk = defaultdict(list)
        for plan in self.praktijkplannen:
            self.praktijkplannen_per_wijk[plan.wijk.naam].append(plan)
            if plan.herindeling_naar:
                self.praktijkplannen_per_wijk[plan.herindeling_naar].append(plan)

    def _afspraakteksten(self, wp: WijkPlan) -> list[AfspraakTekst]:
        teksten = list(AFSPRAKEN)
        rng_voor("afspraakteksten", wp.naam).shuffle(teksten)
        return teksten
