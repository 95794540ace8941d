"""zio_portal.cache: versions bumped by every change, values kept under the versions they were made at,
against the cache of the test run (the real Redis under make test)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.apps import apps
from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache
from django.db import transaction

from zio_portal.cache import LOKAAL_MAXIMUM, gedeeld, onthouden, verhoog, versie, versies, volg_wijzigingen

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def test_a_version_stays_until_it_is_bumped():
    eerste = versie("proef")
    assert versie("proef") == eerste
    verhoog("proef")
    assert versie("proef") > eerste
    assert versies("proef", "ander") == (versie("proef"), versie("ander"))


def test_the_bump_happens_at_once_and_again_when_the_transaction_commits(django_capture_on_commit_callbacks):
    """At once: the same transaction sees its own change. At the commit: a request that read the
    version in between, and cached the old data under it, is not served after the commit."""
    begin = versie("proef")
    with django_capture_on_commit_callbacks(execute=True) as na_commit, transaction.atomic():
        verhoog("proef")
        tussen = versie("proef")
        assert tussen > begin
    assert na_commit == []  # the bump is not work of the code under test (tests/conftest.py)
    assert versie("proef") > tussen  # but it ran at the commit


def test_a_lost_version_starts_past_every_old_number():
    """After an eviction (or a flushed Redis) the version does not start at 1 again, where an entry
    made long ago could still be waiting."""
    for _ in range(3):
        verhoog("proef")
    oud = versie("proef")
    cache.delete("versie:proef")
    assert versie("proef") > oud
    cache.delete("versie:proef")
    verhoog("proef")  # a bump of a missing version starts it fresh too
    assert versie("proef") > oud


def test_a_value_is_made_once_per_key_and_again_after_a_bump():
    gemaakt = []

    def maker(waarde):
        def maak():
            gemaakt.append(waarde)
            return {"waarde": waarde}

        return maak

    sleutel = ["proef", versies("proef"), "2026-01-01", [("scope", "regio")]]
    assert onthouden(sleutel, maker(1), 60) == {"waarde": 1}
    assert onthouden(sleutel, maker(2), 60) == {"waarde": 1}
    assert onthouden(["proef", versies("proef"), "2026-01-01", [("scope", "wijk")]], maker(3), 60) == {
        "waarde": 3
    }
    verhoog("proef")
    assert onthouden(["proef", versies("proef"), "2026-01-01", [("scope", "regio")]], maker(4), 60) == {
        "waarde": 4
    }
    assert gemaakt == [1, 3, 4]


def test_every_model_save_delete_and_many_to_many_change_bumps_its_app(world):
    begin = versies("wijken", "samenwerking", "monitoring")
    world.wijk_a1.inwoners = 1234
    world.wijk_a1.save()
    na_wijk = versies("wijken", "samenwerking", "monitoring")
    assert na_wijk[0] > begin[0] and na_wijk[1:] == begin[1:]
    world.gebied_a.gebiedsmanagers.remove(world.users["gebiedsmanager"])  # m2m
    assert versie("wijken") > na_wijk[0]
    voor = versie("samenwerking")
    world.afspraak_b2.delete()
    assert versie("samenwerking") > voor


def test_the_bookkeeping_of_files_and_mails_does_not_bump():
    from monitoring.models import RapportagePlanning

    voor = versie("monitoring")
    RapportagePlanning.laden().save()
    assert versie("monitoring") == voor


def test_an_exception_that_names_no_model_of_the_app_is_refused():
    with pytest.raises(LookupError, match="Notulen"):
        volg_wijzigingen(apps.get_app_config("monitoring"), behalve=["Notulen"])


def test_the_test_run_uses_the_real_redis_with_a_prefix_per_xdist_worker():
    if not os.environ.get("REDIS_URL"):
        pytest.skip("without REDIS_URL the suite runs on the local-memory cache")
    assert isinstance(caches["default"], RedisCache) and gedeeld()
    assert cache.key_prefix.endswith(":" + os.environ.get("PYTEST_XDIST_WORKER", "main"))


def _caches_van_het_portaal(**env) -> dict:
    """CACHES as the portal's own settings make them, in a fresh process with this environment."""
    schoon = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "DATABASE_URL"}}
    schoon.update(DJANGO_SETTINGS_MODULE="portaal.settings", DJANGO_DEBUG="1", **env)
    code = "from django.conf import settings; import json; print(json.dumps(settings.CACHES['default']))"
    uit = subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); " + code],
        cwd=ROOT,
        env=schoon,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(uit.stdout)


def test_make_run_uses_local_memory_and_production_redis_with_the_database_as_prefix(tmp_path):
    zonder = _caches_van_het_portaal(ZIO_VAR_DIR=str(tmp_path))
    assert zonder["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    met = _caches_van_het_portaal(
        ZIO_VAR_DIR=str(tmp_path),
        REDIS_URL="redis://127.0.0.1:6379/0",
        DATABASE_URL="postgres://zio@db:5432/zio_productie",
    )
    assert met == {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:6379/0",
        "KEY_PREFIX": "zio_productie",
    }


def test_a_per_process_cache_keeps_a_value_at_most_a_minute(settings):
    """Under make run (local memory) a bump made by the worker does not reach the web server, so a
    value may only be that late."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    lokaal = caches["default"]
    assert not gedeeld()
    onthouden(["proef-lokaal"], lambda: "waarde", 3600)
    (sleutel,) = [k for k in lokaal._cache if "onthouden:" in k]
    assert lokaal._expire_info[sleutel] - time.time() <= LOKAAL_MAXIMUM
