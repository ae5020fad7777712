import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from claims.models import Claim
from tests.factories import add_evidence
from tests.journey import start_claim

BASE_DIR = Path(settings.BASE_DIR)
TEMPLATES = BASE_DIR / "templates"
# The dossier is print-only (WeasyPrint, no browser); 500.html is exempt by decision.
EXEMPT = [TEMPLATES / "dossier", TEMPLATES / "500.html"]
INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
STYLE_ELEMENT = re.compile(r"<style\b", re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"\sstyle\s*=", re.IGNORECASE)
PRODUCTION_KEY = secrets.token_urlsafe(50)
SITE = "https://refund.example.cn"


def run_settings(code: str, tmp_path, **env) -> subprocess.CompletedProcess:
    """Run `code` in a fresh interpreter that imports our settings from this environment."""
    clean = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "DEBUG", "DATABASE_URL", "DJANGO_SETTINGS_MODULE", "SITE_URL"}
    }
    clean.update(VAR_DIR=str(tmp_path / "var"), DJANGO_SETTINGS_MODULE="refundhelper.settings")
    clean.update(env)
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=BASE_DIR,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_it_refuses_to_start_in_production_without_a_secret_key(tmp_path):
    result = run_settings("import refundhelper.settings", tmp_path, DEBUG="0")

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "Set SECRET_KEY" in result.stderr


def test_it_refuses_the_development_key_in_production(tmp_path):
    result = run_settings(
        "import refundhelper.settings",
        tmp_path,
        DEBUG="0",
        SECRET_KEY="dev-only-secret-key-do-not-use-in-production",
    )

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr


def test_it_starts_in_production_with_a_secret_key(tmp_path):
    result = run_settings(
        "from refundhelper import settings; print(settings.DEBUG, settings.SESSION_COOKIE_SECURE)",
        tmp_path,
        DEBUG="0",
        SECRET_KEY="a-real-secret-" + "x" * 40,
        SITE_URL=SITE,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "True"]


def test_it_refuses_a_debug_value_it_cannot_read(tmp_path):
    result = run_settings("import refundhelper.settings", tmp_path, DEBUG="maybe")

    assert result.returncode != 0
    assert "DEBUG must be a boolean" in result.stderr


def test_a_database_url_selects_postgresql(tmp_path):
    result = run_settings(
        "import json; from refundhelper import settings; "
        "print(json.dumps(settings.DATABASES['default'], default=str))",
        tmp_path,
        DATABASE_URL="postgres://u:p@h:5432/db",
    )

    assert result.returncode == 0, result.stderr
    database = json.loads(result.stdout)
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["NAME"], database["USER"], database["HOST"], database["PORT"]) == (
        "db",
        "u",
        "h",
        5432,
    )


def test_the_default_database_is_sqlite_in_wal_mode(tmp_path):
    result = run_settings(
        "import django; django.setup(); from django.db import connection; "
        "cursor = connection.cursor(); cursor.execute('PRAGMA journal_mode'); "
        "print(connection.vendor, cursor.fetchone()[0], connection.settings_dict['NAME'])",
        tmp_path,
    )

    assert result.returncode == 0, result.stderr
    vendor, journal_mode, name = result.stdout.split()
    assert (vendor, journal_mode) == ("sqlite", "wal")
    assert Path(name) == tmp_path / "var" / "refundhelper.sqlite3"


@pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3",
    reason="DATABASE_URL chose another database",
)
def test_the_default_database_takes_write_locks_at_the_start_of_a_transaction():
    options = settings.DATABASES["default"]["OPTIONS"]

    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] >= 5


@pytest.mark.django_db
def test_responses_send_no_referrer(client):
    response = client.get("/")

    assert response.status_code == 200
    assert response["Referrer-Policy"] == "no-referrer"
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_claim_pages_are_never_stored_in_a_cache(client):
    token = start_claim(client)

    for path in (f"/c/{token}/order/", f"/c/{token}/", f"/c/{token}/qr.svg"):
        response = client.get(path)
        directives = {part.strip() for part in response["Cache-Control"].split(",")}
        assert {"no-store", "private"} <= directives, path
        assert response["Referrer-Policy"] == "no-referrer", path


def page_templates() -> list[Path]:
    return sorted(
        path
        for path in TEMPLATES.rglob("*.html")
        if not any(path == exempt or exempt in path.parents for exempt in EXEMPT)
    )


def test_there_are_page_templates_to_check():
    assert TEMPLATES / "base.html" in page_templates()
    assert len(page_templates()) > 10


@pytest.mark.parametrize(
    "template", page_templates(), ids=lambda path: str(path.relative_to(TEMPLATES))
)
def test_templates_hold_no_inline_script_or_style(template):
    html = template.read_text(encoding="utf-8")

    assert not INLINE_SCRIPT.findall(html)
    assert not STYLE_ELEMENT.findall(html)
    assert not STYLE_ATTRIBUTE.findall(html)


# -- issue 14: the secret key, cookies, caching headers, proxies --


@pytest.mark.parametrize(
    "key",
    ["short-but-not-the-dev-key", "x" * 49, "ab" * 40, "django-insecure-" + "k3y" * 20],
    ids=["short", "49 characters", "four characters repeated", "django-insecure"],
)
def test_it_refuses_a_weak_secret_key_in_production_at_start_up(tmp_path, key):
    result = run_settings("import refundhelper.settings", tmp_path, DEBUG="0", SECRET_KEY=key)

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY must be 50 random characters or more" in result.stderr
    assert "secrets.token_urlsafe(50)" in result.stderr  # how to make one


def test_a_short_secret_key_is_fine_while_debugging(tmp_path):
    result = run_settings("import refundhelper.settings", tmp_path, DEBUG="1", SECRET_KEY="short")

    assert result.returncode == 0, result.stderr


def test_production_cookies_are_secure_and_hidden_from_scripts(tmp_path):
    names = [
        f"{cookie}_COOKIE_{flag}"
        for cookie in ("SESSION", "CSRF", "LANGUAGE")
        for flag in ("SECURE", "HTTPONLY", "SAMESITE")
    ]
    code = f"from refundhelper import settings as s; print(*[getattr(s, n) for n in {names}])"

    production = run_settings(code, tmp_path, DEBUG="0", SECRET_KEY=PRODUCTION_KEY, SITE_URL=SITE)
    plain_http = run_settings(
        code, tmp_path, DEBUG="0", SECRET_KEY=PRODUCTION_KEY, SECURE_COOKIES="0", SITE_URL=SITE
    )

    assert production.returncode == 0, production.stderr
    assert production.stdout.split() == ["True", "True", "Lax"] * 3
    assert plain_http.stdout.split() == ["False", "True", "Lax"] * 3


def test_no_script_reads_a_cookie():
    """csrftoken is HttpOnly: a script that read it would break, so none may."""
    scripts = sorted((BASE_DIR / "static").rglob("*.js"))
    assert scripts

    for script in scripts:
        assert "cookie" not in script.read_text(encoding="utf-8").lower(), script


@pytest.mark.django_db
def test_the_csrf_and_language_cookies_are_http_only(client):
    page = client.get("/")
    switched = client.post("/i18n/setlang/", {"language": "en", "next": "/"})

    assert page.cookies["csrftoken"]["httponly"] is True
    assert switched.cookies["rh_language"]["httponly"] is True
    assert switched.cookies["rh_language"]["samesite"] == "Lax"
    # Forms carry the token themselves, so a form still goes through with the HttpOnly cookie.
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())
    strict = Client(enforce_csrf_checks=True)
    strict.cookies = client.cookies
    response = strict.post("/", {"consent": "on", "csrfmiddlewaretoken": token.group(1)})
    assert response.status_code == 302


@pytest.mark.django_db
def test_a_claim_page_says_private_once(client):
    token = start_claim(client)
    claim = Claim.objects.get(token=token)
    item = add_evidence(claim)

    # The order page goes through the middleware only; the status answer has never_cache too.
    for path in (f"/c/{token}/order/", f"/c/{token}/screenshot/{item.pk}/status/"):
        response = client.get(path)
        assert response.status_code == 200, path
        directives = [part.strip() for part in response["Cache-Control"].split(",")]
        assert directives.count("private") == 1, (path, response["Cache-Control"])
        assert len(directives) == len(set(directives)), path


def test_it_reads_the_trusted_proxies_as_gunicorn_does(tmp_path):
    code = (
        "from gunicorn.config import Config; from refundhelper import gunicorn_conf, settings; "
        "config = Config(); config.set('forwarded_allow_ips', gunicorn_conf.forwarded_allow_ips); "
        "print(settings.FORWARDED_ALLOW_IPS == config.forwarded_allow_ips)"
    )

    for value in ("", "10.0.0.0/8, 192.0.2.1", "*"):
        result = run_settings(code, tmp_path, FORWARDED_ALLOW_IPS=value)
        assert result.stdout.split() == ["True"], (value, result.stderr)


def test_it_refuses_a_trusted_proxy_it_cannot_read(tmp_path):
    result = run_settings("import refundhelper.settings", tmp_path, FORWARDED_ALLOW_IPS="nginx")

    assert result.returncode != 0
    assert "FORWARDED_ALLOW_IPS must list addresses or networks" in result.stderr


def test_production_needs_the_sites_public_address(tmp_path):
    """Every dossier prints the verify page's address, also when the task worker renders it."""
    result = run_settings(
        "import refundhelper.settings", tmp_path, DEBUG="0", SECRET_KEY=PRODUCTION_KEY
    )

    assert result.returncode != 0
    assert "Set SITE_URL to the site's public address" in result.stderr


@pytest.mark.parametrize(
    "value",
    ["refund.example.cn", "ftp://refund.example.cn", "https://refund.example.cn/app",
     "https://refund.example.cn/?a=1", "https://user:pw@refund.example.cn"],
)  # fmt: skip
def test_it_refuses_a_public_address_that_is_not_one(tmp_path, value):
    result = run_settings(
        "import refundhelper.settings",
        tmp_path,
        DEBUG="0",
        SECRET_KEY=PRODUCTION_KEY,
        SITE_URL=value,
    )

    assert result.returncode != 0
    assert "SITE_URL" in result.stderr


def test_development_has_a_local_public_address_and_a_slash_is_dropped(tmp_path):
    code = "from refundhelper import settings; print(settings.SITE_URL)"

    development = run_settings(code, tmp_path)
    production = run_settings(
        code, tmp_path, DEBUG="0", SECRET_KEY=PRODUCTION_KEY, SITE_URL=SITE + "/"
    )

    assert development.stdout.strip() == "http://127.0.0.1:8000"
    assert production.stdout.strip() == SITE, production.stderr
