#!/usr/bin/env bash
# Make sure the PostgreSQL and Redis that `make test` uses are up: start them when they are installed
# here but stopped, and create the database when it is missing.
set -euo pipefail
DATABASE_URL=$1
REDIS_URL=$2

if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  if command -v pg_ctlcluster >/dev/null && ls /etc/postgresql >/dev/null 2>&1; then
    echo "PostgreSQL starten"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n 1)" main start
  fi
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
fi
pg_isready -h 127.0.0.1 -p 5432 >/dev/null || { echo "PostgreSQL is niet bereikbaar op 127.0.0.1:5432"; exit 1; }

if ! redis-cli -u "$REDIS_URL" ping >/dev/null 2>&1; then
  if command -v redis-server >/dev/null; then
    echo "Redis starten"
    mkdir -p /var/lib/redis /var/log/redis
    redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
      --dir /var/lib/redis --logfile /var/log/redis/ci.log
    for _ in $(seq 1 20); do redis-cli -u "$REDIS_URL" ping >/dev/null 2>&1 && break; sleep 0.5; done
  fi
fi
redis-cli -u "$REDIS_URL" ping >/dev/null || { echo "Redis is niet bereikbaar ($REDIS_URL)"; exit 1; }

dbname=${DATABASE_URL##*/}
dbname=${dbname%%\?*}
base=${DATABASE_URL%/*}
if ! psql "$base/postgres" -tAc "SELECT 1 FROM pg_database WHERE datname='$dbname'" | grep -q 1; then
  psql "$base/postgres" -qc "CREATE DATABASE \"$dbname\""
fi
echo "PostgreSQL en Redis zijn bereikbaar."
