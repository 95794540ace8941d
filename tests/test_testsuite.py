"""Rules that keep the two phases of ``make test`` from tripping over each other's database state.

A transactional test without serialized rollback flushes the database and lets post_migrate recreate
the content types; a serialized-rollback test after it then restores the migrated rows, content types
included, and collides with them. So: every browser test restores serialized (they run one after the
other in phase 2, before the worker tests, which re-seed what their flush removed), and no test of the
parallel phase 1 asks for it, because xdist may run it after any flushing test of its worker.
"""

import re
from pathlib import Path

TESTS = Path(__file__).resolve().parent
MARKER = re.compile(r"django_db\(([^)]*)\)")


def _markers(path: Path) -> list[str]:
    return MARKER.findall(path.read_text(encoding="utf-8"))


def test_every_transactional_browser_test_restores_serialized():
    missing = [
        f"{p.relative_to(TESTS)}: django_db({args})"
        for p in sorted((TESTS / "e2e").glob("test_*.py"))
        for args in _markers(p)
        if "transaction=True" in args and "serialized_rollback=True" not in args
    ]
    assert not missing, missing


def test_no_parallel_test_asks_for_serialized_rollback():
    found = [
        str(p.relative_to(TESTS))
        for p in sorted(TESTS.rglob("test_*.py"))
        if "e2e" not in p.parts and p.name != "test_testsuite.py" and "serialized_rollback" in p.read_text()
    ]
    assert not found, found


def test_parallel_transactional_tests_put_the_reference_data_back():
    """Outside the browser tests a flushing test asks for ``opnieuw_zaaien`` (before ``transactional_db``),
    so the PDCA steps, thema's and bouwstenen are there for whatever test its xdist worker runs next."""
    zonder = []
    for p in sorted(TESTS.rglob("test_*.py")):
        if "e2e" in p.parts or p.name == "test_testsuite.py":
            continue
        tekst = p.read_text(encoding="utf-8")
        if any("transaction=True" in args for args in _markers(p)):
            zonder.append(f"{p.relative_to(TESTS)}: django_db(transaction=True) instead of the fixtures")
        koppen = re.findall(r"def \w+\(([^)]*transactional_db[^)]*)\)", tekst)
        for kop in koppen:
            if "opnieuw_zaaien" not in kop:
                zonder.append(f"{p.relative_to(TESTS)}: ({kop})")
        if koppen and re.search(r"^pytestmark = .*django_db", tekst, re.M):
            # the module's mark sets the database up first, so its flush comes after the re-seeding
            zonder.append(f"{p.relative_to(TESTS)}: a module-wide django_db mark beside transactional_db")
    assert not zonder, zonder
