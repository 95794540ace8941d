"""docker-compose.yml and the Dockerfile fit the code: services, commands, settings, volumes."""

import importlib
import re
import shlex
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
APP_SERVICES = ("web", "worker", "beat")
SETTINGS_TEXT = (ROOT / "portaal" / "settings.py").read_text()


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


@pytest.fixture(scope="module")
def services(compose) -> dict:
    return compose["services"]


def _command(service: dict) -> str:
    command = service.get("command", "")
    return command if isinstance(command, str) else shlex.join(command)


def _environment(service: dict) -> dict:
    env = service.get("environment") or {}
    if isinstance(env, list):
        env = dict(item.split("=", 1) if "=" in item else (item, None) for item in env)
    return env


def test_the_five_services_exist(services):
    assert {"db", "redis", "web", "worker", "beat"} <= set(services)


def test_database_and_redis_images_and_health(services):
    assert services["db"]["image"].startswith("postgres:16")
    assert "pg_isready" in " ".join(services["db"]["healthcheck"]["test"])
    assert any(v.endswith(":/var/lib/postgresql/data") for v in services["db"]["volumes"])
    assert services["redis"]["image"].startswith("redis:7")


@pytest.mark.parametrize("name", APP_SERVICES)
def test_app_services_are_built_from_this_dockerfile(services, name):
    assert services[name]["build"] == "."


def test_web_runs_gunicorn_on_the_wsgi_application_after_migrating(services):
    command = _command(services["web"])
    match = re.search(r"gunicorn\s+([\w.]+):(\w+)", command)
    assert match, f"web does not start gunicorn: {command}"
    module = importlib.import_module(match.group(1))
    assert match.group(1) == "portaal.wsgi"
    assert callable(getattr(module, match.group(2)))
    assert "--bind 0.0.0.0:8000" in command
    # Migrations and static files first, then the server.
    assert (
        command.index("migrate --noinput")
        < command.index("collectstatic --noinput")
        < command.index("gunicorn")
    )


@pytest.mark.parametrize(("name", "subcommand"), [("worker", "worker"), ("beat", "beat")])
def test_celery_services_use_the_portal_app_with_its_tasks(services, name, subcommand):
    args = shlex.split(_command(services[name]))
    assert args[0] == "celery"
    assert args[args.index("-A") + 1] == "portaal"
    assert subcommand in args

    from portaal import celery_app

    # What a starting worker does: import the tasks modules of the installed apps.
    celery_app.loader.import_default_modules()
    assert "portaal.tasks.werker_controle" in celery_app.tasks


@pytest.mark.parametrize("name", APP_SERVICES)
def test_app_services_wait_for_healthy_database_and_redis(services, name):
    depends_on = services[name]["depends_on"]
    assert depends_on["redis"]["condition"] == "service_healthy"
    if name != "beat":  # beat keeps its schedule in a file and never touches the database
        assert depends_on["db"]["condition"] == "service_healthy"


@pytest.mark.parametrize("name", APP_SERVICES)
def test_app_services_only_set_variables_settings_reads(services, name):
    env = _environment(services[name])
    assert {"DATABASE_URL", "REDIS_URL", "DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS"} <= set(env)
    unknown = sorted(var for var in env if f'"{var}"' not in SETTINGS_TEXT)
    assert not unknown, f"{name} sets variables settings.py never reads: {unknown}"


@pytest.mark.parametrize("name", APP_SERVICES)
def test_app_services_point_at_the_compose_database_and_redis(services, name):
    env = _environment(services[name])
    assert re.fullmatch(r"postgres://zio:\$\{POSTGRES_PASSWORD:\?[^}]+\}@db:5432/zio", env["DATABASE_URL"])
    assert env["REDIS_URL"] == "redis://redis:6379/0"
    # No secret in the file: the key must come from the environment, and compose refuses to start without it.
    assert env["DJANGO_SECRET_KEY"].startswith("${DJANGO_SECRET_KEY:?")


def test_private_media_is_one_volume_shared_by_web_and_worker(compose, services):
    def private_volume(name: str) -> str:
        target = _environment(services[name])["PRIVATE_MEDIA_ROOT"]
        sources = [v.split(":")[0] for v in services[name].get("volumes", []) if v.split(":")[1] == target]
        assert len(sources) == 1, f"{name}: no volume mounted at PRIVATE_MEDIA_ROOT={target}"
        return sources[0]

    assert private_volume("web") == private_volume("worker")
    assert private_volume("web") in compose["volumes"]


def test_dockerfile_uses_python_312_and_builds_the_assets():
    dockerfile = (ROOT / "Dockerfile").read_text()
    base_images = re.findall(r"^FROM\s+(\S+)", dockerfile, flags=re.MULTILINE)
    assert base_images[-1] == "python:3.12-slim-bookworm"
    assert "npm ci" in dockerfile
    assert "pip install ." in dockerfile
    assert "collectstatic" in dockerfile
    for package in ("libpango-1.0-0", "libpangoft2-1.0-0", "fonts-dejavu-core"):
        assert package in dockerfile
    assert ">=3.12,<3.13" in (ROOT / "pyproject.toml").read_text()


def test_dockerfile_sets_only_variables_settings_reads():
    dockerfile = (ROOT / "Dockerfile").read_text().replace("\\\n", " ")
    names = set()
    for line in re.findall(r"^ENV\s+(.+)$", dockerfile, flags=re.MULTILINE):
        names |= set(re.findall(r"([A-Z_][A-Z0-9_]*)=", line))
    app_names = {n for n in names if not n.startswith(("PYTHON", "PIP_"))}
    assert app_names, "expected the Dockerfile to set the portal's paths"
    unknown = sorted(n for n in app_names if f'"{n}"' not in SETTINGS_TEXT)
    assert not unknown, f"the Dockerfile sets variables settings.py never reads: {unknown}"


def test_dockerignore_keeps_local_state_out_of_the_image():
    ignored = (ROOT / ".dockerignore").read_text().split()
    for entry in (".git", ".venv", "node_modules", "var", ".env"):
        assert entry in ignored


def test_backup_is_a_one_off_service_with_the_private_files_and_a_backup_folder(compose, services):
    backup = services["backup"]
    assert backup["build"] == "." and backup.get("profiles") == ["backup"], "only started on purpose"
    assert backup["restart"] == "no"
    args = shlex.split(_command(backup))
    assert args[:3] == ["python", "manage.py", "backup"]
    assert args[args.index("--map") + 1] == "/backups"
    from django.core.management import get_commands

    assert {"backup", "herstel"} <= set(get_commands())
    # The same private volume web and worker write to, and a folder on the host for the archives.
    private = _environment(backup)["PRIVATE_MEDIA_ROOT"]
    web_private = next(v.split(":")[0] for v in services["web"]["volumes"] if v.split(":")[1] == private)
    assert f"{web_private}:{private}" in backup["volumes"]
    assert any(v.endswith(":/backups") for v in backup["volumes"])
    assert backup["depends_on"]["db"]["condition"] == "service_healthy"
    # pg_dump of the image must be as new as the server it dumps.
    server = services["db"]["image"].split(":")[1].split(".")[0]
    assert f"postgresql-client-{server}" in (ROOT / "Dockerfile").read_text()
