"""Property-based fuzz of every form in the per-role URL matrix: no 5xx, nobody else's data changed.

Every page of the matrix (tests/url_cases.py, tests/*/url_cases.py) is opened as every role that may
open it; every POST form on it (and every POST case of the matrix) is then sent by that role with
payloads hypothesis makes from the form's own fields: kept, left out, doubled, or replaced by long
strings, NUL and control characters, RTL overrides, emoji, huge and negative numbers, far dates and
ids that do not exist. No answer may be a 5xx, and the data of gebieden, practices and users outside
the role's reach must be byte for byte the same afterwards.

Known defects (a 500 in a view that cannot change here) are left out of the main run and each has a
strict xfail below that names the file to fix: when the fix lands the xfail turns into a failure,
so the entry is removed and the form joins the main run.
"""

from __future__ import annotations

import string
import time
from dataclasses import dataclass

import pytest
from django.core import serializers
from django.db import transaction
from django.test import Client
from django.urls import Resolver404, resolve, reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samenwerking.models import Afspraak, Overleg, Samenwerkingsverband
from tests.formulieren import Formulier, Veld, post_formulieren
from tests.url_cases import ROLLEN
from tests.zio_portal.test_urls import CASES
from wijken.models import Praktijk, Wijk
from zio_portal.eenmalig import TOKEN_VELD
from zio_portal.models import User

pytestmark = pytest.mark.django_db

VOORBEELDEN_PER_FORMULIER = 5
NIET_FUZZEN = {"logout", "login"}
# A form several roles may send is fuzzed as the first of these: scoped roles first, so that the
# check on data outside the role's reach means the most.
VOORKEUR = [
    "praktijkmedewerker",
    "gebiedsmanager",
    "praktijkmedewerker_ander_gebied",
    "praktijkmedewerker_andere_wijk",
    "beleidsadviseur",
    "projectleider",
    "beheerder",
]  # would end the session the run uses

# URL name of the form's action -> (the page the form is on, why it fails and which file to fix).
BEKENDE_FOUTEN: dict[str, tuple[str, str]] = {}

BOOS = [
    "\x00",
    "notulen\x00met NUL",
    "\x01\x02\x1b[31m\x7f",
    "\u202egnp.exe",
    "\u202d\u2066links\u2069",
    "😀🏥👩‍⚕️" * 40,
    "x" * 30_000,
    " ",
    "",
    "'; DROP TABLE wijken_wijk; --",
    "<script>alert(1)</script>",
    "-1",
    "0",
    "99999999999999999999999999",
    "-99999999999999999999",
    "1e309",
    "NaN",
    "١٢٣",
    "²",
    "1.5",
    "0001-01-01",
    "9999-12-31",
    "0001-01-01T00:00",
    "9999-12-31T23:59",
    "1999-12-31",
    "2101-01-01",
    "10000-01-01",
    "2026-02-30",
    "31-12-2025",
    "u999999",
    "c-1",
    "abc",
]
tekst = st.text(
    alphabet=st.characters(exclude_categories=("Cs",)), max_size=300
)  # lone surrogates cannot be sent as UTF-8 by any browser
waarde = st.one_of(
    st.sampled_from(BOOS),
    tekst,
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.dates().map(lambda d: d.isoformat()),
    st.sampled_from(string.printable),
)


class Vijfhonderd(AssertionError):
    """A form answered with a 5xx (the only failure a known-defect xfail may show)."""


@dataclass(frozen=True)
class Doel:
    """A form to fuzz: who sends it, where, its fields, and whether htmx sends it."""

    rol: str
    action: str
    naam: str  # URL name of the action
    htmx: bool
    velden: tuple[Veld, ...]

    @property
    def sleutel(self) -> tuple:
        """The same form (action and fields) seen by several roles is fuzzed once."""
        return (self.naam, tuple(sorted({v.naam for v in self.velden})))


def _url_naam(pad: str) -> str | None:
    try:
        match = resolve(pad)
    except Resolver404:
        return None
    return f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name


def _doelen(world, client: Client, alleen_pagina: str | None = None) -> list[Doel]:
    """Every POST form reachable in the matrix, per role (GET pages with 200, and the POST cases)."""
    gevonden: dict[tuple, Doel] = {}
    gezien: set[tuple[str, str]] = set()
    for case in CASES:
        if alleen_pagina and case.name != alleen_pagina:
            continue
        try:
            url = reverse(case.name, args=case.args(world))
        except Exception:  # noqa: S112  (a case whose objects this world lacks)
            continue
        for rol in ROLLEN:
            if rol == "anoniem":
                continue
            if case.method == "post":
                if case.expect[rol] not in (200, 302):
                    continue
                velden = []
                for naam, w in case.data(world).items():
                    for v in w if isinstance(w, list) else [w]:
                        velden.append(Veld(naam, "text", str(v)))
                formulieren = [Formulier(action=url, htmx=False, velden=velden)]
            else:
                if case.expect[rol] != 200 or (url, rol) in gezien:
                    continue
                gezien.add((url, rol))
                client.force_login(world.users[rol])
                antwoord = client.get(url)
                if antwoord.status_code != 200 or "html" not in antwoord.get("Content-Type", ""):
                    continue
                formulieren = post_formulieren(antwoord.content.decode(), url)
            for form in formulieren:
                naam = _url_naam(form.action)
                if naam is None or naam in NIET_FUZZEN:
                    continue
                doel = Doel(rol, form.action, naam, form.htmx, tuple(form.velden))
                bestaand = gevonden.get(doel.sleutel)
                if bestaand is None or VOORKEUR.index(rol) < VOORKEUR.index(bestaand.rol):
                    gevonden[doel.sleutel] = doel
    return list(gevonden.values())


def _veld_waarden(veld: Veld) -> list[str]:
    if veld.soort in ("checkbox", "radio"):
        return [veld.waarde or "on"]
    if veld.soort == "select" and veld.opties:
        return [veld.waarde or veld.opties[0]]
    return [veld.waarde]


@st.composite
def payloads(draw, doel: Doel) -> dict[str, list[str]]:
    data: dict[str, list[str]] = {}
    for veld in doel.velden:
        if veld.naam in (TOKEN_VELD, "csrfmiddlewaretoken") or veld.soort in ("file", "image", "reset"):
            continue
        if veld.soort == "submit":
            # One of the buttons is the one clicked; keep its name and value, as a browser does.
            if veld.naam not in data and draw(st.booleans()):
                data[veld.naam] = [veld.waarde]
            continue
        keuze = draw(st.sampled_from(["houden", "houden", "vervangen", "vervangen", "weglaten", "dubbel"]))
        if keuze == "weglaten":
            continue
        if veld.soort == "select":
            nieuw = draw(st.one_of(st.sampled_from(veld.opties or [""]), waarde))
        else:
            nieuw = draw(waarde)
        origineel = _veld_waarden(veld)
        if keuze == "houden":
            data.setdefault(veld.naam, []).extend(origineel)
        elif keuze == "vervangen":
            data.setdefault(veld.naam, []).append(nieuw)
        else:
            data.setdefault(veld.naam, []).extend([*origineel, nieuw])
    return data


def _andermans_gegevens(world, rol: str) -> str:
    """What ``rol`` may never change: other users' accounts, and the gebied the role is not in."""
    if rol in ("beheerder", "beleidsadviseur", "projectleider"):
        gebieden = []
    elif rol == "praktijkmedewerker_ander_gebied":
        gebieden = [world.gebied_a]
    else:
        gebieden = [world.gebied_b]
    gebruiker = world.users[rol]
    querysets = [
        User.objects.exclude(pk=gebruiker.pk).order_by("pk"),
        Wijk.objects.filter(gebied__in=gebieden).order_by("pk"),
        Praktijk.objects.filter(wijk__gebied__in=gebieden).order_by("pk"),
        Samenwerkingsverband.objects.filter(wijk__gebied__in=gebieden).order_by("pk"),
        Afspraak.objects.filter(verband__wijk__gebied__in=gebieden).order_by("pk"),
        Overleg.objects.filter(verband__wijk__gebied__in=gebieden).order_by("pk"),
    ]
    velden_zonder_login = [f.name for f in User._meta.concrete_fields if f.name != "last_login"]
    return "\n".join(
        serializers.serialize("json", qs, fields=velden_zonder_login if qs.model is User else None)
        for qs in querysets
    )


def _voorbeelden_sturen(world, client: Client, doel: Doel, fouten: list[str]) -> int:
    """Send ``doel`` its hypothesis examples as its role; 5xx answers go into ``fouten``."""
    verstuurd = []

    @settings(
        max_examples=VOORBEELDEN_PER_FORMULIER,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(st.data())
    def versturen(data):
        verstuurd.append(doel.action)
        _sturen(world, client, doel, data.draw(payloads(doel)), fouten)

    for payload in _vaste_payloads(doel):
        verstuurd.append(doel.action)
        _sturen(world, client, doel, payload, fouten)
    versturen()
    return len(verstuurd)


def _vaste_payloads(doel: Doel) -> list[dict[str, list[str]]]:
    """Four payloads every form gets: NUL in every text, a non-number in every field (bad ids),
    every whole number one higher (a tampered count or id), and every field twice with a huge negative
    number as the second value."""
    gewoon = {
        v.naam: _veld_waarden(v)
        for v in doel.velden
        if v.naam not in (TOKEN_VELD, "csrfmiddlewaretoken") and v.soort not in ("file", "image", "reset")
    }
    tekstvelden = {v.naam for v in doel.velden if v.soort in ("text", "textarea", "search", "email", "url")}
    return [
        {k: (["notulen\x00met NUL"] if k in tekstvelden else w) for k, w in gewoon.items()},
        {k: ["abc"] for k in gewoon},
        {k: [str(int(x) + 1) if x.isdigit() else x for x in w] for k, w in gewoon.items()},
        {k: [*w, "-99999999999999999999"] for k, w in gewoon.items()},
    ]


def _sturen(world, client: Client, doel: Doel, payload: dict, fouten: list[str]) -> None:
    extra = {"HTTP_HX_REQUEST": "true"} if doel.htmx else {}
    try:
        with transaction.atomic():
            status = client.post(doel.action, payload, **extra).status_code
    except Exception as fout:  # noqa: BLE001  (what the server would answer with a 500)
        status, reden = 500, f"{type(fout).__name__}: {str(fout)[:150]}"
    else:
        reden = ""
    if status >= 500:
        fouten.append(f"{doel.rol} POST {doel.action} ({doel.naam}): {status} {reden}")
    if not client.session.get("_auth_user_id"):
        client.force_login(world.users[doel.rol])


def _fuzzen(world, doelen: list[Doel]) -> tuple[int, list[str]]:
    """Send every target its examples; returns the number of requests and the 5xx found."""
    client = Client()
    aantal = 0
    fouten: list[str] = []
    per_rol: dict[str, list[Doel]] = {}
    for doel in doelen:
        per_rol.setdefault(doel.rol, []).append(doel)
    for rol, rol_doelen in per_rol.items():
        client.force_login(world.users[rol])
        voor = _andermans_gegevens(world, rol)
        for doel in rol_doelen:
            aantal += _voorbeelden_sturen(world, client, doel, fouten)
        na = _andermans_gegevens(world, rol)
        if voor != na:
            fouten.append(f"{rol}: changed data outside its reach")
    return aantal, fouten


def test_every_form_in_the_matrix_survives_hostile_input(world, client):
    begin = time.monotonic()
    doelen = [d for d in _doelen(world, client) if d.naam not in BEKENDE_FOUTEN]
    namen = {d.naam for d in doelen}
    assert (
        len(doelen) >= 30
        and "samenwerking:overleg-besluit" in namen
        and "samenwerking:afspraak-create" in namen
    )
    aantal, fouten = _fuzzen(world, doelen)
    print(
        f"\nform fuzz: {len(doelen)} forms ({len(namen)} URL names), {len(_vaste_payloads(doelen[0]))} fixed "
        f"+ {VOORBEELDEN_PER_FORMULIER} generated payloads each: {aantal} requests, "
        f"{sum(' POST ' in f for f in fouten)} x 5xx, {time.monotonic() - begin:.0f} s"
    )
    assert not fouten, "\n".join(fouten[:30])


@pytest.mark.parametrize(
    "naam",
    [
        pytest.param(naam, marks=pytest.mark.xfail(strict=True, raises=Vijfhonderd, reason=reden))
        for naam, (_pagina, reden) in BEKENDE_FOUTEN.items()
    ],
)
def test_known_defect_still_answers_500(naam, world, client):
    pagina, _reden = BEKENDE_FOUTEN[naam]
    doelen = [d for d in _doelen(world, client, alleen_pagina=pagina) if d.naam == naam]
    assert doelen, f"no form to {naam} on {pagina}"
    _aantal, fouten = _fuzzen(world, doelen)
    if fouten:
        raise Vijfhonderd("\n".join(fouten[:10]))
