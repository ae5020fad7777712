"""The wizard under load: N people filling in claims at once, beside a trivial view.

Run: .venv/bin/python bench/load.py [--users 20] [--rounds 2] [--workers 2]

Starts the app as `make serve` does (gunicorn with WhiteNoise, production settings) with
`--workers` workers on SQLite in a temporary folder, rate limits raised, on a free loopback
port. Each simulated user (a thread with its own cookies) starts `--rounds` claims and walks
each through every form step to the signed declaration: it reads each page, sends the form as
a browser would (the page's own fields, the journey's answers on top) and follows the
redirect. Uploads and PDFs have their own benchmarks (bench/evidence.py, bench/dossier.py).
In the same run, under the same load, one more client asks the trivial view /livez over and
over. The last line is JSON: users, form steps per second, the 95th percentile of the
wizard's requests, errors, and the trivial view's 95th percentile. The goal at 20 users: no
errors and p95_ms at most 5 x trivial_p95_ms. Traffic goes to 127.0.0.1 only, and every loop
is bounded by the rounds given.
"""

import argparse
import http.client
import json
import os
import re
import secrets
import socket
import subprocess
import sys
import tempfile
import threading
import time
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

HOST = "127.0.0.1"
ANSWERS: dict = {}  # the test suite's journey (tests/journey.py), loaded in main()


class StepForm(HTMLParser):
    """The fields a browser would send from the page's form (class `form_class`)."""

    def __init__(self, form_class: str):
        super().__init__(convert_charrefs=True)
        self.form_class = form_class
        self.inside = False
        self.fields: dict[str, str] = {}
        self.textarea: str | None = None
        self.select: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and self.form_class in (attrs.get("class") or "").split():
            self.inside = True
        if not self.inside or "name" not in attrs:
            return
        name = attrs["name"]
        kind = attrs.get("type", "text")
        if tag == "input" and kind not in {"submit", "button", "file"}:
            if kind not in {"radio", "checkbox"} or "checked" in attrs:
                self.fields[name] = attrs.get("value", "on" if kind == "checkbox" else "")
        elif tag == "textarea":
            self.textarea, self.fields[name] = name, ""
        elif tag == "select":
            self.select = name

    def handle_data(self, data):
        if self.textarea:
            self.fields[self.textarea] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea":
            self.textarea = None
        elif tag == "select":
            self.select = None


def read_form(html: str, form_class: str) -> dict[str, str]:
    parser = StepForm(form_class)
    parser.feed(html)
    return parser.fields


class Browser:
    """One user's HTTP: cookies kept, every request timed."""

    def __init__(self, port: int, timings: list, errors: list):
        self.port = port
        self.cookies: dict[str, str] = {}
        self.timings = timings
        self.errors = errors

    def request(self, method: str, path: str, fields: dict | None = None):
        body = None
        headers = {"Host": f"{HOST}:{self.port}"}
        if fields is not None:
            from urllib.parse import urlencode

            body = urlencode(fields)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            # What a browser sends with a same-origin form under Referrer-Policy: no-referrer.
            headers["Origin"] = "null"
            headers["Sec-Fetch-Site"] = "same-origin"
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        began = time.perf_counter()
        connection = http.client.HTTPConnection(HOST, self.port, timeout=60)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            content = response.read().decode("utf-8", "replace")
        finally:
            connection.close()
        self.timings.append((time.perf_counter() - began) * 1000)
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _eq, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        return response.status, response.getheader("Location"), content


def answers_for(step: str, page_fields: dict) -> dict:
    """The page's own values (drafts, hidden fields) with the journey's answers on top."""
    fields = dict(page_fields)
    for name, value in (ANSWERS.get(step) or {}).items():
        fields[f"{step}-{name}"] = value
    return fields


def walk_one_claim(browser: Browser) -> int:
    """Start a claim and send every form step up to the declaration; the steps sent."""
    status, _location, page = browser.request("GET", "/")
    start = read_form(page, "start-form")
    status, location, page = browser.request("POST", "/", start | {"consent": "on"})
    if status != 302:
        raise RuntimeError(f"start answered {status}")
    steps = 0
    while "/done/" not in location:
        status, next_location, page = browser.request("GET", location)
        if status == 302:  # /finish/ hands over to the done page
            location = next_location
            continue
        if status != 200:
            raise RuntimeError(f"{location} answered {status}")
        step = location.rstrip("/").split("/")[-1]
        status, next_location, page = browser.request(
            "POST", location, answers_for(step, read_form(page, "step-form"))
        )
        if status != 302:
            errors = re.findall(r'class="errorlist"[^>]*><li>([^<]*)', page)
            raise RuntimeError(f"{step} answered {status}: {[unescape(e) for e in errors]}")
        steps += 1
        location = next_location
    return steps


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def server_environment(folder: Path, port: int, workers: int) -> dict:
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env.update(
        DJANGO_SETTINGS_MODULE="refundhelper.settings",
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS=HOST,
        # Plain HTTP on loopback: no TLS proxy in front of this benchmark.
        SECURE_SSL_REDIRECT="0",
        SECURE_COOKIES="0",
        SECURE_HSTS_SECONDS="0",
        VAR_DIR=str(folder / "var"),
        STATIC_ROOT=str(folder / "static"),
        RATE_LIMIT_CLAIMS="1000000/h",
        RATE_LIMIT_UPLOADS="1000000/h",
        HOST=HOST,
        PORT=str(port),
        WEB_WORKERS=str(workers),
        ACCESS_LOG="0",
        LOG_LEVEL="WARNING",
    )
    return env


def start_server(folder: Path, port: int, workers: int) -> subprocess.Popen:
    env = server_environment(folder, port, workers)
    python = sys.executable
    commands = (["migrate", "-v0"], ["createcachetable"], ["collectstatic", "--noinput", "-v0"])
    for command in commands:
        subprocess.run([python, "manage.py", *command], cwd=ROOT, env=env, check=True)
    gunicorn = str(Path(python).with_name("gunicorn"))
    server = subprocess.Popen(
        [gunicorn, "--config", "python:refundhelper.gunicorn_conf", "refundhelper.wsgi"],
        cwd=ROOT,
        env=env,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection((HOST, port), timeout=1):
                return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise RuntimeError("gunicorn did not start")


def load_answers(folder: Path) -> None:
    """The same answers the tests give; importing them needs Django set up (in `folder`)."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "refundhelper.settings")
    os.environ["VAR_DIR"] = str(folder / "client")
    django.setup()
    from tests.journey import ANSWERS as journey

    ANSWERS.update(journey)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--users", type=int, default=20)
    options.add_argument("--rounds", type=int, default=2, help="claims per user")
    options.add_argument("--workers", type=int, default=2)
    args = options.parse_args()

    with tempfile.TemporaryDirectory(prefix="refundhelper-load-") as tmp:
        load_answers(Path(tmp))
        port = free_port()
        server = start_server(Path(tmp), port, args.workers)
        try:
            wizard_timings, trivial_timings, errors = [], [], []
            steps_done = []
            running = threading.Event()
            running.set()

            def user():
                browser = Browser(port, wizard_timings, errors)
                for _round in range(args.rounds):
                    try:
                        steps_done.append(walk_one_claim(browser))
                    except Exception as exc:  # counted and shown, the run goes on
                        errors.append(repr(exc))

            def trivial():
                browser = Browser(port, trivial_timings, errors)
                while running.is_set() and len(trivial_timings) < 100_000:
                    status, _location, _page = browser.request("GET", "/livez")
                    if status != 200:
                        errors.append(f"/livez answered {status}")
                    time.sleep(0.02)

            Browser(port, [], []).request("GET", "/")  # warm both workers' imports
            watcher = threading.Thread(target=trivial)
            users = [threading.Thread(target=user) for _ in range(args.users)]
            began = time.perf_counter()
            watcher.start()
            for thread in users:
                thread.start()
            for thread in users:
                thread.join()
            elapsed = time.perf_counter() - began
            running.clear()
            watcher.join()
        finally:
            server.terminate()
            server.wait(timeout=30)

    for error in errors[:10]:
        print("error:", error)
    p95 = percentile(wizard_timings, 0.95)
    trivial_p95 = percentile(trivial_timings, 0.95)
    print(
        f"{args.users} users x {args.rounds} claims, {args.workers} workers: "
        f"{sum(steps_done)} form steps in {elapsed:.1f} s, {len(wizard_timings)} wizard requests "
        f"(median {percentile(wizard_timings, 0.5):.0f} ms), {len(trivial_timings)} trivial "
        f"requests (median {percentile(trivial_timings, 0.5):.0f} ms); p95 ratio "
        f"{p95 / trivial_p95:.2f} (goal <= 5)"
    )
    print(
        json.dumps(
            {
                "users": args.users,
                "steps_per_s": round(sum(steps_done) / elapsed, 1),
                "p95_ms": round(p95, 1),
                "errors": len(errors),
                "trivial_p95_ms": round(trivial_p95, 1),
            }
        )
    )


if __name__ == "__main__":
    main()
