"""The wijkplan pages: the wijkscan's figures against hand-computed values, editing and commenting by
role, vaststellen by a besluit, and query counts that do not grow with the region."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from monitoring.constants import VraagType
from monitoring.models import Actie, Antwoord, CbsKerncijfers, Prioriteit, ScanItem, WijkplanOpmerking
from monitoring.wijkplannen.constants import ScanSoort, SoortRegio, WijkplanStatus
from samenwerking.constants import ActiepuntStatus, KnelpuntSoort, KnelpuntStatus
from samenwerking.models import Besluitvorming
from tests.monitoring.factories import ResponsFactory, RondeFactory, VraagFactory
from tests.monitoring.wijkplannen.factories import (
    ActieFactory,
    DoelFactory,
    PrioriteitFactory,
    WijkplanFactory,
)
from tests.samenwerking.factories import ActiepuntFactory, KnelpuntFactory, OverlegFactory
from tests.wijken.factories import GemeenteFactory, PartnerFactory
from wijken.constants import Beroepsgroep

pytestmark = pytest.mark.django_db


def _kerncijfers(**velden):
    basis = {"naam": "x", "soort": SoortRegio.WIJK}
    return CbsKerncijfers.objects.create(**{**basis, **velden})


def test_wijkscan_cijfers_zoals_met_de_hand_berekend(client, world):
    wijk = world.wijk_a1
    wijk.cbs_code = "WK093501"
    wijk.save()
    plan = WijkplanFactory(wijk=wijk, jaar=2026)
    _kerncijfers(
        code="WK093501",
        jaar=2025,
        wijk=wijk,
        inwoners=10000,
        leeftijd_65_plus=2500,
        huishoudens=5000,
        eenpersoonshuishoudens=2000,
    )
    _kerncijfers(code="WK093501", jaar=2024, wijk=wijk, inwoners=9000, leeftijd_65_plus=1800)
    _kerncijfers(
        code="GM0935",
        jaar=2025,
        soort=SoortRegio.GEMEENTE,
        gemeente=world.gemeente,
        inwoners=120000,
        leeftijd_65_plus=24000,
    )
    ander = GemeenteFactory(regio=world.regio, naam="Meerssen", cbs_code="GM0938")
    _kerncijfers(
        code="GM0938",
        jaar=2025,
        soort=SoortRegio.GEMEENTE,
        gemeente=ander,
        inwoners=20000,
        leeftijd_65_plus=6000,
    )
    # the vragenlijst: registered patients and a collaboration score
    ronde = RondeFactory(vragenlijst__jaar=2026)
    patienten = VraagFactory(
        sectie__vragenlijst=ronde.vragenlijst, code="ALG01", type=VraagType.GETAL, samenwerking=False
    )
    score = VraagFactory(sectie=patienten.sectie, code="SW01")
    for praktijk, aantal, cijfer, ingediend in (
        (world.praktijk_a1, 2500, 4, True),
        (world.praktijk_a1_buur, 3000, 5, False),  # a draft does not count
        (world.praktijk_b1, 4000, 2, True),
    ):
        respons = ResponsFactory(ronde=ronde, praktijk=praktijk, ingediend=ingediend)
        Antwoord.objects.create(respons=respons, vraag=patienten, getal=aantal)
        Antwoord.objects.create(respons=respons, vraag=score, getal=cijfer)
    PartnerFactory(naam="Fysio Wittevrouwenveld", beroepsgroep=Beroepsgroep.FYSIOTHERAPEUT, wijken=[wijk])
    PartnerFactory(naam="Diëtist Malberg", beroepsgroep=Beroepsgroep.DIETIST, wijken=[world.wijk_b1])
    KnelpuntFactory(verband=world.wsv_a1, omschrijving="Lange wachttijd wijkverpleging")
    KnelpuntFactory(verband=world.wsv_a1, omschrijving="Opgelost punt", status=KnelpuntStatus.OPGELOST)
    KnelpuntFactory(verband=world.wsv_a1, omschrijving="Buurtteam werkt goed", soort=KnelpuntSoort.INZICHT)
    KnelpuntFactory(verband=world.wsv_b1, omschrijving="Knelpunt van Malberg")

    client.force_login(world.users["praktijkmedewerker"])
    response = client.get(reverse("monitoring:wijkplan-scan", args=[plan.pk]))
    assert response.status_code == 200
    scan = response.context["scan"]
    assert scan.cbs_jaar == 2025
    ouderen = next(c for c in scan.cijfers if c.label == "65 jaar of ouder")
    assert (ouderen.wijk, ouderen.vorig_jaar, ouderen.gemeente, ouderen.regio) == (2500, 1800, 24000, 30000)
    assert ouderen.wijk_pct == Decimal("25.0")  # 2500 / 10000
    assert ouderen.vorig_jaar_pct == Decimal("20.0")  # 1800 / 9000
    assert ouderen.gemeente_pct == Decimal("20.0")  # 24000 / 120000
    assert ouderen.regio_pct == Decimal("21.4")  # 30000 / 140000
    alleen = next(c for c in scan.cijfers if c.label == "eenpersoonshuishoudens")
    assert alleen.wijk_pct == Decimal("40.0")  # of the households
    patienten_per_praktijk = {p.naam: p.patienten for p in scan.praktijken}
    assert patienten_per_praktijk == {
        world.praktijk_a1.naam: Decimal("2500.00"),
        world.praktijk_a1_buur.naam: None,
    }
    assert scan.patienten_totaal == 2500
    assert "Diëtist" in scan.ontbrekend and "Fysiotherapeut" not in scan.ontbrekend
    assert "Huisarts" not in scan.ontbrekend  # the wijk has practices
    assert [k.omschrijving for k in scan.knelpunten] == ["Lange wachttijd wijkverpleging"]
    assert [k.omschrijving for k in scan.inzichten] == ["Buurtteam werkt goed"]
    [samenwerking] = scan.samenwerking
    assert (samenwerking["wijk"], samenwerking["aantal_wijk"]) == (Decimal("4"), 1)
    assert (samenwerking["regio"], samenwerking["aantal_regio"]) == (Decimal("3"), 2)
    inhoud = response.content.decode()
    assert "Geen diëtist in de wijk" in inhoud
    assert "Knelpunt van Malberg" not in inhoud


def test_gebiedsmanager_bouwt_het_plan_op(client, world):
    plan = WijkplanFactory(wijk=world.wijk_a1)
    url = reverse("monitoring:wijkplan-detail", args=[plan.pk])
    client.force_login(world.users["gebiedsmanager"])
    r = client.post(
        url,
        {
            "onderdeel": "scanitem",
            "scanitem-soort": ScanSoort.KWETSBARE_GROEP,
            "scanitem-titel": "Alleenwonende ouderen",
            "scanitem-toelichting": "40% eenpersoons",
        },
    )
    assert r.status_code == 302
    item = ScanItem.objects.get(wijkplan=plan)
    r = client.post(url, {"onderdeel": "prioriteit", "prioriteit-scanitem": item.pk, "prioriteit-titel": ""})
    assert r.status_code == 302
    prioriteit = Prioriteit.objects.get(wijkplan=plan)
    assert prioriteit.titel == "Alleenwonende ouderen"
    # a goal without its M: the message next to the field, input kept, nothing saved
    doel = {
        "onderdeel": "doel",
        "doel-prioriteit": prioriteit.pk,
        "doel-titel": "In beeld",
        "doel-specifiek": "Lijst per praktijk",
        "doel-meetbaar": "",
        "doel-acceptabel": "WSV stemde in",
        "doel-realistisch": "POH heeft uren",
        "doel-tijdgebonden": "2026-12-31",
    }
    r = client.post(url, doel)
    assert r.status_code == 200  # the form again, with the message next to the field
    assert r.context["formulieren"]["doel"].errors["meetbaar"]
    assert "Lijst per praktijk" in r.content.decode()
    assert not prioriteit.doelen.exists()
    r = client.post(url, {**doel, "doel-meetbaar": "100% van de praktijken"})
    assert r.status_code == 302
    actiepunt = ActiepuntFactory(verband=world.wsv_a1, omschrijving="Sociale kaart bijwerken")
    actie = {
        "onderdeel": "actie",
        "actie-doel": prioriteit.doelen.get().pk,
        "actie-omschrijving": "Lijst maken",
        "actie-eigenaar_praktijk": world.praktijk_a1.pk,
        "actie-deadline": "2026-06-30",
        "actie-actiepunt": actiepunt.pk,
    }
    r = client.post(url, {**actie, "actie-eigenaar_contact": world.afgevaardigde_a1.contactpersoon.pk})
    assert r.status_code == 200  # two owners: the form again with its message
    assert "één eigenaar" in r.content.decode()
    r = client.post(url, actie)
    assert r.status_code == 302
    r = client.get(url)
    assert "Sociale kaart bijwerken" in r.content.decode()
    actiepunt.status = ActiepuntStatus.AFGEROND
    actiepunt.afgerond_op = datetime.date(2026, 5, 1)
    actiepunt.save()
    r = client.get(url)
    assert "Afgerond" in r.content.decode()


def test_lezers_reageren_regio_leest_alleen(client, world):
    plan = WijkplanFactory(wijk=world.wijk_a1)
    url = reverse("monitoring:wijkplan-detail", args=[plan.pk])
    client.force_login(world.users["praktijkmedewerker"])
    assert client.post(url, {"onderdeel": "opmerking", "opmerking-tekst": ""}).status_code == 200
    assert client.post(url, {"onderdeel": "opmerking", "opmerking-tekst": "Goed plan!"}).status_code == 302
    assert (
        client.post(
            url, {"onderdeel": "scanitem", "scanitem-soort": "zorgvraag", "scanitem-titel": "x"}
        ).status_code
        == 403
    )
    client.force_login(world.users["projectleider"])
    assert client.post(url, {"onderdeel": "opmerking", "opmerking-tekst": "Ook ik"}).status_code == 403
    assert client.get(url).status_code == 200
    assert list(WijkplanOpmerking.objects.values_list("tekst", flat=True)) == ["Goed plan!"]


def test_idor_ander_gebied_en_actie_van_ander_plan(client, world):
    plan = WijkplanFactory(wijk=world.wijk_a1)
    ander = ActieFactory(doel__prioriteit__wijkplan__wijk=world.wijk_a2)
    client.force_login(world.users["gebiedsmanager_b"])
    url = reverse("monitoring:wijkplan-detail", args=[plan.pk])
    assert (
        client.post(
            url, {"onderdeel": "scanitem", "scanitem-soort": "zorgvraag", "scanitem-titel": "x"}
        ).status_code
        == 404
    )
    client.force_login(world.users["gebiedsmanager"])
    r = client.post(url, {"onderdeel": "actie-status", "actie": ander.pk, "status": "afgerond"})
    assert r.status_code == 404
    ander.refresh_from_db()
    assert ander.status == "open"
    assert client.post(url, {"onderdeel": "onzin"}).status_code == 404


def test_vaststellen_via_de_pagina(client, world):
    plan = WijkplanFactory(wijk=world.wijk_a1)
    DoelFactory(prioriteit__wijkplan=plan)
    besluit = Besluitvorming.objects.create(
        overleg=OverlegFactory(verband=world.wsv_a1), tekst="Wijkplan vastgesteld"
    )
    elders = Besluitvorming.objects.create(overleg=OverlegFactory(verband=world.wsv_b1), tekst="Elders")
    client.force_login(world.users["gebiedsmanager"])
    url = reverse("monitoring:wijkplan-vaststellen", args=[plan.pk])
    r = client.post(url, {"besluit": elders.pk})
    assert r.status_code == 200  # not offered: another wijk's WSV
    r = client.post(url, {"besluit": besluit.pk})
    assert r.status_code == 302
    plan.refresh_from_db()
    assert (plan.status, plan.besluit) == (WijkplanStatus.VASTGESTELD, besluit)
    assert client.get(url).status_code == 403  # the content is fixed now
    r = client.post(reverse("monitoring:wijkplan-kopieren", args=[plan.pk]))
    assert r.status_code == 302
    assert plan.volgend_plan.jaar == plan.jaar + 1


# --- query counts ------------------------------------------------------------------------------------
def _plannen(regio):
    plannen = []
    for wijk in regio.wijken:
        plan = WijkplanFactory(wijk=wijk, jaar=2026)
        prioriteit = PrioriteitFactory(wijkplan=plan)
        for _ in range(2):
            doel = DoelFactory(prioriteit=prioriteit)
            ActieFactory(doel=doel, eigenaar_praktijk=wijk.praktijken.first())
        plannen.append(plan)
    return plannen


def _aantal(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_aantal_queries_groeit_niet_met_de_regio(client, regio):
    plannen = _plannen(regio)
    plan = plannen[0]
    for i in range(regio.schaal):
        ActieFactory(
            doel=plan.prioriteiten.first().doelen.first(), eigenaar_praktijk=plan.wijk.praktijken.first()
        )
        ScanItem.objects.create(wijkplan=plan, soort=ScanSoort.ZORGVRAAG, titel=f"Zorgvraag {i}")
    client.force_login(regio.users["gebiedsmanager"])
    assert _aantal(client, reverse("monitoring:wijkplan-detail", args=[plan.pk])) <= 40
    assert _aantal(client, reverse("monitoring:wijkplan-scan", args=[plan.pk])) <= 25
    assert _aantal(client, reverse("monitoring:wijkplan-list")) <= 20 + 0 * regio.schaal
    client.force_login(regio.users["beleidsadviseur"])
    assert _aantal(client, reverse("monitoring:wijkplan-regio")) <= 15
    assert Actie.objects.filter(doel__prioriteit__wijkplan=plan).count() == 2 + regio.schaal


def test_overleg_van_de_wsv_biedt_wijkplan_vaststellen(client, world):
    plan = WijkplanFactory(wijk=world.wijk_a1)
    overleg = OverlegFactory(verband=world.wsv_a1)
    besluit = Besluitvorming.objects.create(overleg=overleg, tekst="Wijkplan vastgesteld")
    client.force_login(world.users["gebiedsmanager"])
    r = client.get(reverse("samenwerking:overleg-detail", args=[overleg.pk]))
    link = reverse("monitoring:wijkplan-overleg-vaststellen", args=[overleg.pk])
    assert link in r.content.decode()
    r = client.get(link)
    assert r.status_code == 302
    r = client.get(r["Location"])
    assert r.context["form"].fields["besluit"].initial == besluit.pk
    assert r.context["plan"] == plan


def test_menu_markeert_alleen_wijkplannen(client, world):
    client.force_login(world.users["beleidsadviseur"])
    r = client.get(reverse("monitoring:wijkplan-regio"))
    actief = [i["label"] for i in r.context["navigatie"] if i["actief"]]
    assert actief == ["Wijkplannen"]


def test_regio_pages_each_column_on_its_own(client, world):
    """The region view: every column keeps its count and shows 10 wijken, paged by its own parameter."""
    from monitoring.wijkplannen.views import WijkplanRegioView
    from tests.wijken.factories import WijkFactory

    for i in range(WijkplanRegioView.per_kolom + 1):
        WijkFactory(gebied=world.gebied_a, naam=f"Wijk zonder plan {i:02d}")
    client.force_login(world.users["beleidsadviseur"])
    url = reverse("monitoring:wijkplan-regio")
    response = client.get(url)
    geen = response.context["kolommen"]["geen"]
    assert geen.paginator.count == len(response.context["overzicht"].geen) > WijkplanRegioView.per_kolom
    assert len(geen) == WijkplanRegioView.per_kolom and geen.volgende_url.endswith("#kop-geen")
    assert "geen=2" in geen.volgende_url and geen.vorige_url is None
    tweede = client.get(url, {"geen": 2, "jaar": response.context["overzicht"].jaar})
    assert tweede.context["kolommen"]["geen"].number == 2
    assert tweede.context["kolommen"]["vastgesteld"].number == 1  # the other columns keep their page
    assert "geen=1" in tweede.context["kolommen"]["geen"].vorige_url


def test_wijkplan_starten_met_een_formulier_alleen_voor_eigen_wijken(client, world):
    """The list offers one 'Wijkplan starten' form with the wijken the user may start a plan for (the
    rule read in the query); the plan is started for the chosen wijk; a wijk of another gebied is
    refused, and who may start none sees no form."""
    from django.utils import timezone

    from monitoring.models import Wijkplan
    from monitoring.wijkplannen.selectors import wijken_om_te_starten
    from wijken.models import Wijk

    jaar = timezone.localdate().year
    for user in world.users.values():
        assert set(wijken_om_te_starten(user=user, jaar=jaar)) == {
            w for w in Wijk.objects.all() if user.has_perm("monitoring.add_wijkplan", w)
        }
    client.force_login(world.users["beleidsadviseur"])
    response = client.get(reverse("monitoring:wijkplan-list"))
    assert response.context["start_form"] is None and "Wijkplan starten" not in response.content.decode()

    client.force_login(world.users["gebiedsmanager"])
    response = client.get(reverse("monitoring:wijkplan-list"))
    html = response.content.decode()
    assert response.context["aantal_te_starten"] == 2
    assert html.count('action="/monitoring/wijkplannen/starten/"') == 1
    assert "Wittevrouwenveld" in html and "Nazareth" in html and "Malberg" not in html
    # A wijk of another gebied: refused, no plan.
    response = client.post(reverse("monitoring:wijkplan-starten"), {"jaar": jaar, "wijk": world.wijk_b1.pk})
    assert response.status_code == 302 and not Wijkplan.objects.filter(wijk=world.wijk_b1).exists()
    response = client.post(reverse("monitoring:wijkplan-starten"), {"jaar": jaar, "wijk": world.wijk_a1.pk})
    plan = Wijkplan.objects.get(wijk=world.wijk_a1, jaar=jaar)
    assert response["Location"] == reverse("monitoring:wijkplan-detail", args=[plan.pk])
    # A1 has its plan now: only Nazareth is left to start.
    response = client.get(reverse("monitoring:wijkplan-list"))
    assert response.context["aantal_te_starten"] == 1
    assert list(response.context["start_form"].fields["wijk"].queryset) == [world.wijk_a2]
