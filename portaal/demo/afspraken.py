"""SMART-afspraken of a huisartsen-verband: versions, evaluations and the practices' uitvoering."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from portaal.demo.basis import BouwerBasis
from portaal.demo.hulp import dag_tussen, moment_op
from portaal.demo.plan import WijkPlan
from portaal.demo.samenwerking import Lid
from portaal.demo.teksten.afspraken import (
    BESLUIT_TOELICHTING,
    EVALUATIE_TEKST,
    UITVOERING_NOG_NIET,
    UITVOERING_NVT,
    AfspraakTekst,
)
from samenwerking.constants import AfspraakStatus, Besluit, Implementatiestatus, Nageleefd, StapStatus
from samenwerking.models import Afspraak, AfspraakPraktijk, Evaluatie, Samenwerkingsverband

Vensters = list[tuple[str, date | None, date | None]]


@dataclass
class AfspraakPlan:
    """One afspraak slot of a verband: its text, owner, the practices bound and its seeded randomness."""

    verband: Samenwerkingsverband
    wp: WijkPlan
    tekst: AfspraakTekst
    j: int
    eigenaar: Any  # User
    actieve_leden: list[Lid]  # a practice that left is no longer bound
    coordinator: str
    rng: random.Random


class AfspraakBouwer(BouwerBasis):
    """The SMART-afspraken of the huisartsen-verbanden, each following a scenario of its PDCA step."""

    def _afspraak(
        self,
        verband: Samenwerkingsverband,
        wp: WijkPlan,
        tekst: AfspraakTekst,
        scenario: str,
        j: int,
        vensters: Vensters,
        leden: list[Lid],
        rng: random.Random,
    ) -> None:
        """The afspraak of slot j as its scenario says: concept, actief, evaluated, replaced, ended, kept."""
        vandaag = self.vandaag
        status_2, _start_2, einde_2 = vensters[1]
        if status_2 == StapStatus.AFGEROND:
            vastgesteld = einde_2
        else:
            vastgesteld = vandaag - timedelta(days=rng.randint(5, 30))
        start_5 = vensters[4][1] or vastgesteld + timedelta(days=60)
        einde_venster = vensters[-1][2] or vandaag  # closed cycle: its end; else today
        actieve_leden = [lid for lid in leden if lid.tot is None]
        eigenaren = actieve_leden or leden  # the owner works in a practice that still takes part
        plan = AfspraakPlan(
            verband=verband,
            wp=wp,
            tekst=tekst,
            j=j,
            eigenaar=eigenaren[(j + 1) % len(eigenaren)].pm,
            actieve_leden=actieve_leden,
            coordinator=leden[j % len(leden)].plan.naam,
            rng=rng,
        )
        eerste_evaluatie = max(start_5, vastgesteld + timedelta(days=30))
        if scenario in ("concept", "actief"):
            status = AfspraakStatus.CONCEPT if scenario == "concept" else AfspraakStatus.ACTIEF
            self._afspraakversie(plan, 1, None, "", status, vastgesteld)
        elif scenario == "voortzetten":
            afspraak = self._afspraakversie(plan, 1, None, "", AfspraakStatus.ACTIEF, vastgesteld)
            datum = dag_tussen(rng, eerste_evaluatie, vandaag - timedelta(days=7))
            self._evaluatie(plan, afspraak, Besluit.VOORTZETTEN, datum)
        elif scenario in ("aanscherpen", "uitbreiden"):
            einde_eval = vensters[5][1] or einde_venster
            self._bijgesteld(plan, scenario, vastgesteld, eerste_evaluatie, einde_eval)
        elif scenario == "beeindigen":
            afspraak = self._afspraakversie(plan, 1, None, "", AfspraakStatus.BEEINDIGD, vastgesteld)
            afspraak.reden_beeindiging = tekst.einde
            datum = dag_tussen(rng, eerste_evaluatie, einde_venster)
            self._evaluatie(plan, afspraak, Besluit.BEEINDIGEN, datum)
        elif scenario == "borgen":
            afspraak = self._afspraakversie(plan, 1, None, "", AfspraakStatus.GEBORGD, vastgesteld)
            eerste = dag_tussen(rng, eerste_evaluatie, einde_venster - timedelta(days=60))
            self._evaluatie(plan, afspraak, Besluit.VOORTZETTEN, eerste, Nageleefd.JA)
            tweede = dag_tussen(rng, eerste + timedelta(days=30), einde_venster)
            self._evaluatie(plan, afspraak, Besluit.BORGEN, tweede)

    def _bijgesteld(
        self, plan: AfspraakPlan, scenario: str, vastgesteld: date, vanaf: date, einde_eval: date
    ) -> None:
        """Version 1, evaluated and replaced by a sharpened or extended version 2 that is active."""
        rng = plan.rng
        afspraak = self._afspraakversie(plan, 1, None, "", AfspraakStatus.VERVANGEN, vastgesteld)
        datum = dag_tussen(rng, vanaf, einde_eval - timedelta(days=20))
        datum = min(datum, self.vandaag - timedelta(days=10))
        besluit = Besluit.AANSCHERPEN if scenario == "aanscherpen" else Besluit.UITBREIDEN
        self._evaluatie(plan, afspraak, besluit, datum, Nageleefd.DEELS)
        variant = "scherper" if scenario == "aanscherpen" else "breder"
        nieuw_op = min(datum + timedelta(days=rng.randint(7, 20)), self.vandaag - timedelta(days=1))
        self._afspraakversie(plan, 2, afspraak, variant, AfspraakStatus.ACTIEF, nieuw_op)

    def _afspraakversie(
        self, plan: AfspraakPlan, versie: int, vorige: Afspraak | None, variant: str, status: str, datum: date
    ) -> Afspraak:
        """A version of the afspraak agreed on datum, with its uitvoering in each bound practice."""
        tekst, rng = plan.tekst, plan.rng
        specifiek = tekst.specifiek.format(wijk=plan.wp.naam, coordinator=plan.coordinator)
        streefwaarde = tekst.streefwaarde
        if variant == "scherper":
            specifiek += f"\n\nAangescherpt: {tekst.scherper}"
            streefwaarde = tekst.streef_scherper
        elif variant == "breder":
            specifiek += f"\n\nUitgebreid: {tekst.breder}"
        if status == AfspraakStatus.CONCEPT:
            acceptabel = (
                f"Voorstel besproken in het overleg van {datum:%d-%m-%Y}; de praktijkhouders "
                "reageren voor het volgende overleg."
            )
        else:
            akkoord = len(plan.actieve_leden)
            acceptabel = (
                f"Besproken en vastgesteld in het overleg van {datum:%d-%m-%Y}; alle {akkoord} "
                "deelnemende praktijken stemden in."
            )
        evaluatie_op = self._evaluatie_op(plan, versie, status)
        tijdgebonden = datum + timedelta(days=rng.randint(90, 180))
        if status in (AfspraakStatus.ACTIEF, AfspraakStatus.CONCEPT):
            # A running afspraak's T lies ahead on the day the demo is built, not "verstreken" (the
            # agreement may be old: its T moves with it; no extra draw, so the seeded sequence holds).
            tijdgebonden = max(tijdgebonden, self.vandaag + timedelta(days=30 + (tijdgebonden - datum).days))
        if evaluatie_op and evaluatie_op > tijdgebonden:
            # Evaluated no later than its deadline, so the afspraak can be saved as it is.
            tijdgebonden = evaluatie_op + timedelta(days=60)
        afspraak = self.rijen.add(
            Afspraak(
                verband=plan.verband,
                thema=self.themas[tekst.thema],
                titel=tekst.titel,
                specifiek=specifiek,
                meetbaar=tekst.meetbaar,
                indicator=tekst.indicator,
                streefwaarde=streefwaarde,
                acceptabel=acceptabel,
                realistisch=tekst.realistisch,
                evaluatie_op=evaluatie_op,
                tijdgebonden=tijdgebonden,
                eigenaar=plan.eigenaar,
                status=status,
                versie=versie,
                vorige_versie=vorige,
            ),
            niveau=versie,
        )
        # Dated to when it was agreed, so the versions keep their order in the history.
        afspraak._history_date = min(moment_op(datum, 17), self.nu)
        afspraak._history_user = plan.eigenaar
        self.nieuwe_afspraken.append(afspraak)
        for lid in plan.actieve_leden:
            self.rijen.add(self._uitvoering(afspraak, lid, status, datum, rng))
        return afspraak

    def _evaluatie_op(self, plan: AfspraakPlan, versie: int, status: str) -> date | None:
        """When the afspraak is evaluated next: overdue, soon or later for a running one."""
        rng = plan.rng
        if status in (AfspraakStatus.ACTIEF, AfspraakStatus.CONCEPT):
            soort = (plan.j + versie + rng.randint(0, 2)) % 3
            dagen = [-rng.randint(3, 45), rng.randint(2, 28), rng.randint(40, 160)][soort]
            return self.vandaag + timedelta(days=dagen)
        if status == AfspraakStatus.GEBORGD:
            return self.vandaag + timedelta(days=rng.randint(120, 300))
        return None

    def _evaluatie(
        self, plan: AfspraakPlan, afspraak: Afspraak, besluit: str, datum: date, nageleefd: str | None = None
    ) -> None:
        rng = plan.rng
        if nageleefd is None:
            # The random choice is drawn for every besluit, so the seeded sequence does not depend on it.
            willekeurig = rng.choice([Nageleefd.JA, Nageleefd.DEELS])
            nageleefd = {Besluit.BEEINDIGEN: Nageleefd.NEE, Besluit.BORGEN: Nageleefd.JA}.get(
                besluit, willekeurig
            )
        goed, beter = rng.choice(EVALUATIE_TEKST[nageleefd])
        toelichting = BESLUIT_TOELICHTING[besluit]
        if besluit == Besluit.BEEINDIGEN:
            toelichting = f"{toelichting} {plan.tekst.einde}"
        self.rijen.add(
            Evaluatie(
                afspraak=afspraak,
                datum=min(datum, self.vandaag),
                nageleefd=nageleefd,
                wat_gaat_goed=goed,
                wat_kan_beter=beter,
                besluit=besluit,
                toelichting=toelichting,
                door=plan.eigenaar,
            )
        )

    def _uitvoering(
        self, afspraak: Afspraak, lid: Lid, status: str, datum: date, rng: random.Random
    ) -> AfspraakPraktijk:
        """How far a bound practice has implemented the afspraak: more often the longer it runs."""
        dagen = (self.vandaag - datum).days
        akkoord = True
        if status == AfspraakStatus.CONCEPT:
            implementatie = Implementatiestatus.NIET_GESTART
            akkoord = rng.random() < 0.7
        elif status == AfspraakStatus.GEBORGD:
            implementatie = Implementatiestatus.INGEVOERD
        else:
            kans = 0.35 if dagen < 60 else 0.75
            implementatie = rng.choices(
                [
                    Implementatiestatus.INGEVOERD,
                    Implementatiestatus.NIET_GESTART,
                    Implementatiestatus.NIET_VAN_TOEPASSING,
                ],
                [kans, 0.9 - kans, 0.1],
            )[0]
        geinformeerd = implementatie == Implementatiestatus.INGEVOERD or (
            implementatie == Implementatiestatus.NIET_GESTART and rng.random() < 0.3
        )
        toelichting = ""
        if implementatie == Implementatiestatus.NIET_VAN_TOEPASSING:
            toelichting = UITVOERING_NVT
        elif implementatie == Implementatiestatus.NIET_GESTART and rng.random() < 0.4:
            toelichting = rng.choice(UITVOERING_NOG_NIET)
        return AfspraakPraktijk(
            afspraak=afspraak,
            praktijk=lid.praktijk,
            akkoord=akkoord,
            implementatie=implementatie,
            medewerkers_geinformeerd=geinformeerd,
            toelichting=toelichting,
        )
