"""Settings for the test suite: production settings (DEBUG off) served over plain HTTP on localhost.

DATABASE_URL and REDIS_URL come from the environment (``make test`` points them at the real
PostgreSQL and Redis); the embedded defaults apply when they are absent.
"""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "test-secret-key-only-for-the-test-suite-0123456789abcdef")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "False")
os.environ.setdefault("DJANGO_SECURE_COOKIES", "False")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,testserver")
os.environ.setdefault("EMAIL_URL", "consolemail://")

from portaal.settings import *  # noqa: E402,F403

STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
os.makedirs(STATIC_ROOT, exist_ok=True)  # noqa: F405  (whitenoise looks there)
# The second factor is required for the region roles in production; the suite's users log in with
# force_login, so it is off here and switched on by the tests that exercise it (tests/zio_portal/
# test_security_mfa.py, tests/e2e/test_login.py).
ZIO_MFA_VERPLICHT = False
# The cache is the real Redis when REDIS_URL is set (as under make test). Each pytest-xdist worker has
# its own database (test_<name>_gw0, …) and so its own key prefix: the workers share the Redis database
# and must never read each other's cached figures. tests/conftest.py empties this prefix before every
# test, as the database is emptied.
if CACHES["default"]["BACKEND"].endswith("RedisCache"):  # noqa: F405
    # The same prefix in a worker process the tests start with DATABASE_URL set to the test database.
    _worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    _naam = str(DATABASES["default"]["NAME"]).removeprefix("test_").removesuffix(f"_{_worker}")  # noqa: F405
    CACHES["default"]["KEY_PREFIX"] = f"test:{_naam}:{_worker}"  # noqa: F405

# Each pytest-xdist worker also gets its own folders for private files and uploads, so a test that
# looks at what a folder holds (a clean-up) never sees the other worker's files. A folder a test
# names itself (PRIVATE_MEDIA_ROOT for a restore in a subprocess) is kept as given.
if os.environ.get("PYTEST_XDIST_WORKER"):
    if not os.environ.get("PRIVATE_MEDIA_ROOT"):
        STORAGES["private"]["OPTIONS"]["location"] += "-" + os.environ["PYTEST_XDIST_WORKER"]  # noqa: F405
    if not os.environ.get("MEDIA_ROOT"):
        MEDIA_ROOT += "-" + os.environ["PYTEST_XDIST_WORKER"]  # noqa: F405
