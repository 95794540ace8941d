"""SMART-afspraken of a huisartsen-verband: versions, evaluations and the practices' uitvoering."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from portaal.demo.basis import BouwerBasis
from portaal.demo.hulp import dag_tussen, moment_op
from portaal.demo.plan import WijkPlan
from portaal.demo.samenwerking import Lid
from portaal.demo.teksten.afspraken import BESLUIT_TOELICHTING, EVALUATIE_TEKST, AfspraakTekst
from samenwerking.constants import AfspraakStatus, Besluit, Implementatiestatus, Nageleefd, StapStatus
from samenwerking.models import Afspraak, AfspraakPraktijk, Evaluatie, Samenwerkingsverband


class AfspraakBouwer(BouwerBasis):
    """@@CLSDOC@@"""

    def _afspraak(
        self,
        verband: Samenwerkingsverband,
        wp: WijkPlan,
        tekst: AfspraakTekst,
        scenario: str,
        j: int,
        vensters: list[tuple[str, date | None, date | None]],
        leden: list[Lid],
        rng: random.Random,
    ) -> None:
        vandaag = self.vandaag
        status_2, start_2, einde_2 = vensters[1]
        if status_2 == StapStatus.AFGEROND:
            vastgesteld = einde_2
        else:
            vastgesteld = vandaag - timedelta(days=rng.randint(5, 30))
        start_5 = vensters[4][1] or vastgesteld + timedelta(days=60)
        einde_venster = vensters[-1][2] or vandaag  # closed cycle: its end; else today
        eigenaar = leden[(j + 1) % len(leden)].pm
        actieve_leden = [lid for lid in leden if lid.tot is None]  # a practice that left is no longer bound
        coordinator = leden[j % len(leden)].plan.naam

        def nieuwe(versie: int, vorige: Afspraak | None, variant: str, status: str, datum: date) -> Afspraak:
            specifiek = tekst.specifiek.format(wijk=wp.naam, coordinator=coordinator)
            streefwaarde = tekst.streefwaarde
            if variant == "scherper":
                specifiek += f"\n\nAangescherpt: {tekst.scherper}"
                streefwaarde = tekst.streef_scherper
            elif variant == "breder":
                specifiek += f"\n\nUitgebreid: {tekst.breder}"
            akkoord = len(actieve_leden)
            if status == AfspraakStatus.CONCEPT:
                acceptabel = (
                    f"Voorstel besproken in het overleg van {datum:%d-%m-%Y}; de praktijkhouders "
                    "reageren voor het volgende overleg."
                )
            else:
                acceptabel = (
                    f"Besproken en vastgesteld in het overleg van {datum:%d-%m-%Y}; alle {akkoord} "
                    "deelnemende praktijken stemden in."
                )
            evaluatie_op = None
            if status in (AfspraakStatus.ACTIEF, AfspraakStatus.CONCEPT):
                soort = (j + versie + rng.randint(0, 2)) % 3
                evaluatie_op = vandaag + timedelta(
                    days=[-rng.randint(3, 45), rng.randint(2, 28), rng.randint(40, 160)][soort]
                )
            elif status == AfspraakStatus.GEBORGD:
                evaluatie_op = vandaag + timedelta(days=rng.randint(120, 300))
            afspraak = self.rijen.add(
                Afspraak(
                    verband=verband,
                    thema=self.themas[tekst.thema],
                    titel=tekst.titel,
                    specifiek=specifiek,
                    meetbaar=tekst.meetbaar,
                    indicator=tekst.indicator,
                    streefwaarde=streefwaarde,
                    acceptabel=acceptabel,
                    realistisch=tekst.realistisch,
                    tijdgebonden=datum + timedelta(days=rng.randint(90, 180)),
                    evaluatie_op=evaluatie_op,
                    eigenaar=eigenaar,
                    status=status,
                    versie=versie,
                    vorige_versie=vorige,
                ),
                niveau=versie,
            )
            # Dated to when it was agreed, so the versions keep their order in the history.
            afspraak._history_date = min(moment_op(datum, 17), self.nu)
            self.nieuwe_afspraken.append(afspraak)
            for lid in actieve_leden:
                self.rijen.add(self._uitvoering(afspraak, lid, status, datum, rng))
            return afspraak

        def evaluatie(afspraak: Afspraak, besluit: str, datum: date, nageleefd: str | None = None) -> None:
            if nageleefd is None:
                nageleefd = {Besluit.BEEINDIGEN: Nageleefd.NEE, Besluit.BORGEN: Nageleefd.JA}.get(
                    besluit, rng.choice([Nageleefd.JA, Nageleefd.DEELS])
                )
            goed, beter = rng.choice(EVALUATIE_TEKST[nageleefd])
            toelichting = BESLUIT_TOELICHTING[besluit]
            if besluit == Besluit.BEEINDIGEN:
                toelichting = f"{toelichting} {tekst.einde}"
            self.rijen.add(
                Evaluatie(
                    afspraak=afspraak,
                    datum=min(datum, vandaag),
                    nageleefd=nageleefd,
                    wat_gaat_goed=goed,
                    wat_kan_beter=beter,
                    besluit=besluit,
                    toelichting=toelichting,
                    door=eigenaar,
                )
            )

        if scenario == "concept":
            nieuwe(1, None, "", AfspraakStatus.CONCEPT, vastgesteld)
        elif scenario == "actief":
            nieuwe(1, None, "", AfspraakStatus.ACTIEF, vastgesteld)
        elif scenario == "voortzetten":
            afspraak = nieuwe(1, None, "", AfspraakStatus.ACTIEF, vastgesteld)
            evaluatie(
                afspraak,
                Besluit.VOORTZETTEN,
                dag_tussen(rng, max(start_5, vastgesteld + timedelta(days=30)), vandaag - timedelta(days=7)),
            )
        elif scenario in ("aanscherpen", "uitbreiden"):
            afspraak = nieuwe(1, None, "", AfspraakStatus.VERVANGEN, vastgesteld)
            einde_eval = vensters[5][1] or einde_venster
            datum = dag_tussen(
                rng, max(start_5, vastgesteld + timedelta(days=30)), einde_eval - timedelta(days=20)
            )
            datum = min(datum, vandaag - timedelta(days=10))
            besluit = Besluit.AANSCHERPEN if scenario == "aanscherpen" else Besluit.UITBREIDEN
            evaluatie(afspraak, besluit, datum, Nageleefd.DEELS)
            nieuwe(
                2,
                afspraak,
                "scherper" if scenario == "aanscherpen" else "breder",
                AfspraakStatus.ACTIEF,
                min(datum + timedelta(days=rng.randint(7, 20)), vandaag - timedelta(days=1)),
            )
        elif scenario == "beeindigen":
            afspraak = nieuwe(1, None, "", AfspraakStatus.BEEINDIGD, vastgesteld)
            afspraak.reden_beeindiging = tekst.einde
            evaluatie(
                afspraak,
                Besluit.BEEINDIGEN,
                dag_tussen(rng, max(start_5, vastgesteld + timedelta(days=30)), einde_venster),
            )
        elif scenario == "borgen":
            afspraak = nieuwe(1, None, "", AfspraakStatus.GEBORGD, vastgesteld)
            eerste = dag_tussen(
                rng, max(start_5, vastgesteld + timedelta(days=30)), einde_venster - timedelta(days=60)
            )
            evaluatie(afspraak, Besluit.VOORTZETTEN, eerste, Nageleefd.JA)
            evaluatie(afspraak, Besluit.BORGEN, dag_tussen(rng, eerste + timedelta(days=30), einde_venster))

    def _uitvoering(self, afspraak: Afspraak, lid: Lid, status: str, datum: date, rng: random.Random) -> Any:
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
            toelichting = "De praktijk heeft hiervoor al een eigen regeling met een andere partij."
        elif implementatie == Implementatiestatus.NIET_GESTART and rng.random() < 0.4:
            toelichting = rng.choice(
                [
                    "Start na de zomer; eerst een nieuwe assistent inwerken.",
                    "Wacht op de aanpassing van de telefooncentrale.",
                    "Bespreken in het teamoverleg van volgende maand.",
                ]
            )
        return AfspraakPraktijk(
            afspraak=afspraak,
            praktijk=lid.praktijk,
            akkoord=akkoord,
            implementatie=implementatie,
            medewerkers_geinformeerd=geinformeerd,
            toelichting=toelichting,
        )
