"""Form fields that repeat per row (a PDCA step, a partner) each get an accessible name of their own:
the visible label plus the step or partner, so a screen reader user knows which row a field is."""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from samenwerking.models import PdcaStap
from tests.samenwerking.factories import PdcaCyclusFactory
from tests.wijken.factories import PartnerFactory
from wijken.constants import Beroepsgroep

pytestmark = pytest.mark.django_db

CONTROLS = {"input", "select", "textarea", "button"}


class _Namen(HTMLParser):
    """The accessible name of every form control: aria-label, else the text of its <label for>."""

    def __init__(self) -> None:
        super().__init__()
        self.labels: dict[str, str] = {}
        self.controls: list[dict] = []
        self._label_voor: str | None = None
        self._tekst: list[str] = []
        self._knop: dict | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "label" and attrs.get("for"):
            self._label_voor, self._tekst = attrs["for"], []
        if tag in CONTROLS:
            control = {"tag": tag, **attrs, "_tekst": []}
            self.controls.append(control)
            if tag == "button":
                self._knop = control

    def handle_endtag(self, tag):
        if tag == "label" and self._label_voor:
            self.labels[self._label_voor] = " ".join("".join(self._tekst).split())
            self._label_voor = None
        if tag == "button":
            self._knop = None

    def handle_data(self, data):
        if self._label_voor:
            self._tekst.append(data)
        if self._knop is not None:
            self._knop["_tekst"].append(data)

    def namen(self, *, naam_begint: str = "") -> dict[str, str]:
        """id -> accessible name of the controls whose name starts with ``naam_begint``."""
        uit = {}
        for c in self.controls:
            if c.get("type") == "hidden" or not (c.get("name") or "").startswith(naam_begint):
                continue
            naam = c.get("aria-label") or self.labels.get(c.get("id", ""), "")
            if c["tag"] == "button" and not naam:
                naam = " ".join("".join(c["_tekst"]).split())
            uit[c.get("id") or f"{c['tag']}{len(uit)}"] = naam
        return uit


def _namen(html: str) -> _Namen:
    parser = _Namen()
    parser.feed(html)
    return parser


def test_each_pdca_steps_status_and_note_name_their_step(world, client):
    verband = world.verband_a1
    PdcaCyclusFactory(verband=verband)
    stappen = list(PdcaStap.objects.filter(soort=verband.soort).order_by("nummer"))
    assert len(stappen) >= 2
    client.force_login(world.users["praktijkmedewerker"])
    html = client.get(reverse("samenwerking:verband-detail", args=[verband.pk])).content.decode()
    namen = _namen(html)
    status = namen.namen(naam_begint="status")
    notitie = namen.namen(naam_begint="notitie")
    assert len(status) == len(notitie) == len(stappen)
    for stap in stappen:
        assert status[f"status-{stap.pk}"] == f"Status van stap {stap.nummer}"
        assert notitie[f"notitie-{stap.pk}"] == f"Notitie bij stap {stap.nummer}"
    alle = list(status.values()) + list(notitie.values())
    assert not [n for n, aantal in Counter(alle).items() if aantal > 1]
    # The save buttons say which step too; the visible text stays first (label in name).
    knoppen = re.findall(r"Opslaan<span class=\"visually-hidden\"> \(stap (\d+)\)</span>", html)
    assert sorted(map(int, knoppen)) == sorted(s.nummer for s in stappen)


def test_each_partners_inventory_fields_name_the_partner_also_two_of_one_beroepsgroep(world, client):
    eerste = PartnerFactory(
        naam="Diëtistenpraktijk Smaak", beroepsgroep=Beroepsgroep.DIETIST, wijken=[world.wijk_a1]
    )
    tweede = PartnerFactory(
        naam="Diëtist aan huis", beroepsgroep=Beroepsgroep.DIETIST, wijken=[world.wijk_a1]
    )
    client.force_login(world.users["praktijkmedewerker"])
    html = client.get(reverse("wijken:praktijk-inventarisatie", args=[world.praktijk_a1.pk])).content.decode()
    namen = _namen(html).namen(naam_begint="form-")
    assert len(namen) == 6, namen  # three fields for each of the two partners
    assert not [n for n, aantal in Counter(namen.values()).items() if aantal > 1], namen
    for partner in (eerste, tweede):
        for label in ("Samenwerking", "Knelpunten", "Goede voorbeelden"):
            assert f"{label} met {partner.naam} (Maastricht)" in namen.values(), (label, partner.naam)
