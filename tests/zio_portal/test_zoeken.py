"""The search-as-you-type endpoint (portaal/zoeken.py) and its widget (zio_portal/widgets.py): only
what the user may see, never more than MAX, and a long list never rendered whole."""

import pytest
from django.urls import reverse

from portaal.zoeken import MAX, SOORTEN
from samenwerking.models import Samenwerkingsverband
from tests.wijken.factories import PraktijkFactory
from wijken.models import Praktijk, Wijk
from zio_portal.widgets import KORT

pytestmark = pytest.mark.django_db

MODELLEN = {"praktijken": Praktijk, "wijken": Wijk, "verbanden": Samenwerkingsverband}


def _zoek(client, soort: str, q: str = "") -> list[dict]:
    response = client.get(reverse("zoeken", args=[soort]), {"q": q})
    assert response.status_code == 200
    return response.json()["resultaten"]


@pytest.mark.parametrize("rol", ["gebiedsmanager", "praktijkmedewerker", "praktijkmedewerker_ander_gebied"])
@pytest.mark.parametrize("soort", sorted(MODELLEN))
def test_search_only_returns_what_the_user_may_see(client, world, rol, soort):
    user = world.users[rol]
    client.force_login(user)
    zichtbaar = set(MODELLEN[soort].objects.zichtbaar_voor(user).values_list("pk", flat=True))
    alles = set(MODELLEN[soort].objects.values_list("pk", flat=True))
    assert zichtbaar != alles, "the world has objects outside this user's scope"
    gevonden = {r["value"] for r in _zoek(client, soort)}
    assert gevonden == zichtbaar  # fewer than MAX in the small world: all of them, and nothing else
    # Searching for a name outside the scope finds nothing.
    buiten = MODELLEN[soort].objects.exclude(pk__in=zichtbaar).first()
    assert {r["value"] for r in _zoek(client, soort, buiten.naam)} <= zichtbaar - {buiten.pk}


def test_gebiedsmanager_does_not_find_the_other_gebied(client, world):
    client.force_login(world.users["gebiedsmanager"])
    assert [r["text"] for r in _zoek(client, "praktijken", "Malberg")] == []
    gevonden = [r["text"] for r in _zoek(client, "praktijken", "Huisartsen Witte")]
    assert gevonden == ["Huisartsen Wittevrouwenveld (Wittevrouwenveld)"]  # a practice names its wijk
    namen = {r["text"] for r in _zoek(client, "verbanden")}
    assert world.verband_a1.naam in namen and world.verband_b1.naam not in namen


def test_eigenaren_are_the_owners_of_visible_agreements(client, world):
    client.force_login(world.users["praktijkmedewerker_ander_gebied"])
    gevonden = {r["value"] for r in _zoek(client, "eigenaren")}
    assert world.users["praktijkmedewerker_ander_gebied"].pk in gevonden
    assert world.users["praktijkmedewerker"].pk not in gevonden  # owner of an agreement in gebied A


def test_search_returns_at_most_max_and_matches_the_text(client, world):
    for i in range(MAX + 5):
        PraktijkFactory(wijk=world.wijk_a1, naam=f"Groepspraktijk {i:02d}")
    client.force_login(world.users["beheerder"])
    assert len(_zoek(client, "praktijken")) == MAX
    gevonden = [r["text"] for r in _zoek(client, "praktijken", "praktijk 07")]
    assert gevonden == [f"Groepspraktijk 07 ({world.wijk_a1.naam})"]
    assert client.get(reverse("zoeken", args=["onbekend"])).status_code == 404
    assert set(SOORTEN) >= set(MODELLEN)


def test_a_long_choice_renders_only_the_current_value(client, world):
    for i in range(KORT + 5):
        PraktijkFactory(wijk=world.wijk_a1, naam=f"Groepspraktijk {i:02d}")
    client.force_login(world.users["beheerder"])
    url = reverse("samenwerking:afspraak-list")
    html = client.get(url).content.decode()
    blok = html[html.index('name="praktijk"') : html.index("</select>", html.index('name="praktijk"'))]
    assert f'data-zoek-url="{reverse("zoeken", args=["praktijken"])}"' in html
    assert blok.count("<option") == 1  # only "Alle praktijken"
    gekozen = world.praktijk_b1
    html = client.get(url, {"praktijk": gekozen.pk}).content.decode()
    blok = html[html.index('name="praktijk"') : html.index("</select>", html.index('name="praktijk"'))]
    assert blok.count("<option") == 2 and f'value="{gekozen.pk}" selected' in blok
    # A short list (the wijken: four) stays a plain select with all options, usable without JavaScript.
    blok = html[html.index('name="wijk"') : html.index("</select>", html.index('name="wijk"'))]
    assert "data-zoek-url" not in blok and blok.count("<option") == 1 + Wijk.objects.count()


def test_only_the_beheerder_searches_accounts(client, world):
    for rol in ["beleidsadviseur", "gebiedsmanager", "praktijkmedewerker"]:
        client.force_login(world.users[rol])
        assert _zoek(client, "gebruikers") == []
    client.force_login(world.users["beheerder"])
    assert {r["text"] for r in _zoek(client, "gebruikers", "gebiedsmanager")} >= {
        str(world.users["gebiedsmanager"])
    }


def test_opvangverbanden_are_those_the_user_may_record_an_arrangement_in(client, world):
    """The choice behind the one 'Nieuwe opvangafspraak': huisartsen-verbanden with the right to add."""
    client.force_login(world.users["praktijkmedewerker"])
    assert {r["value"] for r in _zoek(client, "opvangverbanden")} == {world.verband_a1.pk}
    client.force_login(world.users["gebiedsmanager"])
    assert _zoek(client, "opvangverbanden") == []  # sees verbanden, records no opvang
    client.force_login(world.users["beheerder"])
    gevonden = {r["value"] for r in _zoek(client, "opvangverbanden")}
    assert world.verband_b1.pk in gevonden and world.wsv_a1.pk not in gevonden


def test_wijkplanwijken_are_only_those_the_user_may_start_a_plan_for(client, world):
    """The 'Wijkplan starten' choice never names a wijk outside the user's gebieden, nor one that has
    a plan this year; who may start none (every role but the gebiedsmanager and the superuser) finds
    nothing."""
    from django.utils import timezone

    from tests.monitoring.wijkplannen.factories import WijkplanFactory

    WijkplanFactory(wijk=world.wijk_a2, jaar=timezone.localdate().year)
    for rol, user in world.users.items():
        client.force_login(user)
        gevonden = {r["value"] for r in _zoek(client, "wijkplanwijken")}
        mag = {
            w.pk
            for w in Wijk.objects.exclude(pk=world.wijk_a2.pk)
            if user.has_perm("monitoring.add_wijkplan", w)
        }
        assert gevonden == mag, rol
    client.force_login(world.users["gebiedsmanager"])
    assert {r["value"] for r in _zoek(client, "wijkplanwijken")} == {world.wijk_a1.pk}
    assert _zoek(client, "wijkplanwijken", world.wijk_b1.naam) == []
