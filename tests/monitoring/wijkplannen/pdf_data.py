"""A wijkplan with everything its PDF shows: CBS figures of the wijk, its gemeente and a second gemeente
of the region, a scan item, a priority with a SMART goal and an action."""

from __future__ import annotations

from monitoring.models import CbsKerncijfers
from monitoring.wijkplannen.constants import SoortRegio
from tests.monitoring.wijkplannen.factories import ActieFactory, ScanItemFactory
from tests.wijken.factories import GemeenteFactory


def plan_voor_pdf(world):
    wijk = world.wijk_a1
    wijk.cbs_code = "WK093501"
    wijk.save()
    basis = {"soort": SoortRegio.WIJK, "naam": wijk.naam, "code": "WK093501", "wijk": wijk}
    CbsKerncijfers.objects.create(
        jaar=2025,
        **basis,
        inwoners=10_000,
        leeftijd_0_15=1500,
        leeftijd_65_plus=2500,
        huishoudens=5000,
        eenpersoonshuishoudens=2000,
    )
    CbsKerncijfers.objects.create(jaar=2024, **basis, inwoners=9_800, leeftijd_65_plus=2400)
    CbsKerncijfers.objects.create(
        jaar=2025,
        soort=SoortRegio.GEMEENTE,
        naam="Maastricht",
        code="GM0935",
        gemeente=world.gemeente,
        inwoners=120_000,
        leeftijd_0_15=15_000,
        leeftijd_65_plus=24_000,
        huishoudens=60_000,
        eenpersoonshuishoudens=30_000,
    )
    ander = GemeenteFactory(regio=world.regio, naam="Meerssen", cbs_code="GM0938")
    CbsKerncijfers.objects.create(
        jaar=2025,
        soort=SoortRegio.GEMEENTE,
        naam="Meerssen",
        code="GM0938",
        gemeente=ander,
        inwoners=18_000,
        leeftijd_0_15=2_000,
        leeftijd_65_plus=5_000,
        huishoudens=8_000,
        eenpersoonshuishoudens=2_400,
    )
    actie = ActieFactory(
        doel__prioriteit__wijkplan__wijk=wijk,
        doel__prioriteit__titel="Eenzaamheid onder ouderen",
        doel__titel="Eenzame ouderen eerder in beeld",
        omschrijving="Verwijsroute welzijn op recept bespreken in elke praktijk",
        eigenaar_praktijk=world.praktijk_a1,
    )
    plan = actie.doel.prioriteit.wijkplan
    ScanItemFactory(wijkplan=plan, titel="Alleenwonende ouderen")
    return plan
