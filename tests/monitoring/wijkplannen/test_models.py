"""The wijkplan's models, services and rules: CBS code, one owner, vaststellen, the yearly copy, rights."""

import datetime

import pytest
import rules
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from monitoring.models import Wijkplan
from monitoring.wijkplannen import services
from monitoring.wijkplannen.constants import ActieStatus, AfstemmingMet, Behaald, ScanSoort, WijkplanStatus
from samenwerking.constants import ActiepuntStatus
from samenwerking.models import Besluitvorming
from tests.monitoring.wijkplannen.factories import (
    ActieFactory,
    DoelFactory,
    PrioriteitFactory,
    ScanItemFactory,
    WijkplanFactory,
)
from tests.samenwerking.factories import ActiepuntFactory, OverlegFactory
from tests.wijken.factories import ContactpersoonFactory, PartnerFactory, WijkFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("code", ["WK093501", "WK198700"])
def test_cbs_wijkcode_geldig(code):
    wijk = WijkFactory.build(cbs_code=code)
    wijk.full_clean(exclude=["gebied"])


@pytest.mark.parametrize("code", ["WK9351", "BU09350101", "GM0935", "wk0935011", "WK09350A"])
def test_cbs_wijkcode_ongeldig(code):
    wijk = WijkFactory.build(cbs_code=code)
    with pytest.raises(ValidationError) as exc:
        wijk.full_clean(exclude=["gebied"])
    assert "cbs_code" in exc.value.message_dict


def test_cbs_wijkcode_in_database_afgedwongen_en_uniek():
    WijkFactory(cbs_code="WK093501")
    with pytest.raises(IntegrityError), transaction.atomic():
        WijkFactory(cbs_code="WK093501")
    with pytest.raises(IntegrityError), transaction.atomic():
        WijkFactory(cbs_code="WK1")
    WijkFactory(cbs_code="")
    WijkFactory(cbs_code="")  # several wijken may lack a code


def test_een_wijkplan_per_wijk_per_jaar(world):
    services.wijkplan_aanmaken(wijk=world.wijk_a1, jaar=2026)
    with pytest.raises(ValidationError):
        services.wijkplan_aanmaken(wijk=world.wijk_a1, jaar=2026)


def test_vastgesteld_zonder_besluit_kan_niet(world):
    plan = WijkplanFactory(wijk=world.wijk_a1)
    plan.status = WijkplanStatus.VASTGESTELD
    with pytest.raises(ValidationError):
        plan.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        plan.save()


def test_actie_heeft_precies_een_eigenaar(world):
    doel = DoelFactory(prioriteit__wijkplan__wijk=world.wijk_a1)
    contact = ContactpersoonFactory(partner=PartnerFactory(), praktijk=None)
    with pytest.raises(ValidationError):
        services.actie_toevoegen(doel=doel, omschrijving="x", deadline=datetime.date(2026, 5, 1))
    with pytest.raises(ValidationError):
        services.actie_toevoegen(
            doel=doel,
            omschrijving="x",
            deadline=datetime.date(2026, 5, 1),
            eigenaar_contact=contact,
            eigenaar_praktijk=world.praktijk_a1,
        )
    actie = services.actie_toevoegen(
        doel=doel,
        omschrijving="Sociale kaart bijwerken",
        deadline=datetime.date(2026, 5, 1),
        eigenaar_contact=contact,
    )
    assert actie.eigenaar == contact


def test_actie_praktijk_en_koppeling_uit_de_wijk(world):
    doel = DoelFactory(prioriteit__wijkplan__wijk=world.wijk_a1)
    with pytest.raises(ValidationError) as exc:
        services.actie_toevoegen(
            doel=doel,
            omschrijving="x",
            deadline=datetime.date(2026, 5, 1),
            eigenaar_praktijk=world.praktijk_b1,
        )
    assert "eigenaar_praktijk" in exc.value.message_dict
    actiepunt_b1 = ActiepuntFactory(verband=world.wsv_b1)
    with pytest.raises(ValidationError) as exc:
        services.actie_toevoegen(
            doel=doel,
            omschrijving="x",
            deadline=datetime.date(2026, 5, 1),
            eigenaar_praktijk=world.praktijk_a1,
            actiepunt=actiepunt_b1,
        )
    assert "actiepunt" in exc.value.message_dict


def test_gekoppelde_status_volgt_actiepunt_en_afspraak(world):
    actiepunt = ActiepuntFactory(verband=world.wsv_a1)
    actie = ActieFactory(doel__prioriteit__wijkplan__wijk=world.wijk_a1, actiepunt=actiepunt)
    assert actie.gekoppelde_status == "Open"
    actiepunt.status = ActiepuntStatus.AFGEROND
    actiepunt.afgerond_op = datetime.date(2026, 4, 1)
    actiepunt.save()
    actie.refresh_from_db()
    assert actie.gekoppelde_status == "Afgerond"
    via_afspraak = ActieFactory(doel=actie.doel, afspraak=world.afspraak_a1)
    assert via_afspraak.gekoppelde_status == world.afspraak_a1.get_status_display()


def _besluit(verband, datum=datetime.date(2026, 3, 10)):
    return Besluitvorming.objects.create(
        overleg=OverlegFactory(verband=verband, datum=datum), tekst="Het wijkplan 2026 wordt vastgesteld."
    )


def test_vaststellen_door_besluit_van_de_wsv_van_de_wijk(world):
    plan = WijkplanFactory(wijk=world.wijk_a1)
    with pytest.raises(ValidationError):  # no goals yet
        services.wijkplan_vaststellen(wijkplan=plan, besluit=_besluit(world.wsv_a1))
    DoelFactory(prioriteit__wijkplan=plan)
    with pytest.raises(ValidationError) as exc:  # another wijk's WSV
        services.wijkplan_vaststellen(wijkplan=plan, besluit=_besluit(world.wsv_b1))
    assert "besluit" in exc.value.message_dict
    with pytest.raises(ValidationError):  # the huisartsen-verband is not the WSV
        services.wijkplan_vaststellen(wijkplan=plan, besluit=_besluit(world.verband_a1))
    besluit = _besluit(world.wsv_a1, datetime.date(2026, 4, 2))
    plan = services.wijkplan_vaststellen(wijkplan=plan, besluit=besluit)
    plan.refresh_from_db()
    assert plan.status == WijkplanStatus.VASTGESTELD
    assert plan.besluit == besluit
    assert plan.vastgesteld_op == datetime.date(2026, 4, 2)
    assert list(besluit.wijkplannen.all()) == [plan]
    with pytest.raises(ValidationError):  # the content is now fixed
        services.scanitem_toevoegen(wijkplan=plan, soort=ScanSoort.ZORGVRAAG, titel="Nieuw")
    actie = ActieFactory(doel=plan.prioriteiten.get().doelen.get())
    services.actie_status_bijwerken(actie=actie, status=ActieStatus.BEZIG)  # progress still recorded


def test_kopie_voor_volgend_jaar_bewaart_historie(world):
    plan = WijkplanFactory(wijk=world.wijk_a1, jaar=2026, samenvatting="Ouderen en eenzaamheid")
    item = ScanItemFactory(wijkplan=plan, soort=ScanSoort.KWETSBARE_GROEP)
    prioriteit = PrioriteitFactory(wijkplan=plan, scanitem=item)
    doel = DoelFactory(prioriteit=prioriteit)
    open_actie = ActieFactory(doel=doel)
    ActieFactory(doel=doel, status=ActieStatus.AFGEROND)
    services.doel_evalueren(
        doel=doel, behaald=Behaald.DEELS, wat_gaat_goed="Lijsten zijn er", wat_kan_beter="Tempo"
    )
    services.wijkplan_vaststellen(wijkplan=plan, besluit=_besluit(world.wsv_a1))

    kopie = services.wijkplan_kopieren(wijkplan=plan)
    assert (kopie.jaar, kopie.status, kopie.vorig_plan) == (2027, WijkplanStatus.CONCEPT, plan)
    assert kopie.scanitems.get().titel == item.titel
    nieuwe_prioriteit = kopie.prioriteiten.get()
    assert nieuwe_prioriteit.scanitem.wijkplan == kopie
    nieuw_doel = nieuwe_prioriteit.doelen.get()
    assert nieuw_doel.tijdgebonden == datetime.date(2027, 12, 31)
    assert [a.omschrijving for a in nieuw_doel.acties.all()] == [open_actie.omschrijving]
    plan.refresh_from_db()
    assert plan.status == WijkplanStatus.VASTGESTELD
    assert doel.evaluatie.behaald == Behaald.DEELS
    assert Wijkplan.objects.filter(wijk=world.wijk_a1).count() == 2
    with pytest.raises(ValidationError):
        services.wijkplan_kopieren(wijkplan=plan)


def test_afstemming_met_andere_wijk_vraagt_de_wijk(world):
    plan = WijkplanFactory(wijk=world.wijk_a1)
    with pytest.raises(ValidationError):
        services.afstemming_vastleggen(
            wijkplan=plan,
            met=AfstemmingMet.ANDERE_WIJK,
            wie="WSV Nazareth",
            datum=datetime.date(2026, 2, 1),
            uitkomst="Samen een voorlichtingsavond.",
        )
    afstemming = services.afstemming_vastleggen(
        wijkplan=plan,
        met=AfstemmingMet.ANDERE_WIJK,
        andere_wijk=world.wijk_a2,
        wie="WSV Nazareth",
        datum=datetime.date(2026, 2, 1),
        uitkomst="Samen een voorlichtingsavond.",
    )
    assert afstemming.get_met_display() == "Andere wijk"


# --- rights ------------------------------------------------------------------------------------------
LEZERS_A1 = {
    "beheerder",
    "beleidsadviseur",
    "projectleider",
    "gebiedsmanager",
    "praktijkmedewerker",
    "praktijkmedewerker_buur",
}


def test_zichtbaar_voor_en_rechten_per_rol(world):
    plan = WijkplanFactory(wijk=world.wijk_a1)
    for naam, user in world.users.items():
        ziet = Wijkplan.objects.zichtbaar_voor(user).filter(pk=plan.pk).exists()
        assert ziet == (naam in LEZERS_A1), naam
        assert user.has_perm("monitoring.view_wijkplan", plan) == (naam in LEZERS_A1), naam
        assert rules.has_perm("monitoring.change_wijkplan", user, plan) == (naam == "gebiedsmanager"), naam
        assert rules.has_perm("monitoring.comment_wijkplan", user, plan) == (
            naam in {"gebiedsmanager", "praktijkmedewerker", "praktijkmedewerker_buur"}
        ), naam
        assert rules.has_perm("monitoring.add_wijkplan", user, world.wijk_a1) == (naam == "gebiedsmanager"), (
            naam
        )
        assert rules.has_perm("monitoring.view_wijkplan_regio", user) == (
            naam in {"beheerder", "beleidsadviseur", "projectleider"}
        ), naam


def test_praktijk_in_de_wsv_van_een_buurwijk_leest_mee(world):
    from tests.samenwerking.factories import DeelnameFactory

    plan = WijkplanFactory(wijk=world.wijk_a1)
    buur = world.users["praktijkmedewerker_andere_wijk"]
    assert not Wijkplan.objects.zichtbaar_voor(buur).filter(pk=plan.pk).exists()
    DeelnameFactory(verband=world.wsv_a1, praktijk=world.praktijk_a2)
    assert Wijkplan.objects.zichtbaar_voor(buur).filter(pk=plan.pk).exists()


def test_vaststellen_niet_met_een_overleg_in_de_toekomst(world):
    from django.utils import timezone

    plan = WijkplanFactory(wijk=world.wijk_a1)
    DoelFactory(prioriteit__wijkplan=plan)
    later = timezone.localdate() + datetime.timedelta(days=30)
    with pytest.raises(ValidationError) as exc:
        services.wijkplan_vaststellen(wijkplan=plan, besluit=_besluit(world.wsv_a1, later))
    assert "besluit" in exc.value.message_dict


def test_vaststellen_alleen_in_een_wsv_overleg_niet_in_een_mdo(world):
    from monitoring.wijkplannen.forms import VaststellenForm

    plan = WijkplanFactory(wijk=world.wijk_a1)
    DoelFactory(prioriteit__wijkplan=plan)
    mdo = OverlegFactory(
        verband=world.wsv_a1, datum=datetime.date(2026, 3, 1), soort="mdo", doelgroep="kwetsbare ouderen"
    )
    besluit = Besluitvorming.objects.create(overleg=mdo, tekst="Wijkplan vastgesteld.")
    with pytest.raises(ValidationError) as exc:
        services.wijkplan_vaststellen(wijkplan=plan, besluit=besluit)
    assert "WSV-overleg" in " ".join(exc.value.message_dict["besluit"])
    assert besluit not in VaststellenForm(wijkplan=plan).fields["besluit"].queryset
