"""Ready for real users: the deploy check, headers on every page, storage, and `make serve`."""

import http.client
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client, override_settings

from claims.models import Claim
from refundhelper import checks
from tests.dossier_worker import download
from tests.journey import image_file, start_claim, upload, walk_to

BASE_DIR = Path(settings.BASE_DIR)
README = (BASE_DIR / "README.md").read_text(encoding="utf-8")
CSP = {
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
}
# The production environment the README documents (its "Deploying" section).
PRODUCTION_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "refund.example.cn",
    "CSRF_TRUSTED_ORIGINS": "https://refund.example.cn",
    "BEHIND_TLS_PROXY": "1",
    "SITE_URL": "https://refund.example.cn",
}


def directives(header: str) -> set[str]:
    return {part.strip() for part in header.split(";")}


def environment(tmp_path, **env) -> dict:
    """This process's environment without our settings' variables, plus `env`."""
    ours = {
        "SECRET_KEY",
        "DEBUG",
        "DATABASE_URL",
        "DJANGO_SETTINGS_MODULE",
        "S3_BUCKET",
        "SITE_URL",
    }
    clean = {key: value for key, value in os.environ.items() if key not in ours}
    clean.update(
        VAR_DIR=str(tmp_path / "var"),
        STATIC_ROOT=str(tmp_path / "static"),
        DJANGO_SETTINGS_MODULE="refundhelper.settings",
    )
    clean.update(env)
    return clean


def manage(tmp_path, *args, **env) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=environment(tmp_path, **env),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


# -- the deploy check --


def test_the_deploy_check_passes_with_the_documented_production_environment(tmp_path):
    result = manage(tmp_path, "check", "--deploy", "--fail-level", "WARNING", **PRODUCTION_ENV)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_the_readme_documents_that_environment():
    deploying = README.split("## Deploying", 1)[1]
    for name in PRODUCTION_ENV:
        assert f"{name}=" in deploying, name


def test_the_deploy_check_fails_when_production_is_half_configured(tmp_path):
    result = manage(
        tmp_path,
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        **PRODUCTION_ENV | {"SECURE_SSL_REDIRECT": "0", "RATE_LIMIT_UPLOADS": "off"},
    )

    assert result.returncode != 0
    assert "security.W008" in result.stderr
    assert "refundhelper.W001" in result.stderr


def test_a_rate_it_cannot_read_stops_the_start(tmp_path):
    result = manage(tmp_path, "check", RATE_LIMIT_CLAIMS="lots")

    assert result.returncode != 0
    assert "RATE_LIMIT_CLAIMS must look like 20/h" in result.stderr


def test_our_csrf_middleware_stands_in_for_djangos_in_the_checks():
    assert checks.check_csrf_middleware(None) == []
    without = [path for path in settings.MIDDLEWARE if "csrf" not in path.lower()]

    with override_settings(MIDDLEWARE=without):
        (error,) = checks.check_csrf_middleware(None)

    assert error.id == "refundhelper.E001"


# -- databases and storage --


@pytest.mark.django_db
def test_the_suite_runs_on_the_database_database_url_names():
    url = os.environ.get("DATABASE_URL", "")
    expected = "postgresql" if url.startswith(("postgres://", "postgresql://")) else "sqlite"

    assert connection.vendor == expected


def storages_under(tmp_path, **env) -> dict:
    code = (
        "import json, django; django.setup(); from django.core.files.storage import storages; "
        "from django.conf import settings; "
        "print(json.dumps({name: [type(storages[name]).__module__ + '.' + "
        "type(storages[name]).__name__, settings.STORAGES[name].get('OPTIONS', {})] "
        "for name in ('default', 'evidence')}, default=str))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=BASE_DIR,
        env=environment(tmp_path, **env),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_files_go_to_a_private_local_folder_by_default(tmp_path):
    found = storages_under(tmp_path, PRIVATE_MEDIA_ROOT=str(tmp_path / "private"))

    backend, options = found["evidence"]
    assert backend == "django.core.files.storage.filesystem.FileSystemStorage"
    assert options == {"location": str(tmp_path / "private" / "evidence"), "base_url": None}


def test_s3_compatible_storage_is_used_when_a_bucket_is_set(tmp_path):
    found = storages_under(
        tmp_path,
        S3_BUCKET="refundhelper-evidence",
        S3_ENDPOINT_URL="https://cos.ap-shanghai.example.cn",
        S3_REGION="ap-shanghai",
        S3_ACCESS_KEY_ID="id",
        S3_SECRET_ACCESS_KEY="secret",
    )

    for name in ("default", "evidence"):
        backend, options = found[name]
        assert backend == "storages.backends.s3.S3Storage"
        assert options["bucket_name"] == "refundhelper-evidence"
        assert options["location"] == name
        assert options["endpoint_url"] == "https://cos.ap-shanghai.example.cn"
        assert options["default_acl"] == "private"
        assert options["file_overwrite"] is False


def test_no_code_reaches_stored_files_by_a_local_path():
    code = "\n".join(
        path.read_text(encoding="utf-8")
        for folder in ("claims", "refundhelper")
        for path in (BASE_DIR / folder).rglob("*.py")
        if "migrations" not in path.parts and path.name != "settings.py"
    )

    assert not re.search(r"\.path\(|MEDIA_ROOT|\.location\b", code)


# -- headers --


@pytest.fixture
def finished(client):
    """A finished claim with one uploaded picture: (client, token)."""
    token = start_claim(client)
    walk_to(client, token, "assessment")
    assert upload(client, token, image_file()).status_code == 302
    assert walk_to(client, token, "declaration").url == f"/c/{token}/done/"
    return client, token


def read(response):
    """Read a file response to its end, which closes it as a server would."""
    if response.streaming:
        b"".join(response.streaming_content)
    return response


def html_pages(token) -> list[str]:
    return [
        "/",
        f"/c/{token}/order/",
        f"/c/{token}/evidence/",
        f"/c/{token}/review/",
        f"/c/{token}/done/",
        f"/c/{token}/delete/",
        "/no-such-page/",
    ]


@pytest.mark.django_db
def test_every_page_carries_the_security_headers(finished):
    client, token = finished
    for path in html_pages(token):
        response = client.get(path)
        assert response["Content-Type"].startswith("text/html"), path
        assert directives(response["Content-Security-Policy"]) == CSP, path
        assert "unsafe-inline" not in response["Content-Security-Policy"]
        assert response["X-Content-Type-Options"] == "nosniff", path
        assert response["Referrer-Policy"] == "no-referrer", path
        assert response["X-Frame-Options"] == "DENY", path


@pytest.mark.django_db
def test_claim_pages_and_downloads_are_never_stored(finished):
    client, token = finished
    item = Claim.objects.get(token=token).evidence.get()
    downloads = [
        f"/c/{token}/dossier.pdf",
        f"/c/{token}/plan.ics",
        f"/c/{token}/evidence/{item.pk}/original/",
        f"/c/{token}/evidence/{item.pk}/thumb/",
        f"/c/{token}/qr.svg",
    ]
    for path in [*html_pages(token)[1:-1], *downloads]:
        response = read(download(client, path))
        assert response.status_code == 200, path
        assert "no-store" in {part.strip() for part in response["Cache-Control"].split(",")}, path


@pytest.mark.django_db
def test_the_dossier_and_the_originals_download_as_attachments(finished):
    client, token = finished
    item = Claim.objects.get(token=token).evidence.get()

    for path in (f"/c/{token}/dossier.pdf", f"/c/{token}/evidence/{item.pk}/original/"):
        response = read(download(client, path))
        assert response["Content-Disposition"].startswith("attachment;"), path


@pytest.mark.django_db
def test_a_refused_form_gets_a_friendly_page_with_the_headers():
    client = Client(enforce_csrf_checks=True)
    client.cookies["rh_language"] = "en"

    response = client.post("/", {"consent": "on"})

    assert response.status_code == 403
    assert "The form has expired" in response.content.decode()
    assert directives(response["Content-Security-Policy"]) == CSP


@pytest.mark.django_db
def test_a_request_for_another_host_gets_the_plain_400_page(client):
    response = client.get("/", HTTP_HOST="evil.example")

    assert response.status_code == 400
    assert "<style" not in response.content.decode()
    assert directives(response["Content-Security-Policy"]) == CSP


# -- no third parties --

EXTERNAL = re.compile(r"""(?:src|href|action|srcset|url)\s*[=(]\s*["']?\s*(?:https?:)?//""", re.I)


def test_no_page_or_asset_loads_anything_from_another_site():
    sources = [
        path
        for folder in ("templates", "static")
        for path in (BASE_DIR / folder).rglob("*")
        if path.suffix in {".html", ".css", ".js", ".svg"} and "dossier" not in path.parts
    ]
    assert len(sources) > 10

    for path in sources:
        assert not EXTERNAL.search(path.read_text(encoding="utf-8")), path


@pytest.mark.django_db
def test_rendered_pages_name_no_other_site(finished):
    client, token = finished
    for path in html_pages(token):
        assert not EXTERNAL.search(client.get(path).content.decode()), path


# -- make serve: gunicorn and WhiteNoise as in production --


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """HTTP to the server as the TLS proxy in front of it would speak: X-Forwarded-Proto."""

    def __init__(self, port):
        self.port = port
        self.cookies = {}

    def request(self, method, path, body=None, headers=None, proxied=True):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = dict(headers or {})
        if proxied:
            headers["X-Forwarded-Proto"] = "https"
        headers["Host"] = "refund.example.cn"
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        content = response.read()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _eq, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        connection.close()
        return response, content


@pytest.fixture
def served(tmp_path):
    """`make serve` with the documented production environment, on a free port."""
    port = free_port()
    env = environment(tmp_path, **PRODUCTION_ENV, HOST="127.0.0.1", PORT=str(port), WEB_WORKERS="2")
    env.pop("MAKEFLAGS", None)
    log = (tmp_path / "serve.log").open("w+")
    process = subprocess.Popen(
        ["make", "--no-print-directory", "serve"],
        cwd=BASE_DIR,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
    )
    server = Server(port)
    server.session = process.pid  # its own session: every process it starts is in it
    deadline = time.monotonic() + 180
    while True:
        try:
            if server.request("GET", "/livez")[0].status == 200:
                break
        except OSError:
            pass
        assert process.poll() is None, (tmp_path / "serve.log").read_text()
        assert time.monotonic() < deadline, (tmp_path / "serve.log").read_text()
        time.sleep(0.5)
    yield server, tmp_path / "serve.log"
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=60)
    log.close()


@pytest.mark.heavy
def test_make_serve_serves_the_app_with_its_headers_and_static_files(served):
    server, log = served

    response, body = server.request("GET", "/")
    assert response.status == 200
    assert directives(response.getheader("Content-Security-Policy")) == CSP
    assert response.getheader("X-Content-Type-Options") == "nosniff"
    assert response.getheader("Referrer-Policy") == "no-referrer"
    assert response.getheader("Strict-Transport-Security").startswith("max-age=31536000")
    stylesheet = re.search(r'href="(/static/css/app\.[0-9a-f]{12}\.css)"', body.decode())
    assert stylesheet, "hashed static file names"

    response, _body = server.request(
        "GET", stylesheet.group(1), headers={"Accept-Encoding": "gzip"}
    )
    assert response.status == 200
    assert response.getheader("Content-Encoding") == "gzip"
    assert "immutable" in response.getheader("Cache-Control")

    response, _body = server.request("GET", "/", proxied=False)
    assert response.status == 301
    assert response.getheader("Location") == "https://refund.example.cn/"

    token_field = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body.decode())
    response, _body = server.request(
        "POST",
        "/",
        body=f"consent=on&csrfmiddlewaretoken={token_field.group(1)}",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert response.status == 302, _body[:500]
    claim_path = response.getheader("Location")
    token = claim_path.split("/")[2]
    response, _body = server.request("GET", claim_path)
    assert response.status == 200
    assert "no-store" in response.getheader("Cache-Control")

    # A worker writes its access line after the response, and the task worker may still be
    # starting (slower on a first run): give both a moment.
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and not (
        "/order/" in log.read_text() and "Starting worker" in log.read_text()
    ):
        time.sleep(0.1)
    output = log.read_text()
    assert output.count("Booting worker") == 2
    assert "Starting worker" in output  # the task worker runs beside gunicorn
    # ... under SCHED_IDLE, so that pages come first (decision 0016); gunicorn does not.
    assert policies_of(server.session, "db_worker") == {os.SCHED_IDLE}
    assert policies_of(server.session, "gunicorn") == {os.SCHED_OTHER}
    assert token not in output
    access = [line for line in output.splitlines() if '"GET /' in line or '"POST /' in line]
    assert access, output
    assert any("/c/[token]/order/" in line for line in access)
    assert not any("127.0.0.1" in line for line in access)  # no client addresses


def policies_of(session: int, word: str) -> set[int]:
    """The CPU scheduling policies of the session's live processes whose command has `word`."""
    policies = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if os.getsid(int(entry.name)) == session and word.encode() in b" ".join(
                (entry / "cmdline").read_bytes().split(b"\0")
            ):
                policies.add(os.sched_getscheduler(int(entry.name)))
        except OSError:  # ended meanwhile
            continue
    return policies


def set_cookies(response) -> dict[str, set[str]]:
    """Each cookie a response sets, with its attributes in lower case."""
    found = {}
    for header, value in response.getheaders():
        if header.lower() == "set-cookie":
            name, *attributes = (part.strip() for part in value.split(";"))
            found[name.split("=", 1)[0]] = {attribute.lower() for attribute in attributes}
    return found


@pytest.mark.heavy
def test_make_serve_keeps_its_public_surface_tight(served):
    server, _log = served

    # The health checker on the machine asks over plain HTTP: an answer, not a redirect.
    response, body = server.request("GET", "/healthz", proxied=False)
    assert response.status == 200, body
    assert json.loads(body)["status"] == "ok"

    # Cookies: Secure behind TLS, and none a script could read.
    response, body = server.request("GET", "/")
    csrf = set_cookies(response)["csrftoken"]
    assert {"secure", "httponly", "samesite=lax"} <= csrf
    form_token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body.decode()).group(1)
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    response, _body = server.request(
        "POST", "/i18n/setlang/", f"language=en&next=/&csrfmiddlewaretoken={form_token}", form
    )
    assert {"secure", "httponly", "samesite=lax"} <= set_cookies(response)["rh_language"]

    # One client (as the proxy names it) starting claims at once on two workers: exactly the
    # limit gets through, however the requests interleave.
    cookie = "; ".join(f"{name}={value}" for name, value in server.cookies.items())

    def start_claim_as_one_client(_index):
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
        headers = {
            **form,
            "Host": "refund.example.cn",
            "X-Forwarded-Proto": "https",
            "X-Forwarded-For": "203.0.113.77",
            "Cookie": cookie,
        }
        connection.request("POST", "/", f"consent=on&csrfmiddlewaretoken={form_token}", headers)
        answer = connection.getresponse()
        answer.read()
        connection.close()
        return answer.status, answer.getheader("Location", "")

    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(start_claim_as_one_client, range(28)))
    statuses = sorted(status for status, _location in answers)
    assert statuses == [302] * 20 + [429] * 8, statuses

    # A claim page says private once, though the middleware and never_cache both say it.
    claim_path = next(location for status, location in answers if status == 302)
    response, _body = server.request("GET", claim_path)
    directives = [part.strip() for part in response.getheader("Cache-Control").split(",")]
    assert directives.count("private") == 1, directives
