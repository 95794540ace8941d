"""Model rules of the continuïteit workflow and who sees what."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from samenwerking.continuiteit.constants import Situatie, Zorgsoort
from samenwerking.models import Opvangafspraak, OpvangPraktijk, OpvangVerzoek, UitvalMelding
from tests.samenwerking.continuiteit.factories import (
    OpvangafspraakFactory,
    OpvangVerzoekFactory,
    UitvalMeldingFactory,
)
from tests.samenwerking.factories import AfspraakFactory, ThemaFactory
from tests.wijken.factories import PraktijkFactory

pytestmark = pytest.mark.django_db


def _afspraak(world, **kwargs):
    velden = {
        "verband": world.verband_a1,
        "overdragende_praktijk": world.praktijk_a1,
        "situaties": [Situatie.UITVAL],
        "zorgsoorten": [Zorgsoort.SPREEKUUR],
        "bereikbaarheid": "043 000 00 00",
        "geldig_van": datetime.date(2026, 1, 1),
    }
    velden.update(kwargs)
    return Opvangafspraak(**velden)


def test_opvangafspraak_valid(world):
    _afspraak(world).full_clean()


def test_opvangafspraak_period_order(world):
    with pytest.raises(ValidationError) as fout:
        _afspraak(world, geldig_tot=datetime.date(2025, 12, 31)).full_clean()
    assert "geldig_tot" in fout.value.error_dict


def test_opvangafspraak_period_order_is_a_constraint(world):
    with pytest.raises(IntegrityError):
        _afspraak(world, geldig_tot=datetime.date(2025, 12, 31)).save()


def test_opvangafspraak_needs_care(world):
    with pytest.raises(ValidationError) as fout:
        _afspraak(world, zorgsoorten=[]).full_clean()
    assert "zorgsoorten" in fout.value.error_dict
    _afspraak(world, zorgsoorten=[], zorg_anders="Wondzorg door de POH").full_clean()


def test_opvangafspraak_unknown_care_refused(world):
    with pytest.raises(ValidationError):
        _afspraak(world, zorgsoorten=["tandarts"]).full_clean()


def test_opvangafspraak_needs_situation(world):
    with pytest.raises(ValidationError) as fout:
        _afspraak(world, situaties=[]).full_clean()
    assert "situaties" in fout.value.error_dict


def test_opvangafspraak_not_in_wsv(world):
    with pytest.raises(ValidationError) as fout:
        _afspraak(world, verband=world.wsv_a1).full_clean()
    assert "verband" in fout.value.error_dict


def test_opvangafspraak_handing_over_practice_takes_part(world):
    with pytest.raises(ValidationError) as fout:
        _afspraak(world, overdragende_praktijk=world.praktijk_a2).full_clean()
    assert "overdragende_praktijk" in fout.value.error_dict


def test_smart_afspraak_must_be_on_the_opvang_theme(world):
    andere = AfspraakFactory(verband=world.verband_a1, thema=ThemaFactory(naam="Inkoop"))
    with pytest.raises(ValidationError) as fout:
        _afspraak(world, smart_afspraak=andere).full_clean()
    assert "smart_afspraak" in fout.value.error_dict
    opvang = AfspraakFactory(verband=world.verband_a1, thema=ThemaFactory(naam="Opvang van patiënten"))
    _afspraak(world, smart_afspraak=opvang).full_clean()


def test_taking_over_practice_in_same_verband(world):
    afspraak = OpvangafspraakFactory(verband=world.verband_a1, overdragende_praktijk=world.praktijk_a1)
    OpvangPraktijk(afspraak=afspraak, praktijk=world.praktijk_a1_buur).clean()


def test_taking_over_practice_outside_verband_refused(world):
    afspraak = OpvangafspraakFactory(verband=world.verband_a1, overdragende_praktijk=world.praktijk_a1)
    with pytest.raises(ValidationError):
        OpvangPraktijk(afspraak=afspraak, praktijk=world.praktijk_a2).clean()
    # explicitly from the wijk: only a practice of the verband's own wijk
    with pytest.raises(ValidationError):
        OpvangPraktijk(afspraak=afspraak, praktijk=world.praktijk_a2, uit_wijk=True).clean()
    wijkgenoot = PraktijkFactory(wijk=world.wijk_a1)
    with pytest.raises(ValidationError):
        OpvangPraktijk(afspraak=afspraak, praktijk=wijkgenoot).clean()
    OpvangPraktijk(afspraak=afspraak, praktijk=wijkgenoot, uit_wijk=True).clean()


def test_practice_cannot_take_over_itself(world):
    afspraak = OpvangafspraakFactory(verband=world.verband_a1, overdragende_praktijk=world.praktijk_a1)
    with pytest.raises(ValidationError):
        OpvangPraktijk(afspraak=afspraak, praktijk=world.praktijk_a1).clean()


def test_melding_rules(world):
    melding = UitvalMelding(
        praktijk=world.praktijk_a1,
        van=datetime.date(2026, 3, 5),
        tot=datetime.date(2026, 3, 4),
        situatie=Situatie.DRUKTE,
        zorgsoorten=[],
        gemeld_op=datetime.datetime(2026, 3, 1, tzinfo=datetime.UTC),
    )
    with pytest.raises(ValidationError) as fout:
        melding.full_clean()
    assert {"tot", "zorgsoorten"} <= set(fout.value.error_dict)


def test_verzoek_rules(world):
    melding = UitvalMeldingFactory(praktijk=world.praktijk_a1)
    verzoek = OpvangVerzoek(melding=melding, praktijk=world.praktijk_a1, gevraagd_op=melding.gemeld_op)
    with pytest.raises(ValidationError):
        verzoek.full_clean()
    verzoek = OpvangVerzoek(
        melding=melding,
        praktijk=world.praktijk_a1_buur,
        gevraagd_op=melding.gemeld_op,
        antwoord="kan_niet",
    )
    with pytest.raises(ValidationError) as fout:
        verzoek.full_clean()
    assert "reden" in fout.value.error_dict
    verzoek.antwoord, verzoek.zorgsoorten = "bevestigd", [Zorgsoort.VISITES]
    with pytest.raises(ValidationError) as fout:
        verzoek.full_clean()
    assert "zorgsoorten" in fout.value.error_dict


def test_open_zorg(world):
    melding = UitvalMeldingFactory(praktijk=world.praktijk_a1, zorgsoorten=["acute_zorg", "spreekuur"])
    assert melding.open_zorg() == ["acute_zorg", "spreekuur"]
    OpvangVerzoekFactory(
        melding=melding, praktijk=world.praktijk_a1_buur, antwoord="bevestigd", zorgsoorten=["spreekuur"]
    )
    assert melding.open_zorg() == ["acute_zorg"]


# --- who sees what ------------------------------------------------------------------------------


def test_zichtbaar_voor(world, users):
    afspraak_a1 = OpvangafspraakFactory(
        verband=world.verband_a1, overdragende_praktijk=world.praktijk_a1, overnemers=[world.praktijk_a1_buur]
    )
    afspraak_b1 = OpvangafspraakFactory(verband=world.verband_b1, overdragende_praktijk=world.praktijk_b1)
    melding = UitvalMeldingFactory(praktijk=world.praktijk_a1)
    OpvangVerzoekFactory(melding=melding, praktijk=world.praktijk_a1_buur)
    melding_b = UitvalMeldingFactory(praktijk=world.praktijk_b1)

    def afspraken(naam):
        return set(Opvangafspraak.objects.zichtbaar_voor(users[naam]))

    def meldingen(naam):
        return set(UitvalMelding.objects.zichtbaar_voor(users[naam]))

    for regio in ("beheerder", "beleidsadviseur", "projectleider"):
        assert afspraken(regio) == {afspraak_a1, afspraak_b1}
        assert meldingen(regio) == {melding, melding_b}
    assert afspraken("gebiedsmanager") == {afspraak_a1}
    assert meldingen("gebiedsmanager") == {melding}
    assert afspraken("praktijkmedewerker") == {afspraak_a1}
    assert afspraken("praktijkmedewerker_buur") == {afspraak_a1}
    assert afspraken("praktijkmedewerker_andere_wijk") == set()
    assert meldingen("praktijkmedewerker") == {melding}
    assert meldingen("praktijkmedewerker_buur") == {melding}  # asked to help
    assert meldingen("praktijkmedewerker_andere_wijk") == set()
    assert meldingen("praktijkmedewerker_ander_gebied") == {melding_b}
