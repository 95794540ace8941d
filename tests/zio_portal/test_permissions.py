"""Every object permission (zio_portal/permissions.py, each app's rules.py), per role, in and out of scope.

The tables name, per permission and object of the ``world``, exactly the users that hold it; every
other user (and an anonymous visitor) must not. The scoping querysets ``zichtbaar_voor`` are checked
the same way, and against the view permissions, since list pages use the one and detail pages the other.
"""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser

from samenwerking.models import Afspraak, Samenwerkingsverband
from tests.factories import BeheerderFactory, GebiedsmanagerFactory, PraktijkmedewerkerUserFactory
from tests.samenwerking.factories import AfspraakFactory, DeelnameFactory
from wijken.models import Gebied, Praktijk, Wijk

pytestmark = pytest.mark.django_db

REGIO = {"beheerder", "beheerder_rol", "beleidsadviseur", "projectleider"}
BEHEER = {"beheerder", "beheerder_rol"}
# Who sees each wijk besides the region roles: its gebiedsmanager and the staff of its practices.
IN_WIJK = {
    "wijk_a1": REGIO | {"gebiedsmanager", "praktijkmedewerker", "praktijkmedewerker_buur"},
    "wijk_a2": REGIO | {"gebiedsmanager", "praktijkmedewerker_andere_wijk"},
    "wijk_b1": REGIO | {"gebiedsmanager_b", "praktijkmedewerker_ander_gebied"},
    "wijk_b2": REGIO | {"gebiedsmanager_b", "praktijkmedewerker_b2"},
}
# The staff of the two practices taking part in the huisartsen-verband of wijk A1.
LEDEN_VERBAND_A1 = {"praktijkmedewerker", "praktijkmedewerker_buur"}
ALLE_GEBRUIKERS = REGIO | {
    "gebiedsmanager",
    "gebiedsmanager_b",
    "praktijkmedewerker",
    "praktijkmedewerker_buur",
    "praktijkmedewerker_andere_wijk",
    "praktijkmedewerker_ander_gebied",
    "praktijkmedewerker_b2",
}

# (permission, object of the world or None, the users that hold it)
PERMISSION_TABLE = [
    # Continuïteit (samenwerking/continuiteit): the arrangement and melding of praktijk A1, asking its
    # buddy praktijk A1-buur; the overview for the region roles and every gebiedsmanager.
    ("samenwerking.view_opvangafspraak", "opvang_a1", IN_WIJK["wijk_a1"]),
    ("samenwerking.add_opvangafspraak", "verband_a1", BEHEER | LEDEN_VERBAND_A1),
    ("samenwerking.change_opvangafspraak", "opvang_a1", BEHEER | LEDEN_VERBAND_A1),
    ("samenwerking.add_uitvalmelding", "praktijk_a1", BEHEER | {"praktijkmedewerker"}),
    ("samenwerking.view_uitvalmelding", "melding_a1", IN_WIJK["wijk_a1"]),
    ("samenwerking.change_uitvalmelding", "melding_a1", BEHEER | {"praktijkmedewerker"}),
    (
        "samenwerking.vragen_uitvalmelding",
        "melding_a1",
        BEHEER | {"beleidsadviseur", "gebiedsmanager", "praktijkmedewerker"},
    ),
    ("samenwerking.evalueren_uitvalmelding", "melding_a1", {"beheerder"}),  # open: only the superuser
    ("samenwerking.beantwoorden_opvangverzoek", "verzoek_a1", BEHEER | {"praktijkmedewerker_buur"}),
    ("samenwerking.view_opvangoverzicht", None, REGIO | {"gebiedsmanager", "gebiedsmanager_b"}),
    # Wijkplannen (monitoring/wijkplannen): the gebiedsmanager of the gebied drafts; the wijk reads and
    # comments; the region reads.
    ("monitoring.view_wijkplan", "wijkplan_a1", IN_WIJK["wijk_a1"]),
    ("monitoring.add_wijkplan", "wijk_a1", {"beheerder", "gebiedsmanager"}),
    ("monitoring.change_wijkplan", "wijkplan_a1", {"beheerder", "gebiedsmanager"}),
    ("monitoring.edit_wijkplan_inhoud", "wijkplan_a1", {"beheerder", "gebiedsmanager"}),
    ("monitoring.comment_wijkplan", "wijkplan_a1", {"beheerder", "gebiedsmanager"} | LEDEN_VERBAND_A1),
    ("monitoring.import_cbs", None, BEHEER | {"beleidsadviseur"}),
    ("monitoring.view_wijkplan_regio", None, REGIO),
    # The kernel's security pages (zio_portal.beveiliging): the beheerder only.
    ("beveiliging.view_toegangsregel", None, BEHEER),
    ("beveiliging.beheer_accounts", None, BEHEER),
    # A gebied: its gebiedsmanager and the staff of practices in its wijken.
    ("wijken.view_gebied", "gebied_a", IN_WIJK["wijk_a1"] | IN_WIJK["wijk_a2"]),
    ("wijken.view_gebied", "gebied_b", IN_WIJK["wijk_b1"] | IN_WIJK["wijk_b2"]),
    ("wijken.view_wijk", "wijk_a1", IN_WIJK["wijk_a1"]),
    # The wijkindeling of practices: the beheerder and the beleidsadviseur.
    ("wijken.add_wijktoewijzing", None, BEHEER | {"beleidsadviseur"}),
    ("wijken.view_wijk", "wijk_a2", IN_WIJK["wijk_a2"]),
    ("wijken.view_wijk", "wijk_b1", IN_WIJK["wijk_b1"]),
    ("wijken.view_praktijk", "praktijk_a1", IN_WIJK["wijk_a1"]),
    ("wijken.view_praktijk", "praktijk_a1_buur", IN_WIJK["wijk_a1"]),
    ("wijken.view_praktijk", "praktijk_a2", IN_WIJK["wijk_a2"]),
    ("wijken.view_praktijk", "praktijk_b1", IN_WIJK["wijk_b1"]),
    ("wijken.change_praktijk", "praktijk_a1", BEHEER),
    ("wijken.change_praktijk", "praktijk_a1_buur", BEHEER),
    ("wijken.change_praktijk", "praktijk_b1", BEHEER),
    # Without an object only the superuser holds an object permission.
    ("wijken.view_partner", None, {"beheerder"}),
    # The gebied overview and the wijk's inventory: the gebiedsmanager who leads it, and the region.
    ("wijken.view_gebied_overzicht", "gebied_a", REGIO | {"gebiedsmanager"}),
    ("wijken.view_gebied_overzicht", "gebied_b", REGIO | {"gebiedsmanager_b"}),
    ("wijken.view_wijk_inventarisatie", "wijk_a1", REGIO | {"gebiedsmanager"}),
    # A practice's inventory: its own staff, its gebiedsmanager, the region; only the practice edits it.
    ("wijken.view_inventarisatie", "praktijk_a1", REGIO | {"gebiedsmanager", "praktijkmedewerker"}),
    (
        "wijken.view_inventarisatie",
        "praktijk_b1",
        REGIO | {"gebiedsmanager_b", "praktijkmedewerker_ander_gebied"},
    ),
    ("wijken.change_inventarisatie", "praktijk_a1", BEHEER | {"praktijkmedewerker"}),
    ("wijken.change_inventarisatie", "praktijk_a1_buur", BEHEER | {"praktijkmedewerker_buur"}),
    ("samenwerking.view_samenwerkingsverband", "verband_a1", IN_WIJK["wijk_a1"]),
    ("samenwerking.view_samenwerkingsverband", "wsv_a1", IN_WIJK["wijk_a1"]),
    ("samenwerking.view_samenwerkingsverband", "verband_a2", IN_WIJK["wijk_a2"]),
    ("samenwerking.view_samenwerkingsverband", "verband_b1", IN_WIJK["wijk_b1"]),
    ("samenwerking.view_samenwerkingsverband", "wsv_b1", IN_WIJK["wijk_b1"]),
    # Huisartsen-verbanden: the staff of the practices taking part; WSVs: the gebiedsmanager.
    ("samenwerking.change_samenwerkingsverband", "verband_a1", BEHEER | LEDEN_VERBAND_A1),
    ("samenwerking.change_samenwerkingsverband", "verband_a2", BEHEER | {"praktijkmedewerker_andere_wijk"}),
    ("samenwerking.change_samenwerkingsverband", "verband_b1", BEHEER | {"praktijkmedewerker_ander_gebied"}),
    ("samenwerking.change_samenwerkingsverband", "wsv_a1", BEHEER | {"gebiedsmanager"}),
    ("samenwerking.change_samenwerkingsverband", "wsv_b1", BEHEER | {"gebiedsmanager_b"}),
    ("samenwerking.view_afspraak", "afspraak_a1", IN_WIJK["wijk_a1"]),
    ("samenwerking.view_afspraak", "afspraak_a2", IN_WIJK["wijk_a2"]),
    ("samenwerking.view_afspraak", "afspraak_b1", IN_WIJK["wijk_b1"]),
    ("samenwerking.change_afspraak", "afspraak_a1", BEHEER | LEDEN_VERBAND_A1),
    ("samenwerking.change_afspraak", "afspraak_a2", BEHEER | {"praktijkmedewerker_andere_wijk"}),
    ("samenwerking.change_afspraak", "afspraak_b1", BEHEER | {"praktijkmedewerker_ander_gebied"}),
    # Per practice row: test_only_a_practices_own_staff_change_its_implementation.
    ("samenwerking.change_afspraakpraktijk", None, BEHEER),
    # Terugkoppeling aan de projectleider: per object in tests/samenwerking/test_terugkoppeling.py.
    ("samenwerking.view_gebiedterugkoppeling", None, {"beheerder"}),
    ("samenwerking.add_gebiedterugkoppeling", None, BEHEER | {"gebiedsmanager", "gebiedsmanager_b"}),
    ("samenwerking.change_gebiedterugkoppeling", None, {"beheerder"}),
    ("samenwerking.resv_gebiedterugkoppeling", None, {"beheerder"}),
    ("samenwerking.view_terugkoppeling_overzicht", None, REGIO),
    # WSV-overleggen: per meeting and role in tests/samenwerking/test_overleggen.py (follow the verband).
    ("samenwerking.view_overleg", None, {"beheerder"}),
    ("samenwerking.change_overleg", None, {"beheerder"}),
    ("monitoring.view_regio", None, REGIO),
    ("monitoring.manage_monitoring", None, BEHEER | {"beleidsadviseur"}),
    # Monitoring objects per role: tests/monitoring/test_permissions.py; without an object only these.
    ("monitoring.view_respons", None, {"beheerder"}),
    ("monitoring.change_respons", None, {"beheerder"}),
    ("monitoring.view_praktijkbezoek", None, {"beheerder"}),
    ("monitoring.change_praktijkbezoek", None, BEHEER | {"beleidsadviseur"}),
    ("monitoring.acknowledge_praktijkbezoek", None, {"beheerder"}),
    ("monitoring.fill_respons", None, {"beheerder"}),
    (
        "monitoring.list_praktijkbezoek",
        None,
        BEHEER
        | {
            "beleidsadviseur",
            "praktijkmedewerker",
            "praktijkmedewerker_buur",
            "praktijkmedewerker_andere_wijk",
            "praktijkmedewerker_ander_gebied",
            "praktijkmedewerker_b2",
        },
    ),
    # The regional report: per report in tests/monitoring/rapportage; starting and reviewing one.
    # ... and the praktijkmanagers, for the reports shared with them (all practice users of the world are).
    (
        "monitoring.list_rapportage",
        None,
        REGIO
        | {"gebiedsmanager", "gebiedsmanager_b"}
        | ALLE_GEBRUIKERS - REGIO - {"gebiedsmanager", "gebiedsmanager_b"},
    ),
    ("monitoring.view_rapportage", None, {"beheerder"}),
    ("monitoring.add_rapportage", None, BEHEER | {"beleidsadviseur"}),
    ("monitoring.review_rapportage", None, {"beheerder", "beleidsadviseur"}),
    # The live region dashboard (a gebiedsmanager's is limited to their gebieden) and the report schedule.
    ("monitoring.view_dashboard", None, REGIO | {"gebiedsmanager", "gebiedsmanager_b"}),
    ("monitoring.change_rapportageplanning", None, BEHEER | {"beleidsadviseur"}),
]


@pytest.fixture
def rollen(world) -> dict:
    """The world's users, a beheerder by role who is not a superuser, and an anonymous visitor.

    The world's beheerder is a superuser, for whom Django grants every permission before asking the
    rules; ``beheerder_rol`` shows the rules themselves give a beheerder these rights.
    """
    return {
        **world.users,
        "beheerder_rol": BeheerderFactory(username="beheerder_rol", is_superuser=False),
        "anoniem": AnonymousUser(),
    }


def _houders(rollen, perm, obj) -> set[str]:
    return {key for key, user in rollen.items() if user.has_perm(perm, obj)}


def _nieuwe_objecten(world) -> None:
    """The continuïteit and wijkplan objects of wijk A1 that the ``world`` itself does not build."""
    from tests.monitoring.wijkplannen.factories import WijkplanFactory
    from tests.samenwerking.continuiteit.factories import (
        OpvangafspraakFactory,
        OpvangVerzoekFactory,
        UitvalMeldingFactory,
    )

    world.opvang_a1 = OpvangafspraakFactory(
        verband=world.verband_a1, overdragende_praktijk=world.praktijk_a1, overnemers=[world.praktijk_a1_buur]
    )
    world.melding_a1 = UitvalMeldingFactory(praktijk=world.praktijk_a1)
    world.verzoek_a1 = OpvangVerzoekFactory(melding=world.melding_a1, praktijk=world.praktijk_a1_buur)
    world.wijkplan_a1 = WijkplanFactory(wijk=world.wijk_a1)


@pytest.mark.parametrize(
    ("perm", "obj_key", "expected"),
    PERMISSION_TABLE,
    ids=[f"{perm}-{obj or 'geen object'}" for perm, obj, _ in PERMISSION_TABLE],
)
def test_permission_per_role(world, rollen, perm, obj_key, expected):
    if obj_key in {"opvang_a1", "melding_a1", "verzoek_a1", "wijkplan_a1"}:
        _nieuwe_objecten(world)
    obj = getattr(world, obj_key) if obj_key else None
    assert _houders(rollen, perm, obj) == expected


def test_every_rule_is_in_the_table():
    """A new rule in permissions.py needs its row here."""
    import rules

    in_table = {perm for perm, _, _ in PERMISSION_TABLE}
    registered = set(rules.permissions.permissions)
    assert registered == in_table, f"rules without a row: {sorted(registered - in_table)}"


# --- The scoping querysets ------------------------------------------------------------------------

# The wijken each user sees; every practice, verband and afspraak follows its wijk.
ZICHTBARE_WIJKEN = {
    "beheerder": {"wijk_a1", "wijk_a2", "wijk_b1", "wijk_b2"},
    "beheerder_rol": {"wijk_a1", "wijk_a2", "wijk_b1", "wijk_b2"},
    "beleidsadviseur": {"wijk_a1", "wijk_a2", "wijk_b1", "wijk_b2"},
    "projectleider": {"wijk_a1", "wijk_a2", "wijk_b1", "wijk_b2"},
    "gebiedsmanager": {"wijk_a1", "wijk_a2"},
    "gebiedsmanager_b": {"wijk_b1", "wijk_b2"},
    "praktijkmedewerker": {"wijk_a1"},
    "praktijkmedewerker_buur": {"wijk_a1"},
    "praktijkmedewerker_andere_wijk": {"wijk_a2"},
    "praktijkmedewerker_ander_gebied": {"wijk_b1"},
    "praktijkmedewerker_b2": {"wijk_b2"},
    "anoniem": set(),
}
ZICHTBARE_GEBIEDEN = {
    "beheerder": {"gebied_a", "gebied_b"},
    "beheerder_rol": {"gebied_a", "gebied_b"},
    "beleidsadviseur": {"gebied_a", "gebied_b"},
    "projectleider": {"gebied_a", "gebied_b"},
    "gebiedsmanager": {"gebied_a"},
    "gebiedsmanager_b": {"gebied_b"},
    # Practice staff see the gebied of their wijk in lists, but see test_querysets_match_view_permissions.
    "praktijkmedewerker": {"gebied_a"},
    "praktijkmedewerker_buur": {"gebied_a"},
    "praktijkmedewerker_andere_wijk": {"gebied_a"},
    "praktijkmedewerker_ander_gebied": {"gebied_b"},
    "praktijkmedewerker_b2": {"gebied_b"},
    "anoniem": set(),
}
WIJK_VAN = {  # object key of the world -> its wijk
    "praktijk_a1": "wijk_a1",
    "praktijk_a1_buur": "wijk_a1",
    "praktijk_a2": "wijk_a2",
    "praktijk_b1": "wijk_b1",
    "praktijk_b2": "wijk_b2",
    "verband_a1": "wijk_a1",
    "wsv_a1": "wijk_a1",
    "verband_a2": "wijk_a2",
    "verband_b1": "wijk_b1",
    "wsv_b1": "wijk_b1",
    "verband_b2": "wijk_b2",
    "afspraak_a1": "wijk_a1",
    "afspraak_a2": "wijk_a2",
    "afspraak_b1": "wijk_b1",
    "afspraak_b2": "wijk_b2",
}
MODELLEN = {
    "Gebied": (Gebied, "wijken.view_gebied"),
    "Wijk": (Wijk, "wijken.view_wijk"),
    "Praktijk": (Praktijk, "wijken.view_praktijk"),
    "Samenwerkingsverband": (Samenwerkingsverband, "samenwerking.view_samenwerkingsverband"),
    "Afspraak": (Afspraak, "samenwerking.view_afspraak"),
}


SLEUTEL_BEGIN = {
    "Praktijk": ("praktijk_",),
    "Samenwerkingsverband": ("verband_", "wsv_"),
    "Afspraak": ("afspraak_",),
}


def _verwacht(model: str, user_key: str) -> set[str]:
    """The world's objects of this model the user should see: those in the user's wijken."""
    if model == "Gebied":
        return ZICHTBARE_GEBIEDEN[user_key]
    if model == "Wijk":
        return ZICHTBARE_WIJKEN[user_key]
    wijken = ZICHTBARE_WIJKEN[user_key]
    return {key for key, wijk in WIJK_VAN.items() if key.startswith(SLEUTEL_BEGIN[model]) and wijk in wijken}


def _keys(world, objects) -> set[str]:
    by_pk = {
        (type(getattr(world, key)), getattr(world, key).pk): key
        for key in ["gebied_a", "gebied_b", "wijk_a1", "wijk_a2", "wijk_b1", "wijk_b2", *WIJK_VAN]
    }
    return {by_pk[(type(obj), obj.pk)] for obj in objects}


@pytest.mark.parametrize("model", list(MODELLEN))
@pytest.mark.parametrize("user_key", list(ZICHTBARE_WIJKEN))
def test_zichtbaar_voor_returns_exactly_the_rows_in_scope(world, rollen, model, user_key):
    qs = MODELLEN[model][0].objects.zichtbaar_voor(rollen[user_key])
    rows = list(qs)
    assert len(rows) == len(set(rows)), "duplicate rows: a join multiplies them"
    assert _keys(world, rows) == _verwacht(model, user_key)


CONSISTENCY_CASES = [
    pytest.param(
        model,
        user_key,
        id=f"{model}-{user_key}",
    )
    for model in MODELLEN
    for user_key in ZICHTBARE_WIJKEN
]


@pytest.mark.parametrize(("model", "user_key"), CONSISTENCY_CASES)
def test_querysets_match_view_permissions(world, rollen, model, user_key):
    """A list page never shows a row whose detail page refuses the user, nor hides one it allows."""
    model_class, perm = MODELLEN[model]
    user = rollen[user_key]
    zichtbaar = set(model_class.objects.zichtbaar_voor(user))
    mag_zien = {obj for obj in model_class.objects.all() if user.has_perm(perm, obj)}
    assert zichtbaar == mag_zien


# --- Scenarios around the edges of the scope ------------------------------------------------------


def test_practice_that_left_the_verband_can_no_longer_change_it(world, users):
    pm = users["praktijkmedewerker_buur"]
    deelname = world.verband_a1.deelnames.get(praktijk=world.praktijk_a1_buur)
    deelname.uitgetreden_op = datetime.date(2026, 1, 1)
    deelname.save()
    assert not pm.has_perm("samenwerking.change_samenwerkingsverband", world.verband_a1)
    assert not pm.has_perm("samenwerking.change_afspraak", world.afspraak_a1)
    # Still in the wijk, so still reads what happens there.
    assert pm.has_perm("samenwerking.view_samenwerkingsverband", world.verband_a1)
    assert pm.has_perm("samenwerking.view_afspraak", world.afspraak_a1)


def test_practice_staff_cannot_change_a_wsv_even_when_their_practice_takes_part(world, users):
    DeelnameFactory(verband=world.wsv_a1, praktijk=world.praktijk_a1)
    pm = users["praktijkmedewerker"]
    assert not pm.has_perm("samenwerking.change_samenwerkingsverband", world.wsv_a1)


def test_gebiedsmanager_cannot_change_a_huisartsen_verband_in_their_gebied(world, users):
    assert not users["gebiedsmanager"].has_perm("samenwerking.change_samenwerkingsverband", world.verband_a1)


def test_gebiedsmanager_of_two_gebieden_sees_both(world):
    gm = GebiedsmanagerFactory(username="gebiedsmanager_ab")
    world.gebied_a.gebiedsmanagers.add(gm)
    world.gebied_b.gebiedsmanagers.add(gm)
    assert set(Wijk.objects.zichtbaar_voor(gm)) == set(world.wijken)
    assert gm.has_perm("samenwerking.change_samenwerkingsverband", world.wsv_b1)


def test_gebiedsmanager_without_gebied_sees_nothing(world):
    gm = GebiedsmanagerFactory(username="gebiedsmanager_zonder_gebied")
    assert not Wijk.objects.zichtbaar_voor(gm).exists()
    assert not gm.has_perm("wijken.view_wijk", world.wijk_a1)


def test_user_working_for_two_practices_sees_both_wijken(world, users):
    from tests.wijken.factories import PraktijkmedewerkerFactory

    pm = users["praktijkmedewerker"]
    PraktijkmedewerkerFactory(user=pm, praktijk=world.praktijk_b1)
    assert set(Wijk.objects.zichtbaar_voor(pm)) == {world.wijk_a1, world.wijk_b1}
    assert pm.has_perm("samenwerking.change_afspraak", world.afspraak_b1)


def test_praktijkmedewerker_cannot_change_another_practice_or_its_data(world, users):
    pm = users["praktijkmedewerker"]
    assert not pm.has_perm("wijken.change_praktijk", world.praktijk_a1_buur)
    assert not pm.has_perm("wijken.change_praktijk", world.praktijk_a1)
    assert not pm.has_perm("samenwerking.change_afspraak", world.afspraak_a2)


def test_member_of_a_verband_in_another_wijk_may_view_what_they_may_change(world, users):
    DeelnameFactory(verband=world.verband_a2, praktijk=world.praktijk_a1)
    pm = users["praktijkmedewerker"]
    assert pm.has_perm("samenwerking.change_samenwerkingsverband", world.verband_a2)
    assert pm.has_perm("samenwerking.view_samenwerkingsverband", world.verband_a2)


def test_afspraak_rights_follow_the_rights_on_its_verband(world, users):
    """In a WSV the gebiedsmanager who leads it changes its afspraken; practice staff only read them."""
    afspraak = AfspraakFactory(verband=world.wsv_a1, eigenaar=users["gebiedsmanager"])
    assert users["beheerder"].has_perm("samenwerking.change_afspraak", afspraak)
    assert users["gebiedsmanager"].has_perm("samenwerking.change_afspraak", afspraak)
    assert not users["gebiedsmanager_b"].has_perm("samenwerking.change_afspraak", afspraak)
    DeelnameFactory(verband=world.wsv_a1, praktijk=world.praktijk_a1)
    assert users["praktijkmedewerker"].has_perm("samenwerking.view_afspraak", afspraak)
    assert not users["praktijkmedewerker"].has_perm("samenwerking.change_afspraak", afspraak)
    assert not users["praktijkmedewerker"].has_perm("samenwerking.change_samenwerkingsverband", world.wsv_a1)


def test_only_practice_staff_acting_for_the_practice_change_its_verband(world, users):
    """A doktersassistent or POH reads the verband; the praktijkmanager and huisarts change it."""
    from tests.wijken.factories import PraktijkmedewerkerFactory

    assistent = PraktijkmedewerkerUserFactory(username="assistent")
    PraktijkmedewerkerFactory(user=assistent, praktijk=world.praktijk_a1, functie="assistent")
    assert assistent.has_perm("samenwerking.view_samenwerkingsverband", world.verband_a1)
    assert not assistent.has_perm("samenwerking.change_samenwerkingsverband", world.verband_a1)
    assert not assistent.has_perm("samenwerking.change_afspraak", world.afspraak_a1)


def test_partner_is_seen_by_whoever_sees_one_of_its_wijken(world, rollen):
    from tests.wijken.factories import PartnerFactory

    partner = PartnerFactory(wijken=[world.wijk_a1])
    assert _houders(rollen, "wijken.view_partner", partner) == IN_WIJK["wijk_a1"]


def test_only_a_practices_own_staff_change_its_implementation(world, rollen):
    from samenwerking.models import AfspraakPraktijk

    eigen = AfspraakPraktijk.objects.get(afspraak=world.afspraak_a1, praktijk=world.praktijk_a1)
    buur = AfspraakPraktijk.objects.get(afspraak=world.afspraak_a1, praktijk=world.praktijk_a1_buur)
    perm = "samenwerking.change_afspraakpraktijk"
    assert _houders(rollen, perm, eigen) == BEHEER | {"praktijkmedewerker"}
    assert _houders(rollen, perm, buur) == BEHEER | {"praktijkmedewerker_buur"}
