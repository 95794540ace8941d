"""Praktijkbezoeken: held, planned and cancelled visits with feedback and support needs."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from typing import Any

from monitoring.constants import BezoekStatus
from monitoring.models import Bouwsteen, Ondersteuningsbehoefte, Praktijkbezoek
from portaal.demo.basis import BouwerBasis
from portaal.demo.hulp import moment_op, rng_voor, werkdag_vanaf
from portaal.demo.plan import PraktijkPlan
from portaal.demo.teksten.monitoring import ONDERSTEUNING, REACTIES_PRAKTIJK, UITDAGINGEN, WAT_GAAT_GOED
from samenwerking.models import Thema
from wijken.models import Praktijk


class BezoekBouwer(BouwerBasis):
    """The praktijkbezoeken of the new practices."""

    def _bezoeken(self) -> None:
        """Visits of the new practices: most were visited in the last 12 months, about one in eight not."""
        if not self.nieuwe_praktijken:
            return
        bezoeker = self.gebruikers["beleidsadviseur"]
        bouwstenen = list(Bouwsteen.objects.order_by("nummer"))
        themas = {t.naam: t for t in Thema.objects.all()}
        vandaag = self.vandaag
        for agb, praktijk in self.nieuwe_praktijken.items():
            plan = self.plan_per_agb[agb]
            rng = rng_voor("bezoeken", agb)
            pm = self.pm_gebruiker[agb]
            demo = dict(plan.rollen)
            wijkthemas = []
            if plan.wijk.defn.ha_stap >= 2:
                namen = dict.fromkeys(t.thema for t in self._afspraakteksten(plan.wijk)[:3])
                wijkthemas = [themas[naam] for naam in namen if naam in themas]
            gehouden: list[date] = []
            if plan.index % 8 == 7:  # no visit in the last 12 months
                if rng.random() < 0.5:
                    gehouden.append(vandaag - timedelta(days=rng.randint(390, 560)))
            else:
                recent = vandaag - timedelta(days=rng.randint(14, 330))
                if "praktijkmanager" in demo:
                    recent = vandaag - timedelta(days=30)
                gehouden.append(recent)
                if rng.random() < 0.65:
                    gehouden.append(recent - timedelta(days=rng.randint(330, 400)))
            for n, dag in enumerate(sorted(gehouden)):
                laatste = n == len(gehouden) - 1
                self._bezoek(praktijk, plan, dag, laatste, pm, bezoeker, bouwstenen, wijkthemas, rng, demo)
            if plan.index % 16 == 7 or (plan.index % 8 != 7 and rng.random() < 0.12):
                gepland = werkdag_vanaf(
                    vandaag + timedelta(days=rng.randint(5, 60)), rng.choice([0, 1, 2, 3])
                )
                bezoek = self.rijen.add(
                    Praktijkbezoek(
                        praktijk=praktijk,
                        gepland_op=moment_op(gepland, rng.choice([9, 13, 15]), 30),
                        status=BezoekStatus.GEPLAND,
                    )
                )
                self.rijen.koppel(bezoek, "bezoekers", [bezoeker])
            if rng.random() < 0.04:
                geannuleerd = vandaag - timedelta(days=rng.randint(60, 120))
                bezoek = self.rijen.add(
                    Praktijkbezoek(
                        praktijk=praktijk,
                        gepland_op=moment_op(geannuleerd, 14),
                        status=BezoekStatus.GEANNULEERD,
                    )
                )
                self.rijen.koppel(bezoek, "bezoekers", [bezoeker])
        self.rijen.opslaan(Praktijkbezoek, Ondersteuningsbehoefte)

    def _bezoek(
        self,
        praktijk: Praktijk,
        plan: PraktijkPlan,
        dag: date,
        laatste: bool,
        pm: Any,
        bezoeker: Any,
        bouwstenen: list[Bouwsteen],
        wijkthemas: list[Thema],
        rng: random.Random,
        demo: dict[str, str],
    ) -> None:
        vandaag = self.vandaag
        goed = rng.sample(WAT_GAAT_GOED, 2)
        uitdagingen = rng.sample(UITDAGINGEN, rng.randint(1, 2))
        ondersteuning = rng.sample(ONDERSTEUNING, rng.randint(1, 2))
        terugkoppeling = ""
        in_bewerking = laatste and (vandaag - dag).days < 21 and rng.random() < 0.5
        if not in_bewerking:
            terugkoppeling = (
                f"Beste collega's van {plan.naam},\n\nDank voor het prettige gesprek op {dag:%d-%m-%Y}. Wat "
                f"gaat goed: {' '.join(goed)}\n\nWaar liggen de uitdagingen: {' '.join(uitdagingen)}\n\nWaar "
                "ZIO kan ondersteunen: " + " ".join(t for _, t in ondersteuning) + "\n\n"
                f"We bespreken de voortgang bij het volgende bezoek.\n\nMet vriendelijke groet,\n"
                f"{bezoeker.get_full_name()}, beleidsadviseur continuïteit ZIO"
            )
        gedeeld, gezien, reactie = self._gedeeld_en_gezien(terugkoppeling, dag, laatste, demo, rng)
        bezoek = self.rijen.add(
            Praktijkbezoek(
                praktijk=praktijk,
                gepland_op=moment_op(dag, rng.choice([9, 13, 15]), 30),
                gehouden_op=dag,
                status=BezoekStatus.GEHOUDEN,
                wat_gaat_goed="\n".join(goed),
                uitdagingen="\n".join(uitdagingen),
                terugkoppeling=terugkoppeling,
                gedeeld_op=gedeeld,
                gezien_op=gezien,
                gezien_door=pm if gezien else None,
                reactie_praktijk=reactie,
            )
        )
        self.rijen.koppel(bezoek, "bezoekers", [bezoeker])
        self.rijen.koppel(
            bezoek, "bouwstenen", rng.sample(bouwstenen, min(len(bouwstenen), rng.randint(2, 3)))
        )
        if wijkthemas:
            self.rijen.koppel(bezoek, "themas", wijkthemas[: rng.randint(1, len(wijkthemas))])
        for categorie, toelichting in ondersteuning:
            self.rijen.add(
                Ondersteuningsbehoefte(bezoek=bezoek, categorie=categorie, toelichting=toelichting)
            )

    def _gedeeld_en_gezien(
        self, terugkoppeling: str, dag: date, laatste: bool, demo: dict[str, str], rng: random.Random
    ) -> tuple[datetime | None, datetime | None, str]:
        """When the feedback was shared and seen, and the reaction (the demo logins' on purpose)."""
        vandaag = self.vandaag
        gedeeld = gezien = None
        reactie = ""
        if terugkoppeling and rng.random() < 0.85:
            gedeeld_dag = dag + timedelta(days=rng.randint(5, 14))
            if "praktijkmanager" in demo and laatste:
                gedeeld_dag = dag + timedelta(days=10)  # shared, not yet seen: the demo PM can acknowledge it
            if gedeeld_dag < vandaag:  # timestamps stay in the past whatever the hour
                gedeeld = moment_op(gedeeld_dag, 16, 15)
                gezien_dag = gedeeld_dag + timedelta(days=rng.randint(1, 10))
                wil_zien = rng.random() < 0.65 or "praktijkmanager2" in demo or not laatste
                if "praktijkmanager" in demo and laatste:
                    wil_zien = False
                if wil_zien and gezien_dag < vandaag:
                    gezien = moment_op(gezien_dag, 9, 5)
                    if rng.random() < 0.4 or "praktijkmanager2" in demo:
                        reactie = rng.choice(REACTIES_PRAKTIJK)
        return gedeeld, gezien, reactie
