"""Database constraints of the monitoring: rapportage scope, responsen, praktijkbezoeken, rondes."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from monitoring.constants import RapportageStatus, ResponsStatus, ScopeSoort
from monitoring.models import Bouwsteen
from tests.monitoring import factories as f
from tests.wijken.factories import WijkFactory

pytestmark = pytest.mark.django_db

NU = datetime.datetime(2026, 5, 20, 12, 0, tzinfo=datetime.UTC)


@pytest.mark.parametrize(
    "factory",
    [
        f.VragenlijstFactory,
        f.SectieFactory,
        f.VraagFactory,
        f.RondeFactory,
        f.ResponsFactory,
        lambda: f.ResponsFactory(ingediend=True),
        f.PraktijkbezoekFactory,
        lambda: f.PraktijkbezoekFactory(gehouden=True),
        f.RapportageFactory,
    ],
)
def test_factories_make_valid_objects(factory):
    obj = factory()
    obj.full_clean()


def test_six_bouwstenen_are_seeded():
    assert Bouwsteen.objects.count() == 6


def test_vraag_factory_keeps_sectie_and_vragenlijst_together():
    vraag = f.VraagFactory()
    assert vraag.sectie.vragenlijst == vraag.vragenlijst


# --- Rapportage scope -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("scope", "met_gebied", "met_wijk", "toegestaan"),
    [
        (ScopeSoort.REGIO, False, False, True),
        (ScopeSoort.REGIO, True, False, False),
        (ScopeSoort.REGIO, False, True, False),
        (ScopeSoort.GEBIED, True, False, True),
        (ScopeSoort.GEBIED, False, False, False),
        (ScopeSoort.GEBIED, True, True, False),
        (ScopeSoort.GEBIED, False, True, False),
        (ScopeSoort.WIJK, False, True, True),
        (ScopeSoort.WIJK, False, False, False),
        (ScopeSoort.WIJK, True, False, False),
    ],
)
def test_rapportage_scope_is_consistent(scope, met_gebied, met_wijk, toegestaan):
    wijk = WijkFactory()
    kwargs = {
        "scope": scope,
        "gebied": wijk.gebied if met_gebied else None,
        "wijk": wijk if met_wijk else None,
    }
    if toegestaan:
        f.RapportageFactory(**kwargs).full_clean()
    else:
        with pytest.raises(IntegrityError, match="rapportage_scope_consistent"), transaction.atomic():
            f.RapportageFactory(**kwargs)


def test_rapportage_period_and_failure_reason():
    with pytest.raises(IntegrityError, match="rapportage_periode_geldig"), transaction.atomic():
        f.RapportageFactory(periode_van=datetime.date(2026, 1, 1), periode_tot=datetime.date(2025, 12, 31))
    with pytest.raises(IntegrityError, match="rapportage_mislukt_met_reden"), transaction.atomic():
        f.RapportageFactory(status=RapportageStatus.MISLUKT)
    f.RapportageFactory(
        status=RapportageStatus.MISLUKT, foutmelding="WeasyPrint: font ontbreekt"
    ).full_clean()


# --- Respons --------------------------------------------------------------------------------------


def test_ingediende_respons_needs_a_date():
    with pytest.raises(IntegrityError, match="respons_ingediend_met_datum"), transaction.atomic():
        f.ResponsFactory(status=ResponsStatus.INGEDIEND, ingediend_op=None)


def test_one_respons_per_praktijk_per_ronde():
    respons = f.ResponsFactory()
    with pytest.raises(IntegrityError, match="respons_een_per_praktijk"), transaction.atomic():
        f.ResponsFactory(ronde=respons.ronde, praktijk=respons.praktijk)
    f.ResponsFactory(praktijk=respons.praktijk)  # next year's round


def test_ronde_closes_after_it_opens():
    with pytest.raises(IntegrityError, match="ronde_sluit_na_open"), transaction.atomic():
        f.RondeFactory(opent_op=datetime.date(2026, 4, 1), sluit_op=datetime.date(2026, 3, 1))


def test_vraag_code_unique_per_vragenlijst():
    vraag = f.VraagFactory(code="SW01")
    with pytest.raises(IntegrityError, match="vraag_code_uniek"), transaction.atomic():
        f.VraagFactory(code="SW01", sectie=vraag.sectie)
    f.VraagFactory(code="SW01")  # the same code in another year's vragenlijst


# --- Praktijkbezoek -------------------------------------------------------------------------------


def test_bezoek_cannot_be_seen_before_it_is_shared():
    with pytest.raises(IntegrityError, match="bezoek_gezien_na_delen"), transaction.atomic():
        f.PraktijkbezoekFactory(gehouden=True, gezien_op=NU)


def test_bezoek_shared_needs_a_terugkoppeling():
    with pytest.raises(IntegrityError, match="bezoek_gedeeld_met_tekst"), transaction.atomic():
        f.PraktijkbezoekFactory(gedeeld_op=NU)


def test_bezoek_shared_then_seen():
    bezoek = f.PraktijkbezoekFactory(gehouden=True, gedeeld_op=NU)
    bezoek.gezien_op = NU + datetime.timedelta(days=1)
    bezoek.save()
    bezoek.full_clean()
    assert bezoek.bezoekers.get().rol == "beleidsadviseur"
