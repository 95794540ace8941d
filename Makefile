# ZIO wijksamenwerking portal: the two commands a newcomer needs.
#   make run    install, migrate, load the demo region, start the portal and its worker
#   make test   install (system packages too, on Debian as root) and run the whole suite
# against the real PostgreSQL and Redis on this machine, a real Celery worker and headless Chromium.

SHELL := /bin/bash
.DEFAULT_GOAL := help
.PHONY: help run test install install-test assets sysdeps sysdeps-test services lint check-deploy demodata worker clean

VENV   := .venv
PY     := $(VENV)/bin/python
STAMPS := .stamps
HOST   ?= 127.0.0.1
PORT   ?= 8000

# Python 3.12: from PATH, else from pyenv.
PYTHON ?= $(shell command -v python3.12 2>/dev/null || ls -d $${PYENV_ROOT:-$$HOME/.pyenv}/versions/3.12*/bin/python3.12 2>/dev/null | sort -V | tail -n 1)

# make test runs against real services; override to point elsewhere.
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/zio_portal
TEST_REDIS_URL    ?= redis://127.0.0.1:6379/1

RUN_PACKAGES  := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fonts-liberation2
TEST_PACKAGES := $(RUN_PACKAGES) chromium poppler-utils libreoffice-calc-nogui openjdk-17-jre-headless

help:
	@echo "make run    installeer alles, migreer, laad de demoregio en start portaal + worker"
	@echo "make test   installeer alles en draai de hele testsuite (PostgreSQL, Redis, Celery, Chromium)"

# --- installation -------------------------------------------------------------------------------
$(STAMPS):
	@mkdir -p $(STAMPS)

$(VENV)/bin/python:
	@test -n "$(PYTHON)" || { echo "Python 3.12 niet gevonden: installeer python3.12 of zet PYTHON=/pad/naar/python3.12"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(STAMPS)/install: pyproject.toml $(VENV)/bin/python | $(STAMPS)
	$(PY) -m pip install --quiet -e .
	@touch $@

$(STAMPS)/install-test: pyproject.toml $(STAMPS)/install | $(STAMPS)
	$(PY) -m pip install --quiet -e ".[test]"
	@touch $@

$(STAMPS)/assets: package.json package-lock.json | $(STAMPS)
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

install: $(STAMPS)/install $(STAMPS)/assets
install-test: install $(STAMPS)/install-test

# System libraries (WeasyPrint's Pango, fonts; for the tests Chromium and poppler). Installed with
# apt-get when running as root on Debian/Ubuntu; elsewhere we only say what is missing.
define ensure_packages
	@missing=""; for p in $(1); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "Systeempakketten installeren:$$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	else \
		echo "Let op: deze systeempakketten ontbreken:$$missing (installeer ze als root)"; \
	fi
endef

sysdeps:
	$(call ensure_packages,$(RUN_PACKAGES))

sysdeps-test:
	$(call ensure_packages,$(TEST_PACKAGES))

# --- make run ---------------------------------------------------------------------------------------
run: sysdeps install
	@mkdir -p var
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(PY) manage.py migrate --noinput
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(PY) manage.py demodata
	@DJANGO_DEBUG=$${DJANGO_DEBUG:-1} bash scripts/run.sh $(HOST) $(PORT)

demodata: install
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(PY) manage.py demodata

worker: install
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(VENV)/bin/celery -A portaal worker --beat -l info

# --- make test --------------------------------------------------------------------------------------
services:
	@bash scripts/services.sh "$(TEST_DATABASE_URL)" "$(TEST_REDIS_URL)"

# Two phases (scripts/pytest_fasen.sh): the tests without browser or worker in parallel, one database
# per pytest-xdist worker (TEST_WORKERS, default one per core), then the e2e and worker tests one at a
# time; each phase prints its 15 slowest tests. A failure or "no tests collected" (exit 5) fails.
test: sysdeps-test install-test services
	DATABASE_URL=$(TEST_DATABASE_URL) REDIS_URL=$(TEST_REDIS_URL) PY=$(PY) bash scripts/pytest_fasen.sh $(PYTEST_ARGS)
	$(MAKE) --no-print-directory lint

lint: install-test
	$(VENV)/bin/ruff check .

clean:
	rm -rf $(STAMPS) var/staticfiles
