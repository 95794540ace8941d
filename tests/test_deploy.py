"""Production settings pass Django's deployment checks, and the security headers are sent."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _production_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_") and k != "EMAIL_URL"}
    env.update(
        DJANGO_SETTINGS_MODULE="portaal.settings",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(60),
        DJANGO_ALLOWED_HOSTS="portaal.zio.nl",
    )
    return env


def test_check_deploy_is_clean_with_production_settings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=_production_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def test_production_settings_refuse_to_start_without_a_secret_key():
    env = _production_env()
    del env["DJANGO_SECRET_KEY"]
    for command in (
        [sys.executable, "manage.py", "check", "--deploy"],  # SystemCheckError zio_portal.E001
        [sys.executable, "-c", "import portaal.wsgi"],  # the web application
        [str(Path(sys.executable).parent / "celery"), "-A", "portaal", "worker", "--pool=solo"],
    ):
        result = _run(command, env)
        assert result.returncode != 0, command
        assert "DJANGO_SECRET_KEY ontbreekt" in result.stderr, (command, result.stderr[-2000:])


def test_commands_that_sign_nothing_run_in_a_bare_shell():
    """makemigrations --check needs no secrets: a reviewer's or CI's plain shell runs it."""
    env = _production_env()
    del env["DJANGO_SECRET_KEY"]
    result = _run([sys.executable, "manage.py", "makemigrations", "--check", "--dry-run"], env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No changes detected" in result.stdout


@pytest.mark.django_db
def test_pages_send_a_content_security_policy_with_a_nonce(client):
    response = client.get("/inloggen/")
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "'nonce-" in policy
    nonce = policy.split("'nonce-")[1].split("'")[0]
    assert f'nonce="{nonce}"' in response.content.decode(), "scripts carry the nonce of the policy"
    assert response.headers["X-Frame-Options"] == "DENY"
