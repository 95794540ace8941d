#!/usr/bin/env bash
# The whole suite in two phases (make test):
#   1. the tests that need no browser and no Celery worker, in parallel (pytest-xdist, TEST_WORKERS
#      processes, default one per core; each has its own test database test_<name>_gwN, its own cache
#      prefix and its own file folders, see tests/settings.py), whole modules per worker (loadfile)
#      so the fixtures a module shares are built once;
#   2. the browser (e2e) and worker tests, one at a time: they start a live server, Chromium and a
#      Celery worker on the shared Redis broker.
# Both phases always run and each prints its 15 slowest tests. The exit code is the first failure's.
# pytest's exit code 5 (nothing collected) is a failure too: a phase that finds no tests means the
# markers or the collection are broken. Only when extra arguments narrow the run (make test
# PYTEST_ARGS="-k wijk") may one phase find nothing, as long as the other ran tests.
set -uo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
WORKERS=${TEST_WORKERS:-auto}

echo "== Fase 1: zonder browser en worker, parallel (-n $WORKERS)"
"$PY" -m pytest -m "not e2e and not worker" -n "$WORKERS" --dist loadfile --durations=15 "$@"
een=$?
echo "== Fase 2: browser- en workertests, na elkaar"
"$PY" -m pytest -m "e2e or worker" --durations=15 "$@"
twee=$?

echo "== Uitkomst: fase 1 exitcode $een, fase 2 exitcode $twee"
for code in "$een" "$twee"; do
  if [ "$code" -ne 0 ] && [ "$code" -ne 5 ]; then exit "$code"; fi
done
if [ "$een" -eq 5 ] && [ "$twee" -eq 5 ]; then
  echo "Geen tests gevonden."
  exit 5
fi
if [ "$een" -eq 5 ] || [ "$twee" -eq 5 ]; then
  if [ $# -eq 0 ]; then
    echo "Een fase vond geen tests: de markeringen (e2e, worker) of het verzamelen klopt niet."
    exit 5
  fi
  echo "Een fase vond geen tests; dat mag hier, want PYTEST_ARGS beperkt de selectie."
fi
exit 0
