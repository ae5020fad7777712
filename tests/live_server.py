"""gunicorn (two sync workers) on a database of its own, for tests of real concurrent requests.

The pytest-django database is in memory on SQLite, where no server process can reach it; so
the server gets a temporary SQLite file, or a scratch PostgreSQL database when the suite runs
with DATABASE_URL. This module, run as a script (`python -m tests.live_server setup N`) in a
process whose settings name that database, migrates it and makes the claims; the test reads
the answers back with plain SQL.
"""

import http.client
import json
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import uuid
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import psycopg
from psycopg import sql

BASE_DIR = Path(__file__).resolve().parent.parent
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
GUNICORN = [sys.executable, "-m", "gunicorn", "--config", "python:refundhelper.gunicorn_conf"]
# What a script run must not inherit from the pytest process.
DROPPED = {"DATABASE_URL", "TEST_DATABASE_NAME", "SECRET_KEY", "DEBUG", "MAKEFLAGS"}


@dataclass
class LiveDatabase:
    url: str
    server_url: str = ""  # PostgreSQL: the database the suite runs on, to make and drop ours
    scratch_name: str = ""


def environment(tmp_path: Path, **env) -> dict:
    clean = {key: value for key, value in os.environ.items() if key not in DROPPED}
    clean.update(
        DJANGO_SETTINGS_MODULE="refundhelper.settings",
        VAR_DIR=str(tmp_path / "var"),
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
    )
    clean.update(env)
    return clean


def run_script(tmp_path: Path, command: str, *args: str, **env) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "tests.live_server", command, *args],
        cwd=BASE_DIR,
        env=environment(tmp_path, **env),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def live_database(tmp_path: Path) -> LiveDatabase:
    """Where the server's data goes: a SQLite file, or a scratch database on the PostgreSQL
    server the suite runs on."""
    server_url = os.environ.get("DATABASE_URL", "")
    if not server_url.startswith(("postgres://", "postgresql://")):
        return LiveDatabase(url=f"sqlite:///{tmp_path / 'live.sqlite3'}")
    name = f"test_refundhelper_live_{uuid.uuid4().hex[:12]}"
    return LiveDatabase(
        url=urlsplit(server_url)._replace(path=f"/{name}").geturl(),
        server_url=server_url,
        scratch_name=name,
    )


def prepare(tmp_path: Path, database: LiveDatabase, claims: int) -> list[dict]:
    """Migrate (create, on PostgreSQL) the database and make `claims` claims in it, each
    answered up to the seller step: [{"token": ..., "pk": ...}]."""
    if database.scratch_name:
        env = {"DATABASE_URL": database.server_url, "TEST_DATABASE_NAME": database.scratch_name}
    else:
        env = {"DATABASE_URL": database.url}
    return json.loads(run_script(tmp_path, "setup", str(claims), **env))


def stored_answers(database: LiveDatabase) -> dict[str, dict]:
    """{claim token: answers} as the server left them, read straight from the database."""
    query = "SELECT token, answers FROM claims_claim"
    if database.scratch_name:
        with psycopg.connect(database.url) as connection:
            return dict(connection.execute(query).fetchall())
    with closing(sqlite3.connect(database.url.removeprefix("sqlite:///"))) as connection:
        return {token: json.loads(answers) for token, answers in connection.execute(query)}


def drop_database(database: LiveDatabase) -> None:
    if database.scratch_name:
        statement = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)")
        with psycopg.connect(database.server_url, autocommit=True) as connection:
            connection.execute(statement.format(sql.Identifier(database.scratch_name)))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Gunicorn:
    """The production server (refundhelper/gunicorn_conf.py) with two sync workers."""

    def __init__(self, tmp_path: Path, database: LiveDatabase):
        self.port = free_port()
        self.log_path = tmp_path / "gunicorn.log"
        self.log = self.log_path.open("w+")
        self.process = subprocess.Popen(
            [*GUNICORN, "refundhelper.wsgi"],
            cwd=BASE_DIR,
            env=environment(
                tmp_path,
                DATABASE_URL=database.url,
                HOST="127.0.0.1",
                PORT=str(self.port),
                WEB_WORKERS="2",
                ACCESS_LOG="0",
            ),
            stdout=self.log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )

    def wait_until_up(self, seconds: float = 60) -> None:
        deadline = time.monotonic() + seconds
        while True:
            try:
                if self.request("GET", "/livez")[0] == 200:
                    return
            except OSError:
                pass
            assert self.process.poll() is None, self.log_text()
            assert time.monotonic() < deadline, self.log_text()
            time.sleep(0.2)

    def connection(self) -> http.client.HTTPConnection:
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)

    def request(self, method: str, path: str, body=None, headers=None) -> tuple[int, str, list]:
        connection = self.connection()
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            return response.status, response.read().decode(), response.getheaders()
        finally:
            connection.close()

    def csrf(self, path: str) -> tuple[str, str]:
        """(the csrftoken cookie, the form's token) from a page, as a browser gets them."""
        status, page, headers = self.request("GET", path)
        assert status == 200, page[:2000]
        set_cookies = " ".join(value for name, value in headers if name.lower() == "set-cookie")
        cookie = re.search(r"csrftoken=([^;]+)", set_cookies)
        return cookie.group(1), CSRF_FIELD.search(page).group(1)

    def log_text(self) -> str:
        self.log.flush()
        return self.log_path.read_text()[-5000:]

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=30)
        self.log.close()


def step_post(claim: dict, step: str, answers: dict, csrf: tuple[str, str]) -> tuple[str, dict]:
    """The body and headers a browser sends for one wizard step."""
    cookie, token = csrf
    data = {f"claim_{claim['pk']}-current_step": step, "csrfmiddlewaretoken": token}
    data.update({f"{step}-{name}": value for name, value in answers.items()})
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": f"csrftoken={cookie}",
    }
    return urlencode(data, doseq=True), headers


# -- the script side: runs in a process whose settings name the live database ---------------


def _setup(count: int) -> list[dict]:
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from claims.models import Claim
    from tests.journey import start_claim, walk_to

    if os.environ.get("TEST_DATABASE_NAME"):
        connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    else:
        call_command("migrate", verbosity=0, interactive=False)
        call_command("createcachetable", verbosity=0)
    client = Client()
    token = start_claim(client)
    walk_to(client, token, "seller")
    walked = Claim.objects.get(token=token)
    claims = [walked] + [
        Claim.objects.create(
            consent_version=walked.consent_version,
            consented_at=walked.consented_at,
            answers=walked.answers,
            current_step=walked.current_step,
        )
        for _ in range(count - 1)
    ]
    return [{"token": claim.token, "pk": claim.pk} for claim in claims]


def main(argv: list[str]) -> None:
    import django

    django.setup()
    command, *args = argv
    if command == "setup":
        print(json.dumps(_setup(int(args[0]))))
    else:
        raise SystemExit(f"unknown command {command!r}")


if __name__ == "__main__":
    main(sys.argv[1:])
