"""The gebiedsmanagers' quarterly terugkoppelingen to the projectleider, and the RESV outcomes."""

from __future__ import annotations

import random
from datetime import date, timedelta

from portaal.demo.basis import BouwerBasis
from portaal.demo.hulp import kwamen_bijeen, kwartaal_van, moment_op, rng_voor, werkdag_vanaf
from portaal.demo.teksten.overleggen import RESV_UITKOMSTEN, TERUGKOPPELINGEN
from portaal.demo.teksten.regio import WIJKEN
from samenwerking.constants import TerugkoppelingStatus, VerbandSoort
from samenwerking.models import GebiedTerugkoppeling, Samenwerkingsverband, TerugkoppelingRegel


class TerugkoppelingBouwer(BouwerBasis):
    """The gebiedsmanagers' quarterly terugkoppelingen of the real wijken' WSVs."""

    def _terugkoppelingen(self) -> None:
        bestaand = set(
            GebiedTerugkoppeling.objects.filter(
                gebied__naam__in=[g for g, _, _ in TERUGKOPPELINGEN]
            ).values_list("gebied__naam", "periode_van", "periode_tot")
        )
        for gebiednaam, terug, verzonden in TERUGKOPPELINGEN:
            van, tot = kwartaal_van(self.vandaag, terug)
            if (gebiednaam, van, tot) in bestaand:
                continue
            rng = rng_voor("terugkoppeling", gebiednaam, van)
            # The WSVs of the real wijken only, so --schaal does not change the terugkoppelingen.
            verbanden = list(
                Samenwerkingsverband.objects.filter(
                    wijk__gebied__naam=gebiednaam,
                    wijk__naam__in=[d.naam for d in WIJKEN],
                    soort=VerbandSoort.MULTIDISCIPLINAIR,
                    naam__startswith="WSV ",
                    startdatum__lte=tot,
                ).order_by("naam")
            )
            verzend_dag = tot + timedelta(days=rng.randint(5, 12))
            verzonden_op = moment_op(verzend_dag, 16) if verzonden and verzend_dag < self.vandaag else None
            terugkoppeling = self.rijen.add(
                GebiedTerugkoppeling(
                    gebied=self.gebieden[gebiednaam],
                    periode_van=van,
                    periode_tot=tot,
                    samenvatting=(
                        f"In {gebiednaam} {kwamen_bijeen(len(verbanden))}. Belangrijkste thema's: "
                        "medicatieoverdracht na ontslag, bereikbaarheid van de wijkverpleging en de "
                        "samenwerking met het sociaal wijkteam."
                    ),
                    status=TerugkoppelingStatus.VERZONDEN if verzonden_op else TerugkoppelingStatus.CONCEPT,
                    opgesteld_door=self.gebiedsmanager[gebiednaam],
                    verzonden_op=verzonden_op,
                )
            )
            # The RESV meets on a Thursday about a month after the gebiedsmanagers sent their feedback.
            resv_dag = werkdag_vanaf(verzend_dag + timedelta(days=28), 3)
            for verband in verbanden:
                self._terugkoppelregel(terugkoppeling, verband, gebiednaam, resv_dag, rng)
        self.rijen.opslaan(GebiedTerugkoppeling, TerugkoppelingRegel)

    def _terugkoppelregel(
        self,
        terugkoppeling: GebiedTerugkoppeling,
        verband: Samenwerkingsverband,
        gebiednaam: str,
        resv_dag: date,
        rng: random.Random,
    ) -> None:
        """The WSV's line: its knelpunten and actions of the quarter, and what the RESV made of it."""
        van, tot = terugkoppeling.periode_van, terugkoppeling.periode_tot
        verzonden_op = terugkoppeling.verzonden_op
        knelpunten = list(
            verband.knelpunten.filter(gemeld_op__range=(van, tot)).values_list("omschrijving", flat=True)
        )
        acties = list(
            verband.actiepunten.filter(overleg__datum__range=(van, tot)).values_list(
                "omschrijving", flat=True
            )
        )
        regel = self.rijen.add(
            TerugkoppelingRegel(
                terugkoppeling=terugkoppeling,
                verband=verband,
                bevindingen="\n".join(knelpunten)
                or "Geen nieuwe knelpunten; het overleg verliep volgens plan.",
                acties="\n".join(acties) or "Geen nieuwe acties.",
                naar_resv=bool(verzonden_op) and bool(knelpunten) and rng.random() < 0.6,
            )
        )
        # Most marked lines were discussed in the RESV already; the rest waits for the next one.
        resv_rng = rng_voor("resv", gebiednaam, van, verband.naam)
        if regel.naar_resv and resv_dag <= self.vandaag and resv_rng.random() < 0.75:
            regel.resv_besproken_op = resv_dag
            regel.resv_uitkomst = resv_rng.choice(RESV_UITKOMSTEN)
