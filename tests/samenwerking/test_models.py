"""Database constraints of verbanden: afgevaardigden, SMART-afspraken, PDCA-cycli, actiepunten, deelname."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from samenwerking.constants import ActiepuntStatus, AfspraakStatus, VerbandSoort
from samenwerking.models import PdcaStap, Thema
from tests.factories import PraktijkmedewerkerUserFactory
from tests.samenwerking import factories as f
from tests.wijken.factories import ContactpersoonFactory
from wijken.constants import Beroepsgroep

pytestmark = pytest.mark.django_db

SMART_TEKSTDELEN = ["specifiek", "meetbaar", "acceptabel", "realistisch"]


@pytest.mark.parametrize(
    "factory",
    [
        f.ThemaFactory,
        f.SamenwerkingsverbandFactory,
        f.WsvFactory,
        f.DeelnameFactory,
        f.AfgevaardigdeFactory,
        f.PdcaCyclusFactory,
        f.AfspraakFactory,
        f.AfspraakPraktijkFactory,
        f.EvaluatieFactory,
        f.OverlegFactory,
        f.ActiepuntFactory,
        f.KnelpuntFactory,
    ],
)
def test_factories_make_valid_objects(factory):
    obj = factory()
    obj.full_clean()


def test_seeded_rows_are_there():
    assert PdcaStap.objects.filter(soort=VerbandSoort.HUISARTSEN).count() == 7
    assert PdcaStap.objects.filter(soort=VerbandSoort.MULTIDISCIPLINAIR).count() == 3
    assert Thema.objects.filter(naam="Opvang van patiënten").exists()


def test_thema_factory_reuses_the_seeded_themes():
    aantal = Thema.objects.count()
    thema = f.ThemaFactory(naam="Inkoop")
    assert Thema.objects.count() == aantal
    assert thema.omschrijving  # the seeded row, with its description


def test_factories_keep_objects_in_one_wijk():
    afgevaardigde = f.AfgevaardigdeFactory()
    assert afgevaardigde.verband.is_wsv
    assert afgevaardigde.contactpersoon.partner.beroepsgroep == afgevaardigde.beroepsgroep
    assert list(afgevaardigde.contactpersoon.partner.wijken.all()) == [afgevaardigde.verband.wijk]
    deelname = f.DeelnameFactory()
    assert deelname.praktijk.wijk == deelname.verband.wijk


# --- One active afgevaardigde per beroepsgroep per WSV ---------------------------------------------


def test_second_active_afgevaardigde_of_a_beroepsgroep_is_rejected():
    eerste = f.AfgevaardigdeFactory(beroepsgroep=Beroepsgroep.APOTHEKER)
    with pytest.raises(IntegrityError, match="een_afgevaardigde_per_beroepsgroep"), transaction.atomic():
        f.AfgevaardigdeFactory(verband=eerste.verband, beroepsgroep=Beroepsgroep.APOTHEKER)


def test_full_clean_reports_second_active_afgevaardigde():
    eerste = f.AfgevaardigdeFactory(beroepsgroep=Beroepsgroep.APOTHEKER)
    tweede = f.AfgevaardigdeFactory.build(
        verband=eerste.verband,
        beroepsgroep=Beroepsgroep.APOTHEKER,
        contactpersoon=ContactpersoonFactory(van_partner=True),
    )
    with pytest.raises(ValidationError, match="al een gemandateerde afgevaardigde"):
        tweede.full_clean()


def test_new_afgevaardigde_after_the_mandate_of_the_first_ended():
    eerste = f.AfgevaardigdeFactory(beroepsgroep=Beroepsgroep.APOTHEKER)
    eerste.einde_op = datetime.date(2026, 1, 31)
    eerste.reden_einde = "Vertrokken naar een andere apotheek"
    eerste.save()
    opvolger = f.AfgevaardigdeFactory(
        verband=eerste.verband, beroepsgroep=Beroepsgroep.APOTHEKER, mandaat_op=datetime.date(2026, 2, 1)
    )
    opvolger.full_clean()
    assert eerste.verband.afgevaardigden.filter(einde_op__isnull=True).get() == opvolger


def test_other_beroepsgroep_and_other_wsv_may_each_have_an_afgevaardigde():
    eerste = f.AfgevaardigdeFactory(beroepsgroep=Beroepsgroep.APOTHEKER)
    f.AfgevaardigdeFactory(verband=eerste.verband, beroepsgroep=Beroepsgroep.DIETIST)
    f.AfgevaardigdeFactory(beroepsgroep=Beroepsgroep.APOTHEKER)  # another WSV


def test_mandate_cannot_end_before_it_started():
    with pytest.raises(IntegrityError, match="afgevaardigde_einde_na_mandaat"), transaction.atomic():
        f.AfgevaardigdeFactory(mandaat_op=datetime.date(2026, 2, 1), einde_op=datetime.date(2026, 1, 1))


# --- SMART-afspraken ------------------------------------------------------------------------------


@pytest.mark.parametrize("deel", SMART_TEKSTDELEN)
@pytest.mark.parametrize("waarde", ["", "   ", "\n\t "], ids=["leeg", "spaties", "witruimte"])
def test_database_requires_every_smart_part(deel, waarde):
    with pytest.raises(IntegrityError, match=f"afspraak_{deel}_ingevuld"), transaction.atomic():
        f.AfspraakFactory(**{deel: waarde})


def _unsaved_afspraak(**kwargs):
    return f.AfspraakFactory.build(
        verband=f.SamenwerkingsverbandFactory(),
        thema=f.ThemaFactory(),
        eigenaar=PraktijkmedewerkerUserFactory(),
        **kwargs,
    )


@pytest.mark.parametrize("deel", SMART_TEKSTDELEN)
def test_full_clean_requires_every_smart_part(deel):
    with pytest.raises(ValidationError) as exc:
        _unsaved_afspraak(**{deel: ""}).full_clean()
    assert set(exc.value.message_dict) == {deel}


@pytest.mark.parametrize("deel", SMART_TEKSTDELEN)
def test_full_clean_rejects_smart_part_of_only_whitespace(deel):
    with pytest.raises(ValidationError, match=f"afspraak_{deel}_ingevuld"):
        _unsaved_afspraak(**{deel: "  \n "}).full_clean()


def test_full_clean_accepts_complete_afspraak():
    _unsaved_afspraak().full_clean()


def test_tijdgebonden_is_a_required_date():
    with pytest.raises(IntegrityError, match="tijdgebonden"), transaction.atomic():
        f.AfspraakFactory(tijdgebonden=None)


@pytest.mark.parametrize("reden", ["", "  \n"])
def test_beeindigde_afspraak_needs_a_reason(reden):
    with pytest.raises(IntegrityError, match="afspraak_beeindigd_met_reden"), transaction.atomic():
        f.AfspraakFactory(status=AfspraakStatus.BEEINDIGD, reden_beeindiging=reden)


def test_beeindigde_afspraak_with_reason():
    afspraak = f.AfspraakFactory(status=AfspraakStatus.BEEINDIGD, reden_beeindiging="Bleek niet effectief.")
    afspraak.full_clean()


def test_new_version_links_to_the_old_one():
    oud = f.AfspraakFactory(status=AfspraakStatus.VERVANGEN)
    nieuw = f.AfspraakFactory(verband=oud.verband, versie=2, vorige_versie=oud, titel=oud.titel)
    assert oud.volgende_versie == nieuw
    assert str(nieuw) == f"{oud.titel} (v2)"
    with pytest.raises(IntegrityError), transaction.atomic():
        f.AfspraakFactory(verband=oud.verband, versie=2, vorige_versie=oud)


def test_afspraak_applies_once_per_praktijk():
    uitvoering = f.AfspraakPraktijkFactory()
    with pytest.raises(IntegrityError, match="afspraakpraktijk_uniek"), transaction.atomic():
        f.AfspraakPraktijkFactory(afspraak=uitvoering.afspraak, praktijk=uitvoering.praktijk)


# --- PDCA, deelname, actiepunten ------------------------------------------------------------------


def test_one_open_pdca_cycle_per_verband():
    eerste = f.PdcaCyclusFactory()
    with pytest.raises(IntegrityError, match="een_lopende_cyclus_per_verband"), transaction.atomic():
        f.PdcaCyclusFactory(verband=eerste.verband, nummer=2)


def test_new_pdca_cycle_after_the_first_is_closed():
    eerste = f.PdcaCyclusFactory()
    eerste.afgerond_op = datetime.date(2026, 3, 1)
    eerste.save()
    f.PdcaCyclusFactory(verband=eerste.verband, nummer=2, gestart_op=datetime.date(2026, 3, 2))
    with pytest.raises(IntegrityError, match="cyclus_nummer_uniek"), transaction.atomic():
        f.PdcaCyclusFactory(verband=eerste.verband, nummer=2, afgerond_op=datetime.date(2026, 4, 1))


def test_deelname_is_unique_and_ends_after_it_started():
    deelname = f.DeelnameFactory()
    with pytest.raises(IntegrityError, match="deelname_uniek"), transaction.atomic():
        f.DeelnameFactory(verband=deelname.verband, praktijk=deelname.praktijk)
    with pytest.raises(IntegrityError, match="deelname_uittreden_na_toetreden"), transaction.atomic():
        f.DeelnameFactory(toegetreden_op=datetime.date(2026, 1, 1), uitgetreden_op=datetime.date(2025, 1, 1))


def test_actiepunt_needs_an_owner_and_a_date_when_done():
    with pytest.raises(IntegrityError, match="actiepunt_heeft_eigenaar"), transaction.atomic():
        f.ActiepuntFactory(eigenaar=None, eigenaar_contact=None)
    with pytest.raises(IntegrityError, match="actiepunt_afgerond_met_datum"), transaction.atomic():
        f.ActiepuntFactory(status=ActiepuntStatus.AFGEROND)
    f.ActiepuntFactory(status=ActiepuntStatus.AFGEROND, afgerond_op=datetime.date(2026, 4, 1)).full_clean()


def test_overleg_ends_after_it_starts():
    with pytest.raises(IntegrityError, match="overleg_eindtijd_na_starttijd"), transaction.atomic():
        f.OverlegFactory(starttijd=datetime.time(21, 0), eindtijd=datetime.time(19, 0))


def test_verband_name_unique_per_wijk_and_soort():
    verband = f.SamenwerkingsverbandFactory()
    f.WsvFactory(wijk=verband.wijk, naam=verband.naam)
    with pytest.raises(IntegrityError, match="verband_naam_uniek_per_wijk"), transaction.atomic():
        f.SamenwerkingsverbandFactory(wijk=verband.wijk, naam=verband.naam)
