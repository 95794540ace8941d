"""The report's Continuïteit and Wijkplannen sections: in the snapshot against hand-computed figures
(with the year-earlier comparison) and against the workflows' own pages, in the PDF (real WeasyPrint,
text read back with pypdf), on the dashboard, and an old snapshot without them still renders."""

from __future__ import annotations

import datetime
import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from monitoring.rapportage import pdf
from monitoring.rapportage.presenter import RapportagePresenter
from monitoring.rapportage.snapshot import snapshot_maken
from monitoring.wijkplannen.selectors import regio_overzicht
from samenwerking.continuiteit.selectors import opvang_overzicht

from .conftest import PEILDATUM, TOT, VAN

pytestmark = pytest.mark.django_db

META = {"gemaakt_op": "2026-07-01", "aangevraagd_door": "Bea Adviseur"}


def _snapshot(**scope) -> dict:
    scope.setdefault("scope", "regio")
    return snapshot_maken(periode_van=VAN, periode_tot=TOT, vandaag=PEILDATUM, **scope)


def _tekst(inhoud: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(inhoud)).pages).split())


def test_continuiteit_section_against_hand_computed_values(secties_world):
    w = secties_world
    c = _snapshot()["continuiteit"]
    assert c["peildatum"] == "2026-06-30" and c["peildatum_vorige"] == "2025-06-30"
    assert c["praktijken"] == 5
    assert c["nu"] == {
        "meldingen": 3,
        "dagen": 3 + 1 + 2,
        "aandeel_gedekt": 0.6,  # 3 of the 5 affected kinds of care confirmed
        "mediaan_uren_eerste_bevestiging": 4.0,  # median of 2 and 6 hours
        "zonder_afspraak": 4,
        "meest_overgenomen": [[w.praktijk_a1.naam, 1], [w.praktijk_a1_buur.naam, 1]],
    }
    assert c["vorige"] == {
        "meldingen": 1,
        "dagen": 5,
        "aandeel_gedekt": 1.0,
        "mediaan_uren_eerste_bevestiging": 1.0,
        "zonder_afspraak": 3,  # A1 (its arrangement starts in 2026), B1 and B2
        "meest_overgenomen": [[w.praktijk_a1_buur.naam, 1]],
    }
    assert [p["praktijk"] for p in c["zonder_afspraak"]] == [
        "Huisartsen Nazareth",
        "Praktijk Oranjeplein",
        "Huisartsen Malberg",
        "Huisartsen Pottenberg",
    ]  # by gebied, wijk, name
    assert c["zonder_afspraak"][0] == {
        "praktijk": "Huisartsen Nazareth",
        "wijk": "Nazareth",
        "gebied": "Maastricht-Noordoost",
    }

    g = _snapshot(scope="gebied", gebied_id=w.gebied_a.pk)["continuiteit"]
    assert (g["nu"]["meldingen"], g["nu"]["dagen"], g["nu"]["aandeel_gedekt"]) == (2, 4, 0.75)
    assert (g["nu"]["zonder_afspraak"], g["vorige"]["zonder_afspraak"], g["praktijken"]) == (2, 1, 3)
    wijk_b1 = _snapshot(scope="wijk", wijk_id=w.wijk_b1.pk)["continuiteit"]
    assert wijk_b1["nu"]["meldingen"] == 1 and wijk_b1["nu"]["aandeel_gedekt"] == 0.0
    assert wijk_b1["nu"]["mediaan_uren_eerste_bevestiging"] is None
    assert wijk_b1["vorige"]["meldingen"] == 0 and wijk_b1["vorige"]["aandeel_gedekt"] is None


@pytest.mark.parametrize(("rol", "scope"), [("beleidsadviseur", "regio"), ("gebiedsmanager", "gebied")])
def test_the_report_agrees_with_the_continuiteit_overview(secties_world, rol, scope):
    w = secties_world
    c = _snapshot(scope=scope, gebied_id=w.gebied_a.pk if scope == "gebied" else None)["continuiteit"]
    overzicht = opvang_overzicht(user=w.users[rol], vandaag=PEILDATUM, van=VAN, tot=TOT)
    o = overzicht.cijfers
    assert c["nu"]["meldingen"] == o.meldingen
    assert c["nu"]["dagen"] == o.dagen
    assert c["nu"]["aandeel_gedekt"] == pytest.approx(o.aandeel_gedekt)
    assert c["nu"]["mediaan_uren_eerste_bevestiging"] == o.mediaan_uren_eerste_bevestiging
    assert c["nu"]["meest_overgenomen"] == [list(t) for t in o.meest_overgenomen]
    assert [p["praktijk"] for p in c["zonder_afspraak"]] == [p.naam for p in overzicht.zonder_afspraak]


def test_wijkplannen_section_against_hand_computed_values(secties_world):
    w = secties_world
    s = _snapshot()["wijkplannen"]
    assert s == {
        "jaar": 2026,
        "wijken": 4,
        "vastgesteld": [
            {"wijk": "Wittevrouwenveld", "gebied": "Maastricht-Noordoost", "vastgesteld_op": "2026-03-01"}
        ],
        "concept": [{"wijk": "Nazareth", "gebied": "Maastricht-Noordoost"}],
        "geen": [
            {"wijk": "Malberg", "gebied": "Maastricht-Zuidwest"},
            {"wijk": "Pottenberg", "gebied": "Maastricht-Zuidwest"},
        ],
        "prioriteiten": [["Eenzaamheid", 2], ["Valpreventie", 1]],
        "vorig_jaar": {"jaar": 2025, "vastgesteld": 1, "concept": 0, "geen": 3},
    }
    # The region view of the wijkplannen says the same.
    regio = regio_overzicht(jaar=2026)
    assert [x["wijk"] for x in s["vastgesteld"]] == [wijk.naam for wijk, _plan in regio.vastgesteld]
    assert [x["wijk"] for x in s["concept"]] == [wijk.naam for wijk, _plan in regio.concept]
    assert {x["wijk"] for x in s["geen"]} == {wijk.naam for wijk in regio.geen}
    assert [tuple(p) for p in s["prioriteiten"]] == regio.prioriteiten
    # A gebied report: only its wijken.
    b = _snapshot(scope="gebied", gebied_id=w.gebied_b.pk)["wijkplannen"]
    assert (b["wijken"], b["vastgesteld"], b["concept"], b["prioriteiten"]) == (2, [], [], [])
    assert b["vorig_jaar"] == {"jaar": 2025, "vastgesteld": 1, "concept": 0, "geen": 1}
    # A wijk report says its plan's state in words.
    wijk = RapportagePresenter(_snapshot(scope="wijk", wijk_id=w.wijk_a1.pk)).wijkplannen
    assert wijk.enkele_wijk == {
        "wijk": "Wittevrouwenveld",
        "stand": "heeft een wijkplan voor 2026, vastgesteld op 1 maart 2026",
        "vorig_jaar": "In 2025: geen wijkplan.",
    }
    assert RapportagePresenter(_snapshot()).wijkplannen.enkele_wijk is None
    # The year of the period: a 2025 report shows the 2025 plans.
    vorig = snapshot_maken(
        periode_van=datetime.date(2025, 1, 1), periode_tot=datetime.date(2025, 12, 31), scope="regio"
    )["wijkplannen"]
    assert vorig["jaar"] == 2025 and [x["wijk"] for x in vorig["vastgesteld"]] == ["Malberg"]


def test_the_sections_are_in_the_pdf_with_their_figures(secties_world):
    tekst = _tekst(pdf.pdf_maken(snapshot=_snapshot(), meta=META))
    for kop in (
        "Continuïteit",
        "Continuïteit, met dezelfde periode een jaar eerder (1 januari 2025 – 31 december 2025)",
        "Wie neemt het vaakst over?",
        "Praktijken zonder geldige opvangafspraak op 30 juni 2026",
        "Wijkplannen",
        "Wijkplannen voor 2026, met 2025",
        "Meest gekozen prioriteiten",
    ):
        assert kop in tekst, kop
    assert "Meldingen van uitval 3 1 ▲ +2" in tekst
    assert "Getroffen zorg met bevestigde opvang 60% 100% ▼ -40%-punt" in tekst
    assert "Mediane tijd tot de eerste bevestiging 4,0 uur 1,0 uur ▲ +3,0 uur" in tekst
    assert "4 van de 5 praktijken in Regio Maastricht-Heuvelland hebben op 30 juni 2026 geen" in tekst
    assert "Wijken met een vastgesteld wijkplan 1 1 gelijk" in tekst
    assert "Eenzaamheid 2" in tekst
    assert "Maastricht-Noordoost Wittevrouwenveld Vastgesteld 1 maart 2026" in tekst


def test_a_snapshot_made_before_these_sections_still_renders(secties_world):
    oud = _snapshot()
    del oud["continuiteit"], oud["wijkplannen"]
    r = RapportagePresenter(oud, META)
    assert r.continuiteit is None and r.wijkplannen is None
    tekst = _tekst(pdf.pdf_maken(snapshot=oud, meta=META))
    assert "Samenvatting" in tekst and "Bijlage: overzicht per wijk" in tekst
    assert "Wie neemt het vaakst over?" not in tekst and "Meest gekozen prioriteiten" not in tekst


def test_the_dashboard_shows_both_sections(secties_world, client):
    w = secties_world
    client.force_login(w.users["beleidsadviseur"])
    html = client.get(reverse("rapportage:dashboard"), {"van": "2026-01-01", "tot": "2026-12-31"})
    html = html.content.decode()
    assert 'id="kop-continuiteit">Continuïteit</h2>' in html
    assert (
        '<th scope="row" class="fw-normal">Meldingen van uitval</th><td class="text-end fw-semibold">3</td>'
        in html
    )
    assert "<li>Huisartsen Nazareth <span" in html
    assert 'id="kop-wijkplannen">Wijkplannen 2026</h2>' in html
    assert "<li>Eenzaamheid <span" in html
    assert reverse("samenwerking:opvang-overzicht") in html and reverse("monitoring:wijkplan-regio") in html
    # A gebiedsmanager: only the meldingen and wijken of their gebied.
    client.force_login(w.users["gebiedsmanager_b"])
    html = client.get(reverse("rapportage:dashboard"), {"van": "2026-01-01", "tot": "2026-12-31"})
    html = html.content.decode()
    assert (
        '<th scope="row" class="fw-normal">Meldingen van uitval</th><td class="text-end fw-semibold">1</td>'
        in html
    )
    assert "Huisartsen Nazareth" not in html and "Wittevrouwenveld" not in html
    assert "<li>Malberg <span" in html
