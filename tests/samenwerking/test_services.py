"""The samenwerking services called directly (not through a view): each rule holds for every caller."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from samenwerking.afspraken import services as afspraak_services
from samenwerking.constants import AfspraakStatus, Besluit, Nageleefd, OverlegStatus, TerugkoppelingStatus
from samenwerking.models import Afgevaardigde, Afspraak, GebiedTerugkoppeling, Knelpunt
from samenwerking.samenstelling import services as samenstelling_services
from samenwerking.terugkoppeling import services as terugkoppeling_services
from tests.samenwerking.factories import KnelpuntFactory, OverlegFactory
from tests.wijken.factories import ContactpersoonFactory, PartnerFactory
from wijken.constants import Beroepsgroep

pytestmark = pytest.mark.django_db


def _vandaag() -> datetime.date:
    return timezone.localdate()


def _data(world, **wijzigingen) -> dict:
    vandaag = _vandaag()
    return {
        "titel": "Gezamenlijke griepprik-avond",
        "thema": world.afspraak_a1.thema,
        "specifiek": "Eén avond per jaar voor alle 60-plussers van beide praktijken.",
        "meetbaar": "Percentage gevaccineerde 60-plussers.",
        "indicator": "Vaccinatiegraad",
        "streefwaarde": "75%",
        "acceptabel": "Beide praktijken stemden in.",
        "realistisch": "De assistentes van beide praktijken plannen samen.",
        "tijdgebonden": vandaag + datetime.timedelta(days=120),
        "evaluatie_op": vandaag + datetime.timedelta(days=60),
        "eigenaar": world.users["praktijkmedewerker"],
        **wijzigingen,
    }


# --- afspraken ------------------------------------------------------------------------------------


def test_afspraak_create_stores_it_with_its_practices(world):
    afspraak = afspraak_services.afspraak_create(
        verband=world.verband_a1,
        data=_data(world),
        praktijken=[world.praktijk_a1, world.praktijk_a1_buur],
        door=world.users["praktijkmedewerker"],
    )
    assert afspraak.pk and afspraak.status == AfspraakStatus.ACTIEF and afspraak.versie == 1
    assert set(afspraak.uitvoering.values_list("praktijk_id", flat=True)) == {
        world.praktijk_a1.pk,
        world.praktijk_a1_buur.pk,
    }
    assert afspraak.history.first().history_user == world.users["praktijkmedewerker"]


def test_afspraak_create_refuses_past_dates_a_missing_evaluation_and_an_owner_outside_the_verband(world):
    gisteren = _vandaag() - datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as fout:
        afspraak_services.afspraak_create(
            verband=world.verband_a1,
            data=_data(
                world,
                tijdgebonden=gisteren,
                evaluatie_op=None,
                eigenaar=world.users["praktijkmedewerker_ander_gebied"],
            ),
            praktijken=[world.praktijk_a1],
            door=world.users["praktijkmedewerker"],
        )
    assert {"tijdgebonden", "evaluatie_op", "eigenaar"} <= set(fout.value.message_dict)
    assert not Afspraak.objects.filter(titel="Gezamenlijke griepprik-avond").exists(), "nothing half-saved"


def test_afspraak_create_refuses_what_is_not_measurable(world):
    with pytest.raises(ValidationError) as fout:
        afspraak_services.afspraak_create(
            verband=world.verband_a1,
            data=_data(
                world, meetbaar="We kijken of het goed gaat.", indicator="Tevredenheid", streefwaarde=""
            ),
            praktijken=[world.praktijk_a1],
            door=world.users["praktijkmedewerker"],
        )
    assert {"meetbaar", "streefwaarde"} <= set(fout.value.message_dict)


def test_afspraak_update_saves_and_counts_the_revision(world):
    afspraak = Afspraak.objects.get(pk=world.afspraak_a1.pk)
    revisie = afspraak.revisie
    afspraak_services.afspraak_update(
        afspraak=afspraak,
        revisie=revisie,
        data=_data(world, titel="Scherper geformuleerd"),
        praktijken=[world.praktijk_a1],
        door=world.users["praktijkmedewerker"],
    )
    afspraak.refresh_from_db()
    assert afspraak.titel == "Scherper geformuleerd" and afspraak.revisie == revisie + 1
    assert list(afspraak.uitvoering.values_list("praktijk_id", flat=True)) == [world.praktijk_a1.pk]


def test_afspraak_update_keeps_a_stored_date_that_has_passed(world):
    verleden = _vandaag() - datetime.timedelta(days=10)
    Afspraak.objects.filter(pk=world.afspraak_a1.pk).update(evaluatie_op=verleden)
    afspraak = Afspraak.objects.get(pk=world.afspraak_a1.pk)
    afspraak_services.afspraak_update(
        afspraak=afspraak,
        revisie=afspraak.revisie,
        data=_data(world, titel="Alleen de titel", evaluatie_op=verleden),
        praktijken=[world.praktijk_a1],
        door=world.users["praktijkmedewerker"],
    )
    afspraak.refresh_from_db()
    assert afspraak.titel == "Alleen de titel" and afspraak.evaluatie_op == verleden


def test_afspraak_update_of_a_stale_revision_raises_and_changes_nothing(world):
    afspraak = Afspraak.objects.get(pk=world.afspraak_a1.pk)
    oude_titel = afspraak.titel
    with pytest.raises(afspraak_services.GelijktijdigeWijziging):
        afspraak_services.afspraak_update(
            afspraak=afspraak,
            revisie=afspraak.revisie - 1,
            data=_data(world, titel="Te laat"),
            praktijken=[world.praktijk_a1],
            door=world.users["praktijkmedewerker"],
        )
    assert Afspraak.objects.get(pk=afspraak.pk).titel == oude_titel


@pytest.mark.parametrize("status", [AfspraakStatus.VERVANGEN, AfspraakStatus.BEEINDIGD])
def test_afspraak_update_refuses_a_replaced_or_ended_afspraak(world, status):
    Afspraak.objects.filter(pk=world.afspraak_a1.pk).update(status=status, reden_beeindiging="Gestopt.")
    afspraak = Afspraak.objects.get(pk=world.afspraak_a1.pk)
    with pytest.raises(ValidationError, match="kan niet meer worden gewijzigd"):
        afspraak_services.afspraak_update(
            afspraak=afspraak,
            revisie=afspraak.revisie,
            data=_data(world, titel="Toch gewijzigd"),
            praktijken=[world.praktijk_a1],
            door=world.users["praktijkmedewerker"],
        )
    afspraak.refresh_from_db()
    assert afspraak.titel != "Toch gewijzigd" and afspraak.status == status


def _evalueer(afspraak, door, **kwargs):
    waarden = {
        "datum": _vandaag(),
        "nageleefd": Nageleefd.DEELS,
        "wat_gaat_goed": "Overdag loopt het goed.",
        "wat_kan_beter": "De overdracht 's avonds.",
        "besluit": Besluit.VOORTZETTEN,
        "volgende_evaluatie": _vandaag() + datetime.timedelta(days=30),
        **kwargs,
    }
    return afspraak_services.evaluatie_create(afspraak=afspraak, door=door, **waarden)


def test_evaluatie_create_voortzetten_sets_the_next_evaluation(world):
    afspraak = Afspraak.objects.get(pk=world.afspraak_a1.pk)
    evaluatie, huidig = _evalueer(afspraak, world.users["praktijkmedewerker"])
    assert evaluatie.pk and huidig.pk == afspraak.pk
    afspraak.refresh_from_db()
    assert afspraak.evaluatie_op == _vandaag() + datetime.timedelta(days=30)
    assert afspraak.status == AfspraakStatus.ACTIEF


def test_evaluatie_create_aanscherpen_makes_a_new_version(world):
    afspraak = Afspraak.objects.get(pk=world.afspraak_a1.pk)
    _evaluatie, nieuw = _evalueer(afspraak, world.users["praktijkmedewerker"], besluit=Besluit.AANSCHERPEN)
    afspraak.refresh_from_db()
    assert afspraak.status == AfspraakStatus.VERVANGEN
    assert nieuw.vorige_versie_id == afspraak.pk and nieuw.versie == afspraak.versie + 1
    assert nieuw.uitvoering.count() == afspraak.uitvoering.count()


def test_evaluatie_create_refuses_what_the_decision_needs_and_saves_nothing(world):
    afspraak = Afspraak.objects.get(pk=world.afspraak_a1.pk)
    door = world.users["praktijkmedewerker"]
    with pytest.raises(ValidationError) as fout:
        _evalueer(afspraak, door, besluit=Besluit.BEEINDIGEN, reden_beeindiging="  ")
    assert "reden_beeindiging" in fout.value.message_dict
    with pytest.raises(ValidationError) as fout:
        _evalueer(afspraak, door, volgende_evaluatie=None)
    assert "volgende_evaluatie" in fout.value.message_dict
    with pytest.raises(ValidationError) as fout:
        _evalueer(afspraak, door, datum=_vandaag() + datetime.timedelta(days=1))
    assert "datum" in fout.value.message_dict
    assert not afspraak.evaluaties.exists()
    afspraak.refresh_from_db()
    assert afspraak.status == AfspraakStatus.ACTIEF


def test_evaluatie_create_refuses_an_ended_afspraak(world):
    Afspraak.objects.filter(pk=world.afspraak_a1.pk).update(
        status=AfspraakStatus.BEEINDIGD, reden_beeindiging="Niet effectief."
    )
    afspraak = Afspraak.objects.get(pk=world.afspraak_a1.pk)
    with pytest.raises(ValidationError, match="lopende afspraak"):
        _evalueer(afspraak, world.users["praktijkmedewerker"])


# --- samenstelling --------------------------------------------------------------------------------


def _contact(world, groep=Beroepsgroep.APOTHEKER):
    partner = PartnerFactory(beroepsgroep=groep, wijken=[world.wijk_a1])
    return ContactpersoonFactory(praktijk=None, partner=partner, naam=f"Contact {groep}")


def test_afgevaardigde_benoemen_appoints_a_contact_of_the_beroepsgroep_in_the_wijk(world):
    contact = _contact(world)
    afgevaardigde = samenstelling_services.afgevaardigde_benoemen(
        verband=world.wsv_a1,
        beroepsgroep=Beroepsgroep.APOTHEKER,
        contactpersoon=contact,
        mandaat_op=_vandaag(),
        door=world.users["gebiedsmanager"],
    )
    assert afgevaardigde.contactpersoon == contact and afgevaardigde.einde_op is None


def test_afgevaardigde_benoemen_refuses_an_occupied_group_a_wrong_person_and_a_huisartsenverband(world):
    gm = world.users["gebiedsmanager"]
    with pytest.raises(ValidationError) as fout:  # the huisarts has a delegate in the world already
        samenstelling_services.afgevaardigde_benoemen(
            verband=world.wsv_a1,
            beroepsgroep=Beroepsgroep.HUISARTS,
            contactpersoon=ContactpersoonFactory(praktijk=world.praktijk_a1),
            mandaat_op=_vandaag(),
            door=gm,
        )
    assert "beroepsgroep" in fout.value.message_dict
    with pytest.raises(ValidationError) as fout:  # a fysiotherapeut is no apotheker
        samenstelling_services.afgevaardigde_benoemen(
            verband=world.wsv_a1,
            beroepsgroep=Beroepsgroep.APOTHEKER,
            contactpersoon=_contact(world, Beroepsgroep.FYSIOTHERAPEUT),
            mandaat_op=_vandaag(),
            door=gm,
        )
    assert "contactpersoon" in fout.value.message_dict
    with pytest.raises(ValidationError, match="multidisciplinair"):
        samenstelling_services.afgevaardigde_benoemen(
            verband=world.verband_a1,
            beroepsgroep=Beroepsgroep.APOTHEKER,
            contactpersoon=_contact(world),
            mandaat_op=_vandaag(),
            door=gm,
        )
    assert Afgevaardigde.objects.filter(verband=world.wsv_a1).count() == 1


# --- terugkoppeling -------------------------------------------------------------------------------
VAN, TOT = datetime.date(2026, 1, 1), datetime.date(2026, 3, 31)


def test_terugkoppeling_opstellen_drafts_a_line_per_active_wsv_and_refuses_a_reversed_period(world):
    OverlegFactory(verband=world.wsv_a1, datum=datetime.date(2026, 2, 10), status=OverlegStatus.GEHOUDEN)
    gm = world.users["gebiedsmanager"]
    with pytest.raises(ValidationError) as fout:
        terugkoppeling_services.terugkoppeling_opstellen(
            gebied=world.gebied_a, periode_van=TOT, periode_tot=VAN, door=gm
        )
    assert "periode_tot" in fout.value.message_dict
    concept = terugkoppeling_services.terugkoppeling_opstellen(
        gebied=world.gebied_a, periode_van=VAN, periode_tot=TOT, door=gm
    )
    assert concept.status == TerugkoppelingStatus.CONCEPT and concept.opgesteld_door == gm
    assert [r.verband for r in concept.regels.all()] == [world.wsv_a1]
    assert "10-02-2026" in concept.regels.get().bevindingen


def test_terugkoppeling_verzenden_marks_the_knelpunten_and_makes_it_read_only(
    world, django_capture_on_commit_callbacks
):
    gm = world.users["gebiedsmanager"]
    knelpunt = KnelpuntFactory(verband=world.wsv_a1, gemeld_op=datetime.date(2026, 2, 1))
    concept = terugkoppeling_services.terugkoppeling_opstellen(
        gebied=world.gebied_a, periode_van=VAN, periode_tot=TOT, door=gm
    )
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        verzonden = terugkoppeling_services.terugkoppeling_verzenden(terugkoppeling=concept, door=gm)
    assert len(callbacks) == 1, "the mail task is queued after the commit"
    assert verzonden.status == TerugkoppelingStatus.VERZONDEN and verzonden.verzonden_op
    assert Knelpunt.objects.get(pk=knelpunt.pk).naar_projectleider_op == timezone.localdate(
        verzonden.verzonden_op
    )
    with pytest.raises(ValidationError, match="al verzonden"):
        terugkoppeling_services.terugkoppeling_wijzigen(
            terugkoppeling=verzonden, samenvatting="Later", door=gm
        )
    assert GebiedTerugkoppeling.objects.get(pk=concept.pk).samenvatting != "Later"


def test_terugkoppeling_verzenden_refuses_an_empty_one(world):
    gm = world.users["gebiedsmanager"]
    concept = terugkoppeling_services.terugkoppeling_opstellen(
        gebied=world.gebied_a, periode_van=VAN, periode_tot=TOT, door=gm
    )
    terugkoppeling_services.terugkoppelingregel_verwijderen(regel=concept.regels.get(), door=gm)
    with pytest.raises(ValidationError, match="zonder regels"):
        terugkoppeling_services.terugkoppeling_verzenden(terugkoppeling=concept, door=gm)
    assert GebiedTerugkoppeling.objects.get(pk=concept.pk).status == TerugkoppelingStatus.CONCEPT
