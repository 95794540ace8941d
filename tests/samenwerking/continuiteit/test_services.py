"""The continuïteit services: proposal of helpers (incl. a rota), asking, mails once, .ics SEQUENCE,
answers, ending, evaluation, escalation once after the deadline, and the overview figures."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from icalendar import Calendar

from samenwerking.continuiteit import selectors, services, tasks
from samenwerking.continuiteit.constants import Antwoord, MeldingStatus, Opvangvorm, Situatie, Zorgsoort
from samenwerking.models import UitvalMelding
from tests.samenwerking.continuiteit.factories import (
    OpvangafspraakFactory,
    OpvangVerzoekFactory,
    UitvalMeldingFactory,
)
from tests.samenwerking.factories import DeelnameFactory
from tests.wijken.factories import PraktijkFactory, PraktijkmedewerkerFactory

pytestmark = pytest.mark.django_db

MA = datetime.date(2026, 3, 2)  # a Monday


def _extra_lid(world, naam):
    praktijk = PraktijkFactory(wijk=world.wijk_a1, naam=naam)
    DeelnameFactory(verband=world.verband_a1, praktijk=praktijk)
    return praktijk


def _melding(world, van=MA, tot=MA + datetime.timedelta(days=2), **kwargs):
    data = {
        "van": van,
        "tot": tot,
        "situatie": Situatie.UITVAL,
        "zorgsoorten": [Zorgsoort.ACUTE_ZORG, Zorgsoort.SPREEKUUR],
    }
    data.update(kwargs)
    return services.uitval_melden(
        praktijk=world.praktijk_a1, data=data, door=world.users["praktijkmedewerker"]
    )


# --- proposal --------------------------------------------------------------------------------------


def test_proposal_from_valid_arrangements(world):
    OpvangafspraakFactory(
        verband=world.verband_a1, overdragende_praktijk=world.praktijk_a1, overnemers=[world.praktijk_a1_buur]
    )
    verlopen = _extra_lid(world, "Verlopen")
    OpvangafspraakFactory(
        verband=world.verband_a1,
        overdragende_praktijk=world.praktijk_a1,
        geldig_tot=datetime.date(2026, 2, 28),
        overnemers=[verlopen],
    )
    alleen_drukte = _extra_lid(world, "Alleen drukte")
    OpvangafspraakFactory(
        verband=world.verband_a1,
        overdragende_praktijk=world.praktijk_a1,
        situaties=[Situatie.DRUKTE],
        overnemers=[alleen_drukte],
    )
    voorstel = selectors.opvang_voorstel(melding=_melding(world))
    assert [v.praktijk for v in voorstel] == [world.praktijk_a1_buur]
    assert voorstel[0].dagen == [MA, MA + datetime.timedelta(days=1), MA + datetime.timedelta(days=2)]
    assert voorstel[0].zorg == [Zorgsoort.ACUTE_ZORG, Zorgsoort.SPREEKUUR]


def test_proposal_arrangement_ending_midway(world):
    OpvangafspraakFactory(
        verband=world.verband_a1,
        overdragende_praktijk=world.praktijk_a1,
        geldig_tot=MA,
        overnemers=[world.praktijk_a1_buur],
    )
    voorstel = selectors.opvang_voorstel(melding=_melding(world))
    assert voorstel[0].dagen == [MA]


def test_proposal_rota_by_week(world):
    tweede = _extra_lid(world, "Tweede in het rooster")
    OpvangafspraakFactory(
        verband=world.verband_a1,
        overdragende_praktijk=world.praktijk_a1,
        vorm=Opvangvorm.ROOSTER,
        geldig_van=datetime.date(2026, 1, 1),  # a Thursday: week 0 runs from Monday 29 December
        overnemers=[world.praktijk_a1_buur, tweede],
    )
    # 2 March 2026 is in week 9 counted from 29 December: odd, so the second practice; a week later the first.
    melding = _melding(world, van=MA + datetime.timedelta(days=4), tot=MA + datetime.timedelta(days=7))
    voorstel = {v.praktijk: v.dagen for v in selectors.opvang_voorstel(melding=melding)}
    assert voorstel[tweede] == [
        MA + datetime.timedelta(days=4),
        MA + datetime.timedelta(days=5),
        MA + datetime.timedelta(days=6),
    ]
    assert voorstel[world.praktijk_a1_buur] == [MA + datetime.timedelta(days=7)]


# --- asking and mails ------------------------------------------------------------------------------


def test_ask_and_mail_once_per_practice(world, mailoutbox, django_capture_on_commit_callbacks):
    tweede = _extra_lid(world, "Tweede")
    PraktijkmedewerkerFactory(praktijk=tweede)
    melding = _melding(world)
    with django_capture_on_commit_callbacks() as callbacks:
        verzoeken = services.praktijken_vragen(
            melding=melding,
            praktijken=[world.praktijk_a1_buur, tweede],
            door=world.users["praktijkmedewerker"],
        )
    assert len(callbacks) == 2
    for verzoek in verzoeken:
        assert tasks.opvangverzoek_mailen_task(verzoek.pk) == 1
        assert tasks.opvangverzoek_mailen_task(verzoek.pk) == 0  # the task ran twice: mailed once
    assert len(mailoutbox) == 2
    assert {tuple(m.to) for m in mailoutbox} == {
        (world.users["praktijkmedewerker_buur"].email,),
        tuple(tweede.medewerkers.values_list("user__email", flat=True)),
    }
    bericht = next(m for m in mailoutbox if m.to == [world.users["praktijkmedewerker_buur"].email])
    assert f"/continuiteit/verzoeken/{verzoeken[0].pk}/" in bericht.body
    assert bericht.extra_headers["Auto-Submitted"] == "auto-generated"
    naam, inhoud, soort = bericht.attachments[0]
    assert naam == "opvang.ics" and soort.startswith("text/calendar")
    # asking the same practice again adds no second request
    assert services.praktijken_vragen(melding=melding, praktijken=[world.praktijk_a1_buur], door=None) == []


def _ics_event(bericht):
    cal = Calendar.from_ical(bericht.attachments[0][1])
    return next(c for c in cal.walk("VEVENT"))


def test_changed_period_raises_sequence(world, mailoutbox):
    melding = _melding(world)
    verzoek = OpvangVerzoekFactory(melding=melding, praktijk=world.praktijk_a1_buur)
    services.opvangverzoek_mailen(verzoek_id=verzoek.pk)
    eerste = _ics_event(mailoutbox[0])
    assert int(eerste["SEQUENCE"]) == 0
    services.melding_periode_wijzigen(
        melding=melding, van=MA, tot=MA + datetime.timedelta(days=5), door=world.users["praktijkmedewerker"]
    )
    assert services.opvangverzoek_mailen(verzoek_id=verzoek.pk) == 1
    assert services.opvangverzoek_mailen(verzoek_id=verzoek.pk) == 0
    tweede = _ics_event(mailoutbox[1])
    assert str(tweede["UID"]) == str(eerste["UID"])
    assert int(tweede["SEQUENCE"]) == 1
    assert tweede["DTEND"].dt.date() == MA + datetime.timedelta(days=5)
    assert "Gewijzigd" in mailoutbox[1].subject
    # the same period again changes nothing
    services.melding_periode_wijzigen(melding=melding, van=MA, tot=MA + datetime.timedelta(days=5), door=None)
    assert UitvalMelding.objects.get(pk=melding.pk).volgnummer == 1


def test_confirm_part_and_refuse(world):
    melding = _melding(world)
    a = OpvangVerzoekFactory(melding=melding, praktijk=world.praktijk_a1_buur)
    b_praktijk = _extra_lid(world, "Tweede")
    b = OpvangVerzoekFactory(melding=melding, praktijk=b_praktijk)
    services.verzoek_beantwoorden(
        verzoek=a,
        antwoord=Antwoord.BEVESTIGD,
        zorgsoorten=[Zorgsoort.SPREEKUUR],
        door=world.users["praktijkmedewerker_buur"],
    )
    melding.refresh_from_db()
    assert melding.open_zorg() == [Zorgsoort.ACUTE_ZORG]
    with pytest.raises(ValidationError) as fout:
        services.verzoek_beantwoorden(verzoek=b, antwoord=Antwoord.KAN_NIET, door=None)
    assert "reden" in fout.value.error_dict
    services.verzoek_beantwoorden(verzoek=b, antwoord=Antwoord.KAN_NIET, reden="Zelf onderbezet", door=None)
    b.refresh_from_db()
    assert b.antwoord == Antwoord.KAN_NIET and b.beantwoord_op
    with pytest.raises(ValidationError):
        services.verzoek_beantwoorden(
            verzoek=a, antwoord=Antwoord.BEVESTIGD, van=MA - datetime.timedelta(days=1), door=None
        )


def test_end_tells_helpers_once_and_evaluation(world, mailoutbox, django_capture_on_commit_callbacks):
    melding = _melding(world)
    verzoek = OpvangVerzoekFactory(
        melding=melding,
        praktijk=world.praktijk_a1_buur,
        antwoord=Antwoord.BEVESTIGD,
        zorgsoorten=melding.zorgsoorten,
    )
    with pytest.raises(ValidationError):
        services.melding_evalueren(
            melding=melding, praktijk=world.praktijk_a1, oordeel="goed", toelichting="", door=None
        )
    with django_capture_on_commit_callbacks() as callbacks:
        services.melding_beeindigen(melding=melding, door=world.users["praktijkmedewerker"])
    assert len(callbacks) == 1
    assert tasks.opvang_einde_mailen_task(verzoek.pk) == 1
    assert tasks.opvang_einde_mailen_task(verzoek.pk) == 0
    assert len(mailoutbox) == 1 and "weer volledig bereikbaar" in mailoutbox[0].subject
    melding.refresh_from_db()
    assert melding.status == MeldingStatus.BEEINDIGD
    with pytest.raises(ValidationError):
        services.melding_beeindigen(melding=melding, door=None)
    with pytest.raises(ValidationError) as fout:
        services.melding_evalueren(
            melding=melding, praktijk=world.praktijk_a1, oordeel="knelpunt", toelichting="", door=None
        )
    assert "toelichting" in fout.value.error_dict
    services.melding_evalueren(
        melding=melding, praktijk=world.praktijk_a1_buur, oordeel="goed", toelichting="", door=None
    )
    with pytest.raises(ValidationError):
        services.melding_evalueren(
            melding=melding, praktijk=world.praktijk_a2, oordeel="goed", toelichting="", door=None
        )


# --- escalation --------------------------------------------------------------------------------------


def test_escalation_once_after_deadline(world, mailoutbox, settings):
    settings.CONTINUITEIT_ESCALATIE_UREN = 4
    with time_machine.travel(datetime.datetime(2026, 3, 2, 8, 0, tzinfo=datetime.UTC), tick=False):
        melding = _melding(world)
        OpvangVerzoekFactory(
            melding=melding,
            praktijk=world.praktijk_a1_buur,
            antwoord=Antwoord.BEVESTIGD,
            zorgsoorten=[Zorgsoort.SPREEKUUR],
        )
    with time_machine.travel(datetime.datetime(2026, 3, 2, 11, 59, tzinfo=datetime.UTC), tick=False):
        assert tasks.opvang_escaleren_task() == 0
    with time_machine.travel(datetime.datetime(2026, 3, 2, 12, 1, tzinfo=datetime.UTC), tick=False):
        assert tasks.opvang_escaleren_task() == 1
        assert tasks.opvang_escaleren_task() == 0
    assert len(mailoutbox) == 1
    assert set(mailoutbox[0].to) == {
        world.users["gebiedsmanager"].email,
        world.users["beleidsadviseur"].email,
    }
    assert "Acute zorg en spoed" in mailoutbox[0].body
    assert UitvalMelding.objects.get(pk=melding.pk).geescaleerd_op is not None


def test_no_escalation_when_covered(world, mailoutbox):
    with time_machine.travel(datetime.datetime(2026, 3, 2, 8, 0, tzinfo=datetime.UTC), tick=False):
        melding = _melding(world)
        OpvangVerzoekFactory(
            melding=melding,
            praktijk=world.praktijk_a1_buur,
            antwoord=Antwoord.BEVESTIGD,
            zorgsoorten=melding.zorgsoorten,
        )
    with time_machine.travel(datetime.datetime(2026, 3, 2, 18, 0, tzinfo=datetime.UTC), tick=False):
        assert tasks.opvang_escaleren_task() == 0
    assert mailoutbox == []


# --- overview -----------------------------------------------------------------------------------------


def test_radar_and_figures_against_hand_computed_values(world, users):
    # praktijk_a1 has a valid arrangement; praktijk_a1_buur one that has expired; the rest none.
    OpvangafspraakFactory(
        verband=world.verband_a1, overdragende_praktijk=world.praktijk_a1, overnemers=[world.praktijk_a1_buur]
    )
    OpvangafspraakFactory(
        verband=world.verband_a1,
        overdragende_praktijk=world.praktijk_a1_buur,
        geldig_tot=datetime.date(2026, 2, 1),
        overnemers=[world.praktijk_a1],
    )
    t0 = datetime.datetime(2026, 3, 2, 8, 0, tzinfo=datetime.UTC)
    # melding 1: 3 days, 2 kinds of care, both confirmed by buur after 2 hours
    m1 = UitvalMeldingFactory(
        praktijk=world.praktijk_a1, van=MA, tot=MA + datetime.timedelta(days=2), gemeld_op=t0
    )
    OpvangVerzoekFactory(
        melding=m1,
        praktijk=world.praktijk_a1_buur,
        antwoord="bevestigd",
        zorgsoorten=m1.zorgsoorten,
        beantwoord_op=t0 + datetime.timedelta(hours=2),
    )
    # melding 2: 1 day, 2 kinds of care, one confirmed after 6 hours (by praktijk_a1), one refused
    m2 = UitvalMeldingFactory(praktijk=world.praktijk_a1_buur, van=MA, tot=MA, gemeld_op=t0)
    OpvangVerzoekFactory(
        melding=m2,
        praktijk=world.praktijk_a1,
        antwoord="bevestigd",
        zorgsoorten=["spreekuur"],
        beantwoord_op=t0 + datetime.timedelta(hours=6),
    )
    # melding 3 (other gebied): 2 days, 1 care, nothing confirmed
    UitvalMeldingFactory(
        praktijk=world.praktijk_b1,
        van=MA,
        tot=MA + datetime.timedelta(days=1),
        zorgsoorten=["visites"],
        gemeld_op=t0,
    )

    overzicht = selectors.opvang_overzicht(
        user=users["beleidsadviseur"],
        vandaag=MA,
        van=datetime.date(2026, 1, 1),
        tot=datetime.date(2026, 12, 31),
    )
    c = overzicht.cijfers
    assert c.meldingen == 3
    assert c.dagen == 3 + 1 + 2
    assert c.aandeel_gedekt == pytest.approx(3 / 5)
    assert c.mediaan_uren_eerste_bevestiging == 4.0  # median of 2 and 6 hours
    assert c.meest_overgenomen == [(world.praktijk_a1.naam, 1), (world.praktijk_a1_buur.naam, 1)]
    assert [m.praktijk for m in overzicht.open_gaten] == [
        world.praktijk_b1,
        world.praktijk_a1_buur,
    ]  # by date, then name
    assert [m.praktijk for m in overzicht.lopend] == [world.praktijk_a1]
    assert set(overzicht.zonder_afspraak) == set(world.praktijken) - {world.praktijk_a1}

    gm = selectors.opvang_overzicht(
        user=users["gebiedsmanager"],
        vandaag=MA,
        van=datetime.date(2026, 1, 1),
        tot=datetime.date(2026, 12, 31),
    )
    assert gm.cijfers.meldingen == 2
    assert set(gm.zonder_afspraak) == {world.praktijk_a1_buur, world.praktijk_a2}
