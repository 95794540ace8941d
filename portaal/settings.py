"""Settings of the ZIO portal, read from the environment (django-environ).

Every variable is listed in README.md. Without DATABASE_URL and REDIS_URL the portal runs on an
embedded default: SQLite and Celery's filesystem broker, still with a separate worker process.
"""

from pathlib import Path

import environ
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(environ.Env().str("ZIO_VAR_DIR", default=str(BASE_DIR / "var")))

env = environ.Env(
    DJANGO_DEBUG=(bool, False),
    DJANGO_ALLOWED_HOSTS=(list, ["localhost", "127.0.0.1", "[::1]"]),
    DJANGO_CSRF_TRUSTED_ORIGINS=(list, []),
)

DEBUG = env("DJANGO_DEBUG")
if DEBUG:
    SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="dev-only-insecure-key-do-not-use-in-production")
else:
    # Required to serve and to run the worker (zio_portal/checks.py: wsgi.py and the worker refuse to
    # start, check --deploy reports it); commands that sign nothing, such as makemigrations, run without.
    SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="")

ALLOWED_HOSTS = env("DJANGO_ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env("DJANGO_CSRF_TRUSTED_ORIGINS")
PORTAL_BASE_URL = env.str("PORTAL_BASE_URL", default="http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "zio_portal.apps.ZioPortalConfig",
    "wijken",
    "samenwerking",
    "monitoring",
    "portaal",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rules.apps.AutodiscoverRulesConfig",
    "simple_history",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "django_tables2",
    "django_htmx",
    "zio_portal.beveiliging.apps.BeveiligingConfig",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Compressed HTML; Django pads the gzip header with random bytes and masks the CSRF token per
    # response, which takes away what BREACH needs.
    "django.middleware.gzip.GZipMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "zio_portal.beveiliging.middleware.SessieTermijnMiddleware",
    "zio_portal.beveiliging.middleware.TweedeFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "zio_portal.beveiliging.middleware.ToegangslogMiddleware",
    "zio_portal.beveiliging.middleware.GeenCacheMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portaal.urls"
WSGI_APPLICATION = "portaal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portaal.context_processors.navigatie",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'zio_portal.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("DATABASE_CONN_MAX_AGE", default=60))
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis in production (shared by the web workers and the Celery worker, so a change made in one is seen
# by all: zio_portal/cache.py); local memory under make run. The keys start with the database's name,
# so two portals on one Redis (a test and a demo database, the benchmark's 1x and 10x) never read each
# other's figures.
CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": env.str("REDIS_URL"),
            "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", default=str(DATABASES["default"]["NAME"])),
        }
        if env.str("REDIS_URL", default="")
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

AUTH_USER_MODEL = "zio_portal.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
# The portal speaks Dutch whatever the browser asks for: no LocaleMiddleware, one language.
LANGUAGES = [("nl", "Nederlands")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = env.str("STATIC_ROOT", default=str(VAR_DIR / "staticfiles"))
# Third-party front-end assets come from the npm registry (package.json) at setup time.
NODE_MODULES = BASE_DIR / "node_modules"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/bootstrap", NODE_MODULES / "bootstrap" / "dist"),
    ("vendor/bootstrap-icons", NODE_MODULES / "bootstrap-icons" / "font"),
    ("vendor/htmx", NODE_MODULES / "htmx.org" / "dist"),
    ("vendor/tom-select", NODE_MODULES / "tom-select" / "dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Reports and other private files: never under STATIC/MEDIA URLs, served by views that check
    # permissions.
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": env.str("PRIVATE_MEDIA_ROOT", default=str(VAR_DIR / "private"))},
    },
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
MEDIA_ROOT = env.str("MEDIA_ROOT", default=str(VAR_DIR / "media"))
MEDIA_URL = "/media/"

# Development prints mail to the console; production sends through SMTP (a local relay unless set).
_email = env.email_url("EMAIL_URL", default="consolemail://" if DEBUG else "smtp://localhost:25")
_email_options = {
    "host": _email.get("EMAIL_HOST"),
    "port": _email.get("EMAIL_PORT"),
    "username": _email.get("EMAIL_HOST_USER"),
    "password": _email.get("EMAIL_HOST_PASSWORD"),
    "use_tls": _email.get("EMAIL_USE_TLS"),
    "use_ssl": _email.get("EMAIL_USE_SSL"),
}
MAILERS = {
    "default": {
        "BACKEND": _email["EMAIL_BACKEND"],
        "OPTIONS": (
            {k: v for k, v in _email_options.items() if v not in (None, "")}
            if _email["EMAIL_BACKEND"].endswith("smtp.EmailBackend")
            else {}
        ),
    }
}
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="ZIO wijksamenwerking <noreply@zio.nl>")

# --- Celery -------------------------------------------------------------------------------------
# The time limits of every task, in one place (no task sets its own): the soft limit ends the work with
# an error the job records, the hard limit kills it. The PDF renders take a few seconds.
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=30)
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=35)
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
    # Why these numbers: tasks ack late, so a message whose worker was killed (-9, OOM, host gone) stays
    # "unacked" in Redis and is delivered again once the visibility timeout has passed, to any worker,
    # without beat. The timeout must be longer than the hard time limit (else a task that is still
    # running would be delivered a second time), and short enough that a job recovers within a minute:
    # hard limit 35 s, visibility 45 s, and the workers look for such messages every 2 s (kombu's
    # default is every 100 s), so a killed job runs again about 45 s after it started. The redelivered
    # message has the same task id, which is the job's claim token, so it takes its own job over
    # (zio_portal/achtergrond.py). Raise the time limit and the timeout follows; retries with a
    # countdown stay below it (retry_backoff_max 30 s), as Redis would deliver a waiting ETA task twice.
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "visibility_timeout": CELERY_TASK_TIME_LIMIT + 10,
        "unacked_restore_interval": 2,
        "unacked_restore_throttle": 1,
    }
else:
    # Embedded default: a broker that needs no server, shared by web and worker through files.
    _broker_dir = VAR_DIR / "broker"
    CELERY_BROKER_URL = "filesystem://localhost//"  # the host is ignored; naming it keeps kombu quiet
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_broker_dir / "queue"),
        "data_folder_out": str(_broker_dir / "queue"),
        "processed_folder": str(_broker_dir / "processed"),
        "control_folder": str(_broker_dir / "control"),
        "store_processed": False,
    }
    for _folder in ("queue", "processed", "control", "results"):
        (_broker_dir / _folder).mkdir(parents=True, exist_ok=True)
# Results are only kept for the tasks that ask for them (the worker check); report jobs record their
# state in the database.
CELERY_RESULT_BACKEND = REDIS_URL or f"file://{VAR_DIR / 'broker' / 'results'}"
CELERY_RESULT_EXPIRES = 3600
CELERY_TASK_ALWAYS_EAGER = False
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_IGNORE_RESULT = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BEAT_SCHEDULE: dict = {}
# monitoring: beat jobs (reminders)
from celery.schedules import crontab as _crontab  # noqa: E402

CELERY_BEAT_SCHEDULE["monitoring-bezoek-herinneringen"] = {  # Mondays 07:30, Europe/Amsterdam
    "task": "monitoring.tasks.bezoek_herinneringen_task",
    "schedule": _crontab(hour=7, minute=30, day_of_week=1),
}
CELERY_BEAT_SCHEDULE["monitoring-vragenlijst-herinneringen"] = {  # Tuesdays 08:00
    "task": "monitoring.tasks.vragenlijst_herinneringen_task",
    "schedule": _crontab(hour=8, minute=0, day_of_week=2),
}
CELERY_BEAT_SCHEDULE["rapportages-opruimen"] = {  # every 5 minutes: jobs whose worker died
    "task": "monitoring.rapportage.tasks.rapportages_opruimen_task",
    "schedule": 300.0,
}
CELERY_BEAT_SCHEDULE["notulen-pdfs-opruimen"] = {  # every 5 minutes: PDF jobs whose message was lost
    "task": "samenwerking.overleggen.tasks.notulen_pdfs_opruimen_task",
    "schedule": 300.0,
}
CELERY_BEAT_SCHEDULE["wijkplan-pdfs-opruimen"] = {  # every 5 minutes: PDF jobs whose message was lost
    "task": "monitoring.wijkplannen.tasks.wijkplan_pdfs_opruimen_task",
    "schedule": 300.0,
}
CELERY_BEAT_SCHEDULE["rapportages-gepland"] = {  # daily 06:00: the yearly/quarterly region report
    "task": "monitoring.rapportage.tasks.geplande_rapportages_task",
    "schedule": _crontab(hour=6, minute=0),
}
CELERY_BEAT_SCHEDULE["imports-opruimen"] = {  # hourly: uploaded exports whose preview was abandoned
    "task": "monitoring.tasks.imports_opruimen_task",
    "schedule": _crontab(minute=17),
}
# end of the monitoring beat jobs
from celery.schedules import crontab  # noqa: E402

CELERY_BEAT_SCHEDULE["afspraak-herinneringen"] = {  # daily 07:00 in CELERY_TIMEZONE (Europe/Amsterdam)
    "task": "samenwerking.tasks.afspraak_herinneringen_task",
    "schedule": crontab(hour=7, minute=0),
}
CELERY_BEAT_SCHEDULE["actiepunt-herinneringen"] = {  # daily 07:10: actions due in 3 days or just past due
    "task": "samenwerking.tasks.actiepunt_herinneringen_task",
    "schedule": crontab(hour=7, minute=10),
}
# continuïteit: a melding without confirmed opvang for all affected care after this many hours escalates
CONTINUITEIT_ESCALATIE_UREN = env.int("CONTINUITEIT_ESCALATIE_UREN", default=4)
CELERY_BEAT_SCHEDULE["opvang-escaleren"] = {  # every 15 minutes
    "task": "samenwerking.continuiteit.tasks.opvang_escaleren_task",
    "schedule": 900.0,
}

# --- Forms, tables ------------------------------------------------------------------------------
FILTERS_EMPTY_CHOICE_LABEL = "Alle"
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"
DJANGO_TABLES2_TEMPLATE = "django_tables2/bootstrap5-responsive.html"

# --- Security -----------------------------------------------------------------------------------
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if not DEBUG:
    SESSION_COOKIE_SECURE = env.bool("DJANGO_SECURE_COOKIES", default=True)
    CSRF_COOKIE_SECURE = env.bool("DJANGO_SECURE_COOKIES", default=True)
    SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# --- Betrouwbaarheid: forms sent once, the embedded SQLite under concurrent writers -------------
# Kept together at the end so it moves as one block. Every POST form gets a token that is let
# through once (zio_portal/eenmalig.py); a repeat waits up to FORMULIER_WACHTTIJD seconds for the
# first request's outcome and gets that.
MIDDLEWARE.append("zio_portal.eenmalig.EenmaligVerzendenMiddleware")
# scripts/benchmark_paginas.py: the number of queries of each request in a response header.
if env.bool("ZIO_QUERIES_TELLEN", default=False):
    MIDDLEWARE.insert(0, "portaal.querytelling.QueryTellingMiddleware")
FORMULIER_WACHTTIJD = env.int("FORMULIER_WACHTTIJD", default=10)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The web server and the worker write to one file: WAL lets readers run beside a writer, a writer
    # waits (timeout, seconds) for another instead of failing, and IMMEDIATE takes the write lock when
    # a transaction starts, so two read-then-write transactions cannot deadlock into "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": env.int("SQLITE_TIMEOUT", default=20),
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
# end of the Betrouwbaarheid block

# --- Beveiliging: lockout, tweede factor, sessies, toegangslog (zio_portal.beveiliging) -----------
# Every variable is in README.md's configuration table ("Beveiliging" explains the choices).
from datetime import timedelta as _timedelta  # noqa: E402

# Brute force (django-axes) on every authenticate(): per account AND address together.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", *AUTHENTICATION_BACKENDS]
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=10)
AXES_COOLOFF_TIME = _timedelta(minutes=env.int("AXES_COOLOFF_MINUTEN", default=30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True  # logins go to our own access log (NEN 7513)
AXES_LOCKOUT_CALLABLE = "zio_portal.beveiliging.views.geblokkeerd"
AXES_CLIENT_IP_CALLABLE = "zio_portal.beveiliging.netwerk.client_ip"
AXES_VERBOSE = False
ZIO_PROXY_AANTAL = env.int("ZIO_PROXY_AANTAL", default=0)  # proxies whose X-Forwarded-For is trusted

# Second factor (django-otp: TOTP app + recovery codes), required for these roles when DEBUG is off.
ZIO_MFA_VERPLICHT = env.bool("ZIO_MFA_VERPLICHT", default=not DEBUG)
ZIO_MFA_ROLLEN = ["beheerder", "beleidsadviseur", "projectleider"]
OTP_TOTP_ISSUER = "ZIO wijksamenwerking"

# Sessions: a browser-session cookie, an idle timeout and an absolute lifetime.
ZIO_SESSIE_INACTIEF_MINUTEN = env.int("ZIO_SESSIE_INACTIEF_MINUTEN", default=30)
ZIO_SESSIE_MAX_UREN = env.int("ZIO_SESSIE_MAX_UREN", default=10)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_AGE = ZIO_SESSIE_MAX_UREN * 3600
PASSWORD_RESET_TIMEOUT = env.int("PASSWORD_RESET_TIMEOUT", default=3600)  # seconds; the link is single-use

# NEN 7513 access log: retention and the pages whose answer is a read of practice-level data.
TOEGANGSLOG_BEWAARTERMIJN_DAGEN = env.int("TOEGANGSLOG_BEWAARTERMIJN_DAGEN", default=5 * 365 + 1)
TOEGANGSLOG_PRAKTIJK_MODEL = "wijken.Praktijk"
_bezoek = {"model": "monitoring.Praktijkbezoek", "praktijk": "praktijk"}
_export = {"gebeurtenis": "export"}
TOEGANGSLOG_LEZINGEN = {  # URL name -> zio_portal.beveiliging.toegangslog.Lezing
    "monitoring:respons-detail": {
        "wat": "vragenlijstantwoorden",
        "model": "monitoring.Respons",
        "praktijk": "praktijk",
    },
    "monitoring:respons-invullen": {"wat": "vragenlijstantwoorden (invullen)", "praktijk_kwarg": "praktijk"},
    "monitoring:bezoek-detail": {"wat": "praktijkbezoek en terugkoppeling", **_bezoek},
    "monitoring:bezoek-verslag": {"wat": "verslag praktijkbezoek", **_bezoek},
    "monitoring:bezoek-ics": {"wat": "uitnodiging praktijkbezoek (.ics)", **_bezoek, **_export},
    "monitoring:resultaten-export": {"wat": "resultaten.xlsx", "model": "monitoring.Ronde", **_export},
    "samenwerking:uitvoering-update": {
        "wat": "invoering afspraak door praktijk",
        "model": "samenwerking.AfspraakPraktijk",
        "praktijk": "praktijk",
    },
    "samenwerking:afspraak-export-xlsx": {"wat": "afspraken.xlsx", **_export},
    "samenwerking:afspraak-export-csv": {"wat": "afspraken.csv", **_export},
    "samenwerking:resv-export": {"wat": "resv-selectie.xlsx", **_export},
    "samenwerking:overleg-notulen-pdf": {"wat": "notulen.pdf", "model": "samenwerking.Overleg", **_export},
    "samenwerking:overleg-ics": {"wat": "uitnodiging overleg", "model": "samenwerking.Overleg", **_export},
    "wijken:praktijk-inventarisatie": {"wat": "partnerinventarisatie praktijk", "praktijk_kwarg": "pk"},
    "wijken:sociale-kaart-export": {"wat": "sociale-kaart.xlsx", "model": "wijken.Wijk", **_export},
    "rapportage:download": {"wat": "regiorapportage (pdf)", "model": "monitoring.Rapportage", **_export},
}
# History on models whose own module does not declare it (zio_portal.beveiliging.historie).
ZIO_HISTORIE_MODELLEN = [
    "monitoring.Antwoord",
    "monitoring.Vraag",
    "monitoring.Sectie",
    "samenwerking.PdcaStap",
]
CELERY_BEAT_SCHEDULE["toegangslog-opruimen"] = {  # daily 03:30: entries past the bewaartermijn
    "task": "zio_portal.beveiliging.tasks.toegangslog_opruimen_task",
    "schedule": crontab(hour=3, minute=30),
}
LOGGING["loggers"]["axes"] = {"level": "WARNING"}  # every attempt is in the access log already
# --- end of Beveiliging -------------------------------------------------------------------------
