"""Security settings: the Content Security Policy, production cookies and HSTS, and a clean
`check --deploy` under production settings."""

import json
import os
import re
import secrets
import subprocess
import sys

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


def _policy(response):
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def test_every_page_has_a_content_security_policy_without_inline_scripts(client):
    response = client.get("/accounts/login/")

    policy = _policy(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["img-src"] == ["'self'"]
    assert policy["font-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert "unsafe-eval" not in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_error_pages_carry_the_policy_too(client, outsider):
    client.force_login(outsider)
    response = client.get("/accounts/areas/no-such-area/people/")
    assert response.status_code == 404
    assert _policy(response)["script-src"] == ["'self'"]


SCRIPT_TAG = re.compile(r"<script\b([^>]*)>", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"\son[a-z]+\s*=", re.IGNORECASE)


def test_no_template_has_an_inline_script_or_event_handler():
    """The policy would block them, so none may be written."""
    problems = []
    for path in sorted((settings.BASE_DIR / "concordat").rglob("templates/**/*.html")):
        if "emails" in path.parts:
            continue
        text = path.read_text()
        for match in SCRIPT_TAG.finditer(text):
            if "src=" not in match.group(1):
                problems.append(f"{path}: inline <script>")
        if EVENT_HANDLER.search(text):
            problems.append(f"{path}: inline event handler")
    assert problems == []


def _production_env():
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL"))
    }
    env.update(
        DJANGO_PRODUCTION="1",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50)[:50],
        DJANGO_ALLOWED_HOSTS="example.org",
        DJANGO_SETTINGS_MODULE="concordat.settings",
    )
    return env


def _manage(*args, **env):
    return subprocess.run(
        [sys.executable, str(settings.BASE_DIR / "manage.py"), *args],
        env={**_production_env(), **env},
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_check_deploy_is_clean_under_production_settings():
    result = _manage("check", "--deploy", "--fail-level", "WARNING")

    assert result.returncode == 0, result.stdout + result.stderr
    # The one silenced: "SECURE_HSTS_PRELOAD is not set", preload being asked for only when
    # DJANGO_HSTS_PRELOAD says so.
    assert "System check identified no issues (1 silenced)." in result.stdout


def test_check_deploy_is_clean_with_hsts_preload_asked_for():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", DJANGO_HSTS_PRELOAD="1")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


PROXY_AND_PRELOAD = (
    "import json; from django.conf import settings as s; print(json.dumps("
    "[getattr(s, 'SECURE_PROXY_SSL_HEADER', None), s.SECURE_HSTS_PRELOAD]))"
)


def test_forwarded_proto_is_trusted_only_behind_trusted_proxies_and_preload_only_if_asked():
    def read(**env):
        result = _manage("shell", "-c", PROXY_AND_PRELOAD, **env)
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout.strip().splitlines()[-1])

    assert read() == [None, False]
    assert read(CONCORDAT_TRUSTED_PROXY_COUNT="1") == [["HTTP_X_FORWARDED_PROTO", "https"], False]
    assert read(DJANGO_HSTS_PRELOAD="1") == [None, True]


def test_a_forged_forwarded_proto_does_not_make_a_request_secure(client, settings):
    settings.SECURE_PROXY_SSL_HEADER = None  # production without a trusted proxy
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/", HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/"


def test_production_settings_secure_the_cookies_and_send_hsts():
    code = (
        "import json; from django.conf import settings as s; print(json.dumps({k: getattr(s, k)"
        " for k in ['SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', 'SESSION_COOKIE_HTTPONLY',"
        " 'SECURE_HSTS_SECONDS', 'SECURE_HSTS_INCLUDE_SUBDOMAINS', 'SECURE_SSL_REDIRECT',"
        " 'DEBUG']}))"
    )
    result = _manage("shell", "-c", code)

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == {
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "SESSION_COOKIE_HTTPONLY": True,
        "SECURE_HSTS_SECONDS": 31536000,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_SSL_REDIRECT": True,
        "DEBUG": False,
    }


def test_rate_limits_can_count_in_a_cache_every_worker_shares(tmp_path):
    env = {**_production_env(), "DJANGO_CACHE": "database"}
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    manage = [sys.executable, str(settings.BASE_DIR / "manage.py")]

    def run(*args):
        result = subprocess.run(
            [*manage, *args], env=env, capture_output=True, text=True, check=False, timeout=120
        )
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""

    run("createcachetable")
    # One process writes a count; another, like a second worker, reads it.
    run("shell", "-c", "from django.core.cache import cache; cache.set('attempts', 3, 60)")
    read = "from django.core.cache import cache; print(cache.get('attempts'))"
    assert run("shell", "-c", read) == "3"


def test_production_refuses_to_start_without_a_secret_key():
    env = _production_env()
    del env["DJANGO_SECRET_KEY"]
    result = subprocess.run(
        [sys.executable, str(settings.BASE_DIR / "manage.py"), "check"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set in production." in result.stderr


def test_passwords_use_argon2_first():
    assert settings.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
