"""The demo wijkplannen: CBS codes on the demo wijken, the DEMO CBS files imported, vastgestelde
plans for some wijken with a WSV, concepts for others, none for the rest."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

from monitoring.models import CbsKerncijfers, Wijkplan
from monitoring.wijkplannen import importeren, services
from monitoring.wijkplannen.constants import AfstemmingMet
from samenwerking.constants import OverlegStatus, VerbandSoort
from samenwerking.models import Besluitvorming, Overleg
from wijken.models import Wijk

from .basis import BouwerBasis
from .teksten.wijkplannen import AANTAL_CONCEPT, AANTAL_VASTGESTELD, CBS_WIJKCODES, PRIORITEITEN, SCAN

CBS_MAP = Path(__file__).resolve().parent / "cbs"


class WijkplanBouwer(BouwerBasis):
    """Builds the demo wijkplannen; creates only what is missing."""

    def _wijkplannen_demo(self) -> None:
        for naam, code in CBS_WIJKCODES.items():
            wijk = self.wijken.get(naam)
            if wijk is not None and not wijk.cbs_code and not Wijk.objects.filter(cbs_code=code).exists():
                wijk.cbs_code = code
                wijk.save(update_fields=["cbs_code"])
        for pad in sorted(CBS_MAP.glob("*_DEMO.csv")):
            jaar = int(re.search(r"_(\d{4})_", pad.name).group(1))
            if CbsKerncijfers.objects.filter(jaar=jaar).exists():
                continue
            controle = importeren.controleer(
                rijen=importeren.lees_bestand(pad.read_bytes(), pad.name), jaar=jaar
            )
            self.rijen.aangemaakt[CbsKerncijfers] += services.kerncijfers_opslaan(controle=controle)

        met_wsv = [
            w
            for w in sorted(self.wijken.values(), key=lambda w: w.naam)
            if w.verbanden.filter(soort=VerbandSoort.MULTIDISCIPLINAIR).exists()
        ]
        for index, wijk in enumerate(met_wsv[: AANTAL_VASTGESTELD + AANTAL_CONCEPT]):
            if Wijkplan.objects.filter(wijk=wijk, jaar=self.jaar).exists():
                continue
            plan = self._demo_plan(wijk)
            if index < AANTAL_VASTGESTELD:
                self._demo_vaststellen(plan)

    def _demo_plan(self, wijk: Wijk) -> Wijkplan:
        door = self.gebiedsmanager.get(wijk.gebied.naam)
        plan = services.wijkplan_aanmaken(wijk=wijk, jaar=self.jaar, door=door)
        plan.samenvatting = (
            f"In {wijk.naam} werken we dit jaar aan eenzaamheid en aan snellere wijkverpleging."
        )
        plan.save(update_fields=["samenvatting"])
        items = {
            titel: services.scanitem_toevoegen(
                wijkplan=plan, soort=soort, titel=titel, toelichting=toelichting
            )
            for soort, titel, toelichting in SCAN
        }
        praktijk = wijk.praktijken.filter(actief=True).order_by("naam").first()
        actiepunt = wijk.verbanden.filter(soort=VerbandSoort.MULTIDISCIPLINAIR).first().actiepunten.first()
        for nummer, (item, titel, s, m, a, r, actie) in enumerate(PRIORITEITEN):
            prioriteit = services.prioriteit_toevoegen(wijkplan=plan, titel="", scanitem=items[item])
            doel = services.doel_toevoegen(
                prioriteit=prioriteit,
                titel=titel,
                specifiek=s,
                meetbaar=m,
                acceptabel=a,
                realistisch=r,
                tijdgebonden=self.vandaag + datetime.timedelta(days=240),
            )
            if praktijk is not None:
                services.actie_toevoegen(
                    doel=doel,
                    omschrijving=actie,
                    eigenaar_praktijk=praktijk,
                    deadline=self.vandaag + datetime.timedelta(days=60),
                    actiepunt=actiepunt if nummer == 1 else None,
                )
        services.afstemming_vastleggen(
            wijkplan=plan,
            met=AfstemmingMet.GEMEENTE,
            wie=f"Beleidsmedewerker zorg, gemeente {wijk.gebied.gemeente.naam}",
            datum=self.vandaag - datetime.timedelta(days=45),
            uitkomst="De gemeente sluit met het sociaal wijkteam aan bij de prioriteit eenzaamheid.",
        )
        self.rijen.aangemaakt[Wijkplan] += 1
        return plan

    def _demo_vaststellen(self, plan: Wijkplan) -> None:
        overleg = (
            Overleg.objects.filter(
                verband__wijk=plan.wijk,
                verband__soort=VerbandSoort.MULTIDISCIPLINAIR,
                status=OverlegStatus.GEHOUDEN,
                datum__lte=self.vandaag,
            )
            .order_by("-datum")
            .first()
        )
        if overleg is None:
            return
        besluit = Besluitvorming.objects.create(
            overleg=overleg, tekst=f"Het wijkplan {plan.jaar} van {plan.wijk.naam} wordt vastgesteld."
        )
        services.wijkplan_vaststellen(wijkplan=plan, besluit=besluit)
