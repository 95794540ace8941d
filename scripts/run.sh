#!/usr/bin/env bash
# Start the background worker (with beat) and the portal; stop both with Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
HOST=${1:-127.0.0.1}
PORT=${2:-8000}
PY=.venv/bin/python
mkdir -p var
# Links in the mails the worker sends point at this very portal (unless set otherwise).
export PORTAL_BASE_URL=${PORTAL_BASE_URL:-http://$HOST:$PORT}

.venv/bin/celery -A portaal worker --beat --concurrency=2 -l info \
  --schedule var/celerybeat-schedule >var/worker.log 2>&1 &
WORKER=$!
trap 'kill $WORKER 2>/dev/null; wait $WORKER 2>/dev/null' EXIT INT TERM

if [ -n "${DATABASE_URL:-}" ]; then db="PostgreSQL ($DATABASE_URL)"; else db="SQLite (var/zio_portal.sqlite3)"; fi
if [ -n "${REDIS_URL:-}" ]; then broker="Redis ($REDIS_URL)"; else broker="bestandsbroker in var/broker (geen server nodig)"; fi
cat <<MSG

  ZIO wijksamenwerking draait op  http://$HOST:$PORT/
  Database: $db
  Achtergrondtaken: Celery-worker (pid $WORKER, log var/worker.log), broker: $broker

MSG
$PY manage.py demodata --logins
echo
echo "  Stoppen: Ctrl-C"
echo
# Not exec: the trap above stops the worker when the portal stops, however it stops.
$PY manage.py runserver "$HOST:$PORT" --noreload
