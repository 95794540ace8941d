"""Shared fixtures: a small world with one user per role, and a real Celery worker process.

``world`` builds two gebieden of Maastricht, each with a gebiedsmanager and two wijken, practices with
staff, verbanden with SMART-afspraken, and one user per role; ``users`` is its dict of users by key.
Every user's password is ``tests.factories.WACHTWOORD`` and the username is the key in ``users``.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import pytest

from samenwerking.models import Afgevaardigde, Afspraak, Samenwerkingsverband
from tests.factories import (
    BeheerderFactory,
    BeleidsadviseurFactory,
    GebiedsmanagerFactory,
    PraktijkmedewerkerUserFactory,
    ProjectleiderFactory,
)
from tests.regio import RegioOpSchaal, bouw_regio
from tests.samenwerking.factories import (
    AfgevaardigdeFactory,
    AfspraakFactory,
    AfspraakPraktijkFactory,
    DeelnameFactory,
    SamenwerkingsverbandFactory,
    WsvFactory,
)
from tests.wijken.factories import (
    ContactpersoonFactory,
    GebiedFactory,
    GemeenteFactory,
    PraktijkFactory,
    PraktijkmedewerkerFactory,
    WijkFactory,
)
from wijken.constants import Beroepsgroep
from wijken.models import Gebied, Gemeente, Praktijk, Regio, Wijk
from zio_portal.models import User

BASE_DIR = Path(__file__).resolve().parent.parent


@dataclass
class World:
    """The objects of the ``world`` fixture; ``users`` maps a key (also the username) to a user.

    Gebied A (gebiedsmanager ``gebiedsmanager``) has wijken A1 and A2, gebied B (``gebiedsmanager_b``)
    has B1 and B2. Wijk A1 has two practices (``praktijk_a1`` with user ``praktijkmedewerker`` and
    ``praktijk_a1_buur`` with ``praktijkmedewerker_buur``); A2, B1 and B2 have one each, with users
    ``praktijkmedewerker_andere_wijk``, ``praktijkmedewerker_ander_gebied`` and ``praktijkmedewerker_b2``.
    Every wijk has a huisartsen-verband in which its practices take part, with one afspraak applying to
    them; A1 and B1 also have a WSV.
    """

    regio: Regio
    gemeente: Gemeente
    gebied_a: Gebied
    gebied_b: Gebied
    wijk_a1: Wijk
    wijk_a2: Wijk
    wijk_b1: Wijk
    wijk_b2: Wijk
    praktijk_a1: Praktijk
    praktijk_a1_buur: Praktijk
    praktijk_a2: Praktijk
    praktijk_b1: Praktijk
    praktijk_b2: Praktijk
    verband_a1: Samenwerkingsverband
    verband_a2: Samenwerkingsverband
    verband_b1: Samenwerkingsverband
    verband_b2: Samenwerkingsverband
    wsv_a1: Samenwerkingsverband
    wsv_b1: Samenwerkingsverband
    afspraak_a1: Afspraak
    afspraak_a2: Afspraak
    afspraak_b1: Afspraak
    afspraak_b2: Afspraak
    afgevaardigde_a1: Afgevaardigde
    users: dict[str, User] = field(default_factory=dict)

    @property
    def gebieden(self) -> list[Gebied]:
        return [self.gebied_a, self.gebied_b]

    @property
    def wijken(self) -> list[Wijk]:
        return [self.wijk_a1, self.wijk_a2, self.wijk_b1, self.wijk_b2]

    @property
    def praktijken(self) -> list[Praktijk]:
        return [self.praktijk_a1, self.praktijk_a1_buur, self.praktijk_a2, self.praktijk_b1, self.praktijk_b2]

    @property
    def verbanden(self) -> list[Samenwerkingsverband]:
        return [self.verband_a1, self.verband_a2, self.verband_b1, self.verband_b2, self.wsv_a1, self.wsv_b1]

    @property
    def afspraken(self) -> list[Afspraak]:
        return [self.afspraak_a1, self.afspraak_a2, self.afspraak_b1, self.afspraak_b2]


def _huisartsenverband(wijk, praktijken, eigenaar):
    """A huisartsen-verband of the practices, with one afspraak that applies to all of them."""
    verband = SamenwerkingsverbandFactory(wijk=wijk, naam=f"Huisartsen {wijk.naam}")
    for praktijk in praktijken:
        DeelnameFactory(verband=verband, praktijk=praktijk)
    afspraak = AfspraakFactory(verband=verband, titel=f"Opvang bij uitval in {wijk.naam}", eigenaar=eigenaar)
    for praktijk in praktijken:
        AfspraakPraktijkFactory(afspraak=afspraak, praktijk=praktijk)
    return verband, afspraak


@pytest.fixture(autouse=True)
def _lege_cache():
    """Every test starts with an empty cache, as with an empty database: a figure cached by an earlier
    test (of other rows with the same ids) must not be served to this one. With Redis only this
    run's keys go (tests/settings.py gives each xdist worker its own prefix); the broker's stay."""
    from django.core.cache import cache, caches
    from django.core.cache.backends.redis import RedisCache

    if isinstance(caches["default"], RedisCache):
        client = cache._cache.get_client(write=True)
        sleutels = list(client.scan_iter(match=f"{cache.key_prefix}:*", count=1000))
        if sleutels:
            client.delete(*sleutels)
    else:
        cache.clear()


@pytest.fixture
def django_capture_on_commit_callbacks():
    """pytest-django's fixture, with the list holding only the work the code under test queued (a
    task, a mail): the bumps of the cache versions that every write also queues (zio_portal.cache)
    are left out of the list, so a test can count its own callbacks. With ``execute=True`` they all
    run, the bumps included."""
    from contextlib import contextmanager

    from django.db import DEFAULT_DB_ALIAS
    from django.test import TestCase

    @contextmanager
    def vangen(*, using: str = DEFAULT_DB_ALIAS, execute: bool = False):
        eigen: list = []
        with TestCase.captureOnCommitCallbacks(using=using, execute=execute) as alle:
            yield eigen
        eigen.extend(c for c in alle if not hasattr(c, "cache_versie"))

    return vangen


@pytest.fixture
def world(db) -> World:
    gemeente = GemeenteFactory(naam="Maastricht", cbs_code="GM0935")
    gm_a = GebiedsmanagerFactory(username="gebiedsmanager", first_name="Anna", last_name="Gebiedsmanager")
    gm_b = GebiedsmanagerFactory(username="gebiedsmanager_b", first_name="Bram", last_name="Gebiedsmanager")
    gebied_a = GebiedFactory(gemeente=gemeente, naam="Maastricht-Noordoost", gebiedsmanagers=[gm_a])
    gebied_b = GebiedFactory(gemeente=gemeente, naam="Maastricht-Zuidwest", gebiedsmanagers=[gm_b])
    wijk_a1 = WijkFactory(gebied=gebied_a, naam="Wittevrouwenveld")
    wijk_a2 = WijkFactory(gebied=gebied_a, naam="Nazareth")
    wijk_b1 = WijkFactory(gebied=gebied_b, naam="Malberg")
    wijk_b2 = WijkFactory(gebied=gebied_b, naam="Pottenberg")

    users = {
        "beheerder": BeheerderFactory(username="beheerder"),
        "beleidsadviseur": BeleidsadviseurFactory(username="beleidsadviseur"),
        "projectleider": ProjectleiderFactory(username="projectleider"),
        "gebiedsmanager": gm_a,
        "gebiedsmanager_b": gm_b,
    }

    def praktijk_met_medewerker(wijk, naam, username):
        praktijk = PraktijkFactory(wijk=wijk, naam=naam)
        users[username] = PraktijkmedewerkerUserFactory(username=username)
        PraktijkmedewerkerFactory(user=users[username], praktijk=praktijk)
        return praktijk

    praktijk_a1 = praktijk_met_medewerker(wijk_a1, "Huisartsen Wittevrouwenveld", "praktijkmedewerker")
    praktijk_a1_buur = praktijk_met_medewerker(wijk_a1, "Praktijk Oranjeplein", "praktijkmedewerker_buur")
    praktijk_a2 = praktijk_met_medewerker(wijk_a2, "Huisartsen Nazareth", "praktijkmedewerker_andere_wijk")
    praktijk_b1 = praktijk_met_medewerker(wijk_b1, "Huisartsen Malberg", "praktijkmedewerker_ander_gebied")
    praktijk_b2 = praktijk_met_medewerker(wijk_b2, "Huisartsen Pottenberg", "praktijkmedewerker_b2")

    verband_a1, afspraak_a1 = _huisartsenverband(
        wijk_a1, [praktijk_a1, praktijk_a1_buur], users["praktijkmedewerker"]
    )
    verband_a2, afspraak_a2 = _huisartsenverband(
        wijk_a2, [praktijk_a2], users["praktijkmedewerker_andere_wijk"]
    )
    verband_b1, afspraak_b1 = _huisartsenverband(
        wijk_b1, [praktijk_b1], users["praktijkmedewerker_ander_gebied"]
    )
    verband_b2, afspraak_b2 = _huisartsenverband(wijk_b2, [praktijk_b2], users["praktijkmedewerker_b2"])
    wsv_a1 = WsvFactory(wijk=wijk_a1, naam="WSV Wittevrouwenveld")
    wsv_b1 = WsvFactory(wijk=wijk_b1, naam="WSV Malberg")
    afgevaardigde_a1 = AfgevaardigdeFactory(
        verband=wsv_a1,
        beroepsgroep=Beroepsgroep.HUISARTS,
        contactpersoon=ContactpersoonFactory(praktijk=praktijk_a1, functie="Huisarts"),
    )

    return World(
        regio=gemeente.regio,
        gemeente=gemeente,
        gebied_a=gebied_a,
        gebied_b=gebied_b,
        wijk_a1=wijk_a1,
        wijk_a2=wijk_a2,
        wijk_b1=wijk_b1,
        wijk_b2=wijk_b2,
        praktijk_a1=praktijk_a1,
        praktijk_a1_buur=praktijk_a1_buur,
        praktijk_a2=praktijk_a2,
        praktijk_b1=praktijk_b1,
        praktijk_b2=praktijk_b2,
        verband_a1=verband_a1,
        verband_a2=verband_a2,
        verband_b1=verband_b1,
        verband_b2=verband_b2,
        wsv_a1=wsv_a1,
        wsv_b1=wsv_b1,
        afspraak_a1=afspraak_a1,
        afspraak_a2=afspraak_a2,
        afspraak_b1=afspraak_b1,
        afspraak_b2=afspraak_b2,
        afgevaardigde_a1=afgevaardigde_a1,
        users=users,
    )


@pytest.fixture
def users(world: World) -> dict:
    """The world's users by key: one per role, plus practice staff of other practices and wijken."""
    return world.users


@pytest.fixture(params=[1, 10], ids=["1x", "10x"])
def regio(request, db) -> RegioOpSchaal:
    """The factory-built region of ``tests/regio.py`` at 1x and at 10x: a test using it runs at both."""
    return bouw_regio(request.param)


@pytest.fixture(scope="module", params=[1, 10], ids=["1x", "10x"])
def regio_per_module(request, django_db_setup, django_db_blocker) -> RegioOpSchaal:
    """The region of ``regio``, built once per module and scale for the tests of a module that only
    read it (building it at 10x takes seconds). It lives in a transaction around the module's tests:
    each test runs in a savepoint inside it (rolled back after the test, as always), and the whole
    region is rolled back after the module. Not for modules with transactional tests."""
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        yield bouw_regio(request.param)
        transaction.set_rollback(True)


# --- a real Celery worker -----------------------------------------------------------------------


def _database_url(settings_dict: dict) -> str:
    """postgres://user:password@host:port/name of the (test) database Django is connected to."""
    user = quote(settings_dict.get("USER") or "", safe="")
    password = settings_dict.get("PASSWORD") or ""
    auth = f"{user}:{quote(password, safe='')}@" if password else (f"{user}@" if user else "")
    host = settings_dict.get("HOST") or "localhost"
    port = settings_dict.get("PORT") or "5432"
    return f"postgres://{auth}{host}:{port}/{quote(settings_dict['NAME'], safe='')}"


def _celery_executable() -> str:
    beside_python = Path(sys.executable).parent / "celery"
    if beside_python.exists():
        return str(beside_python)
    found = shutil.which("celery")
    if not found:
        pytest.fail("The celery command is not installed in this environment.", pytrace=False)
    return found


@pytest.fixture(scope="session")
def celery_worker_process(django_db_setup, tmp_path_factory):
    """Start ``celery -A portaal worker`` on the test database and the test run's Redis.

    Yields the worker's node name once it answers a ping. Fails (never skips) without REDIS_URL or
    PostgreSQL: ``make test`` always provides both, so a missing one is a broken setup.
    """
    from django.db import connection

    from portaal.celery import app

    redis_url = os.environ.get("REDIS_URL")
    if not redis_url:
        pytest.fail(
            "REDIS_URL is not set: the worker test needs the real Redis broker "
            "(run the tests through `make test`, or set REDIS_URL=redis://127.0.0.1:6379/0).",
            pytrace=False,
        )
    if connection.vendor != "postgresql":
        pytest.fail(
            f"The worker test needs PostgreSQL (a worker cannot share a {connection.vendor} test database): "
            "set DATABASE_URL=postgres://... as `make test` does.",
            pytrace=False,
        )

    node = f"zio-test-{uuid.uuid4().hex[:8]}@{socket.gethostname()}"
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(connection.settings_dict),
        "REDIS_URL": redis_url,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "PYTHONUNBUFFERED": "1",
    }
    log_path = tmp_path_factory.mktemp("celery") / "worker.log"
    command = [
        _celery_executable(),
        "-A",
        "portaal",
        "worker",
        "--pool=solo",
        "--concurrency=1",
        "-Q",
        "celery",
        "--without-mingle",
        "--without-gossip",
        "-l",
        "info",
        "-n",
        node,
    ]
    with open(log_path, "wb") as log:
        process = subprocess.Popen(command, cwd=BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT)

    def log_tail() -> str:
        return log_path.read_text(errors="replace")[-4000:]

    try:
        deadline = time.monotonic() + 30
        while not app.control.ping(destination=[node], timeout=0.5):
            if process.poll() is not None:
                pytest.fail(
                    f"The Celery worker exited with code {process.returncode}:\n{log_tail()}", pytrace=False
                )
            if time.monotonic() > deadline:
                pytest.fail(
                    f"The Celery worker did not answer a ping within 30 s:\n{log_tail()}", pytrace=False
                )
        yield node
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


@pytest.fixture
def opnieuw_zaaien(django_db_setup, django_db_blocker):
    """Puts back the reference data (PDCA steps, thema's, bouwstenen) that a transactional test's flush
    removed, so the tests after it in the same process find it. List it before ``transactional_db``:
    its teardown then runs after the flush."""
    yield
    from monitoring import seeds as monitoring_seeds
    from monitoring.models import Bouwsteen
    from samenwerking import seeds as samenwerking_seeds
    from samenwerking.models import PdcaStap, Thema

    with django_db_blocker.unblock():
        samenwerking_seeds.zaai(PdcaStap=PdcaStap, Thema=Thema)
        monitoring_seeds.zaai(Bouwsteen=Bouwsteen)
