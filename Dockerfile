# The ZIO portal image: the web app (gunicorn), the Celery worker and Celery beat all run from it.
# See docker-compose.yml for how they are started.

# --- front-end assets from the npm registry (package.json / package-lock.json) -------------------
FROM node:22-bookworm-slim AS assets
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --omit=dev

# --- the application ------------------------------------------------------------------------------
FROM python:3.12-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# WeasyPrint (the regional report PDF) needs Pango, HarfBuzz and fonts.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fonts-liberation2 \
    && rm -rf /var/lib/apt/lists/*

# manage.py backup / herstel run pg_dump and pg_restore: the client must be as new as the server
# (postgres:16 in docker-compose.yml), so it comes from the PostgreSQL project's Debian repository.
RUN apt-get update \
    && apt-get install -y --no-install-recommends postgresql-common \
    && /usr/share/postgresql-common/pgdg/apt.postgresql.org.sh -y \
    && apt-get install -y --no-install-recommends postgresql-client-16 \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --system --create-home --uid 10001 zio
WORKDIR /app

# Dependencies first, so a code change does not reinstall them.
COPY pyproject.toml README.md ./
COPY zio_portal/ zio_portal/
COPY portaal/ portaal/
COPY wijken/ wijken/
COPY samenwerking/ samenwerking/
COPY monitoring/ monitoring/
RUN pip install .

COPY manage.py ./
COPY templates/ templates/
COPY static/ static/
COPY --from=assets /app/node_modules/ node_modules/

# settings.py finds templates, static/ and node_modules/ next to the code: run the code from /app,
# not the copy pip put in site-packages.
ENV PYTHONPATH=/app \
    ZIO_VAR_DIR=/app/var \
    STATIC_ROOT=/app/staticfiles \
    MEDIA_ROOT=/data/media \
    PRIVATE_MEDIA_ROOT=/data/private

# Static files are collected into the image (this step needs no secret key).
RUN python manage.py collectstatic --noinput \
    && mkdir -p /app/var /data/media /data/private \
    && chown -R zio:zio /app/var /app/staticfiles /data

USER zio
EXPOSE 8000
CMD ["gunicorn", "portaal.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3"]
