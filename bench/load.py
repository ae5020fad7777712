"""Fifty people at once: claims walked, screenshots uploaded and read, dossiers downloaded.

Run: .venv/bin/python bench/load.py [--users 50] [--rounds 1] [--think 3] [--ramp 30]
     [--workers 2] [--servers 1] [--task-workers 1] [--database sqlite|postgres]

Starts the app as `make serve` does (gunicorn with WhiteNoise, production settings):
`--servers` gunicorn instances of `--workers` workers each, on free loopback ports, and
`--task-workers` task workers (`manage.py db_worker`, under SCHED_IDLE as `make serve` runs
them, or `--task-sched normal` at nice 10, so that people come first),
rate limits raised. SQLite lives in a temporary folder; with `--database postgres` (and
DATABASE_URL, or scripts/postgres.sh as root) the run gets a database of its own, dropped
afterwards. Each simulated user (a thread with its own cookies, on the servers in turn) starts
`--rounds` claims: it uploads a payment screenshot on the order step and waits for it to be
read, walks every form step as a browser would (the page's own fields, the journey's answers
on top), uploads two more screenshots on the evidence step, signs, waits until the dossier is
ready (its status URL) and downloads it, then asks for the archive copy, waits and downloads
it too. In the same run the trivial view /livez is asked 20 times a second.

People, not scripts: they arrive over `--ramp` seconds and spend `--think` seconds on a page
on average before they tap (a real person takes far longer: a claim in under ten minutes is
about 30 s a page). `--ramp 0 --think 0` is a stampede of 50 scripts instead: the server then
queues their requests, and what the figures measure is that queue.

It prints p50/p95 per kind of request (step, upload, download, status polls, trivial), the
readings' and dossiers' waiting times, errors, and the CPU seconds of the app servers, the
task workers and this process (which shares the machine); the last line is JSON. Goals: 0
errors, step_p95_ms <= 3 x trivial_p95_ms, download_p95_ms <= 100 (once ready), no request
over WEB_TIMEOUT. trivial_p95_ms counts the probes made while people walk the steps (from the
first step to the last), the load the steps met; trivial_p95_whole_run_ms counts them all,
the quieter minutes spent waiting for dossiers too (decision 0018). Each task worker reads
screenshots with the cores shared out among the workers (OCR_THREADS, as README.md says).
Traffic goes to 127.0.0.1 only, and every loop is bounded.
"""

import argparse
import contextlib
import gzip
import http.client
import json
import os
import random
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
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

HOST = "127.0.0.1"
ANSWERS: dict = {}  # the test suite's journey (tests/journey.py), loaded in main()
SCREENSHOTS: list[bytes] = []  # a payment record first (claims/demo/screenshots.py)
SECRET_KEY = secrets.token_urlsafe(50)  # one for every server: a session works on each
READING_LIMIT_S = 1200
DOSSIER_LIMIT_S = 1200
TRIVIAL_EVERY_S = 0.05  # the trivial view is asked 20 times a second
TRIVIAL_LIMIT = 500  # probes waiting at once, at most
READING_POLL_S = 1.5  # as the order step's script asks (static/js/app.js POLL_MS)


def dossier_poll_s(answer: dict) -> float:
    """As the done page reloads itself (claims.dossier.queue.refresh_seconds)."""
    return min(max(answer.get("estimate_s", 4) // 2, 2), 15)


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
    """One user's HTTP: cookies kept, every request timed under a kind (step, upload, ...)."""

    def __init__(self, port: int, tally: "Tally", think_s: float = 0.0, seed: int = 0):
        self.port = port
        self.cookies: dict[str, str] = {}
        self.tally = tally
        self.think_s = think_s
        self.random = random.Random(seed)

    def pause(self) -> None:
        """A person reads the page and types before they tap: think_s on average (half to
        one and a half times it), never for the browser's own requests (redirects, polls)."""
        if self.think_s:
            time.sleep(self.think_s * self.random.uniform(0.5, 1.5))

    def request(self, method: str, path: str, fields=None, *, kind="step", files=None):
        body = None
        # As every browser asks: pages come gzipped (decision 0014), a fifth of their size.
        headers = {"Host": f"{HOST}:{self.port}", "Accept-Encoding": "gzip"}
        if files is not None:
            boundary = secrets.token_hex(16)
            body = multipart(boundary, fields or {}, files)
            headers["Content-Type"] = f"multipart/form-data; boundary={boundary}"
        elif fields is not None:
            body = urlencode(fields)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        if body is not None:
            # What a browser sends with a same-origin form under Referrer-Policy: no-referrer.
            headers["Origin"] = "null"
            headers["Sec-Fetch-Site"] = "same-origin"
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        began = time.perf_counter()
        connection = http.client.HTTPConnection(HOST, self.port, timeout=120)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            raw = response.read()
        finally:
            connection.close()
        self.tally.add(
            kind, (time.perf_counter() - began) * 1000, page_of(method, path), began=began
        )
        if response.getheader("Content-Encoding") == "gzip":
            raw = gzip.decompress(raw)
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _eq, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        if response.getheader("Content-Type", "").startswith("application/pdf"):
            return response.status, response.getheader("Location"), raw
        return response.status, response.getheader("Location"), raw.decode("utf-8", "replace")


class Tally:
    """Timings by kind, waiting times and errors, shared by every thread."""

    def __init__(self):
        self.lock = threading.Lock()
        self.timings: dict[str, list[float]] = {}
        self.errors: list[str] = []
        self.steps = 0
        self.pages: dict[str, list[float]] = {}  # the step requests by page: which set the p95
        # When each step and each probe began (perf_counter seconds), beside its milliseconds.
        self.began: dict[str, list[tuple[float, float]]] = {}

    def add(self, kind: str, value: float, page: str = "", began: float | None = None) -> None:
        with self.lock:
            self.timings.setdefault(kind, []).append(value)
            if kind == "step":
                self.pages.setdefault(page, []).append(value)
            if began is not None:
                self.began.setdefault(kind, []).append((began, value))

    def trivial_while_walking(self) -> list[float]:
        """The probes that began between the first step's start and the last step's end: the
        trivial view under the same load as the steps. After the last step people only wait
        for their dossiers, and the probes then measure a quieter server (decision 0018)."""
        steps = self.began.get("step", [])
        if not steps:
            return []
        first = min(began for began, _ms in steps)
        last = max(began + ms / 1000 for began, ms in steps)
        return [ms for began, ms in self.began.get("trivial", []) if first <= began <= last]

    def error(self, text: str) -> None:
        with self.lock:
            self.errors.append(text)


def page_of(method: str, path: str) -> str:
    """'GET evidence' for /c/<token>/evidence/, 'POST start' for /: a page without its token."""
    parts = path.split("?")[0].strip("/").split("/")
    name = parts[2] if len(parts) > 2 else (parts[0] or "start")
    return f"{method} {name}{'?' + path.split('?')[1] if '?' in path else ''}"


def multipart(boundary: str, fields: dict, files: dict) -> bytes:
    parts = []
    for name, value in fields.items():
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
        parts.append(f"{head}{value}\r\n".encode())
    for name, (filename, data) in files.items():
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: image/png\r\n\r\n'
        )
        parts.append(head.encode() + data + b"\r\n")
    return b"".join(parts) + f"--{boundary}--\r\n".encode()


def answers_for(step: str, page_fields: dict) -> dict:
    """The page's own values (drafts, hidden fields) with the journey's answers on top."""
    fields = dict(page_fields)
    for name, value in (ANSWERS.get(step) or {}).items():
        fields[f"{step}-{name}"] = value
    return fields


def wait_for(browser: Browser, path: str, done, kind: str, limit_s: float, every_s) -> float:
    """Poll `path` (JSON) until done(answer), every `every_s` seconds (or every_s(answer)
    seconds); the seconds it took."""
    began = time.perf_counter()
    while time.perf_counter() - began < limit_s:
        status, _location, page = browser.request("GET", path, kind=kind)
        answer = json.loads(page) if status == 200 else {}
        if answer and done(answer):
            return time.perf_counter() - began
        time.sleep(every_s(answer) if callable(every_s) else every_s)
    raise RuntimeError(f"{path} not done after {limit_s:.0f} s")


def read_screenshot(browser: Browser, token: str) -> threading.Thread:
    """Upload the payment record on the order step; a thread that waits until it is read, as
    the order step's script does while its user goes on typing."""
    _status, _location, page = browser.request("GET", f"/c/{token}/screenshot/")
    browser.pause()
    status, location, _page = browser.request(
        "POST",
        f"/c/{token}/screenshot/",
        read_form(page, "ocr-upload-form") | {"payment_consent": "on"},
        files={"screenshot": ("bill.png", SCREENSHOTS[0])},
        kind="upload",
    )
    if status != 302:
        raise RuntimeError(f"screenshot upload answered {status}")
    _status, _location, page = browser.request("GET", location.split("#")[0])
    found = re.search(r'data-status-url="([^"]+)"', page)
    if not found:
        raise RuntimeError("the order step shows no reading")
    script = Browser(browser.port, browser.tally)
    script.cookies = dict(browser.cookies)
    answers = []

    def wait():
        try:
            seconds = wait_for(
                script,
                unescape(found.group(1)),
                lambda a: answers.append(a) or a["status"] not in ("queued", "running"),
                "poll",
                READING_LIMIT_S,
                READING_POLL_S,
            )
            browser.tally.add("reading", seconds * 1000)
            if answers[-1]["status"] != "done" or not answers[-1]["fields"]:
                browser.tally.error(f"the payment record was not read: {answers[-1]}")
        except Exception as exc:  # counted and shown, the run goes on
            browser.tally.error(repr(exc))

    thread = threading.Thread(target=wait)
    thread.start()
    return thread


def upload_evidence(browser: Browser, location: str, page: str) -> str:
    """Two more screenshots on the evidence step; the page after them."""
    for number, data in enumerate(SCREENSHOTS[1:], start=2):
        fields = read_form(page, "upload-form") | {
            "upload-category": "transaction",
            "upload-caption": f"截图{number}",
            "upload-payment_consent": "on",
            "upload": "1",
        }
        browser.pause()
        status, _next, _page = browser.request(
            "POST",
            location,
            fields,
            files={"upload-files": (f"shot{number}.png", data)},
            kind="upload",
        )
        if status not in (200, 302):
            raise RuntimeError(f"evidence upload answered {status}")
        _status, _next, page = browser.request("GET", location)
    return page


def walk_one_claim(browser: Browser) -> None:
    """Start a claim, read a screenshot, send every form step, sign and download both copies."""
    status, _location, page = browser.request("GET", "/")
    start = read_form(page, "start-form")
    browser.pause()
    status, location, page = browser.request("POST", "/", start | {"consent": "on"})
    if status != 302:
        raise RuntimeError(f"start answered {status}")
    token = location.strip("/").split("/")[1]
    reading = read_screenshot(browser, token)
    signed_at = None
    while "/done/" not in location:
        status, next_location, page = browser.request("GET", location)
        if status == 302:  # the guard sends to a step that needs answers first
            location = next_location
            continue
        if status != 200:
            raise RuntimeError(f"{location} answered {status}")
        step = location.split("?")[0].rstrip("/").split("/")[-1]  # order/?part=2: order
        if step == "evidence":
            page = upload_evidence(browser, location, page)
        browser.pause()
        status, next_location, page = browser.request(
            "POST", location, answers_for(step, read_form(page, "step-form"))
        )
        if status != 302:
            errors = re.findall(r'class="errorlist"[^>]*><li>([^<]*)', page)
            raise RuntimeError(f"{step} answered {status}: {[unescape(e) for e in errors]}")
        if step == "declaration":
            signed_at = time.perf_counter()
        with browser.tally.lock:
            browser.tally.steps += 1
        location = next_location
    browser.request("GET", location)  # the done page
    for copy in ("print", "archive"):
        query = "?copy=archive" if copy == "archive" else ""
        wait_for(
            browser,
            f"/c/{token}/dossier-status/{query}",
            lambda a: a["state"] == "ready",
            "poll",
            DOSSIER_LIMIT_S,
            dossier_poll_s,
        )
        if copy == "print":
            browser.tally.add("dossier_ready", (time.perf_counter() - signed_at) * 1000)
        name = "dossier-archive.pdf" if copy == "archive" else "dossier.pdf"
        browser.pause()
        status, _location, body = browser.request("GET", f"/c/{token}/{name}", kind="download")
        if status != 200 or not body[:5] == b"%PDF-":
            raise RuntimeError(f"{name} answered {status} once ready")
    reading.join()


def probe_trivial(browser: Browser, running: threading.Event) -> None:
    """Ask the trivial view every TRIVIAL_EVERY_S seconds on a fixed schedule, each probe on
    its own thread, until `running` clears. A probe that waited for the previous answer would
    ask less often exactly while the server is slow, and so report it fast (coordinated
    omission): this one sees the server as a person arriving at any moment would."""
    probes: list[threading.Thread] = []

    def probe():
        status, _location, _page = browser.request("GET", "/livez", kind="trivial")
        if status != 200:
            browser.tally.error(f"/livez answered {status}")

    due = time.perf_counter()
    while running.is_set():
        probes = [thread for thread in probes if thread.is_alive()]
        if len(probes) < TRIVIAL_LIMIT:
            probes.append(threading.Thread(target=probe))
            probes[-1].start()
        due += TRIVIAL_EVERY_S
        time.sleep(max(0.0, due - time.perf_counter()))
    for thread in probes:
        thread.join()


def cpu_seconds(pid: int) -> float:
    """CPU time (user and system) of a live process and its live descendants, from /proc."""
    tick = os.sysconf("SC_CLK_TCK")
    parents: dict[int, int] = {}
    times: dict[int, float] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # ended meanwhile
            continue
        parents[int(entry.name)] = int(fields[1])
        times[int(entry.name)] = (int(fields[11]) + int(fields[12])) / tick
    family: set[int] = set()
    grown = {pid}
    while grown:
        family |= grown
        grown = {child for child, parent in parents.items() if parent in grown} - family
    return sum(times.get(member, 0.0) for member in family)


def cpu_by_part(processes, task_workers: int) -> dict[str, float]:
    """CPU seconds so far of this process (the simulated people and the probe), the app
    servers and the task workers: the machine's two cores are shared by all three."""
    own = os.times()
    return {
        "people": own.user + own.system,
        "tasks": sum(cpu_seconds(p.pid) for p in processes[:task_workers]),
        "web": sum(cpu_seconds(p.pid) for p in processes[task_workers:]),
    }


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def server_environment(
    folder: Path, port: int, workers: int, database_url: str, site_port: int
) -> dict:
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    if database_url:
        env["DATABASE_URL"] = database_url
    env.update(
        DJANGO_SETTINGS_MODULE="refundhelper.settings",
        DEBUG="0",
        SECRET_KEY=SECRET_KEY,
        ALLOWED_HOSTS=HOST,
        # One public address for the whole deployment, as behind a load balancer: it is printed
        # on every dossier, so servers and task workers must agree on it (with one address per
        # server, a copy rendered by a worker never matches what the other server expects, and
        # is asked for again and again).
        SITE_URL=f"http://{HOST}:{site_port}",
        # Plain HTTP on loopback: no TLS proxy in front of this benchmark.
        SECURE_SSL_REDIRECT="0",
        SECURE_COOKIES="0",
        SECURE_HSTS_SECONDS="0",
        VAR_DIR=str(folder / "var"),
        STATIC_ROOT=str(folder / "static"),
        # Off, not raised: the sliding window keeps one cache row per allowed request.
        RATE_LIMIT_CLAIMS="off",
        RATE_LIMIT_UPLOADS="off",
        HOST=HOST,
        PORT=str(port),
        WEB_WORKERS=str(workers),
        ACCESS_LOG="0",
        LOG_LEVEL="WARNING",
    )
    return env


def wait_for_port(port: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection((HOST, port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise RuntimeError("gunicorn did not start")


def ocr_threads(task_workers: int) -> int:
    """The screenshot reader's threads per task worker, as README.md advises a deployment:
    the cores shared out among the workers (OCR_THREADS, when set, wins). Two workers that
    each ask for every core make four threads on two cores that wait on each other."""
    return int(os.environ.get("OCR_THREADS") or max(1, (os.cpu_count() or 1) // task_workers))


def start_processes(folder: Path, ports, args, database_url: str):
    workers = args.workers
    env = server_environment(folder, ports[0], workers, database_url, ports[0])
    python = sys.executable
    commands = (["migrate", "-v0"], ["createcachetable"], ["collectstatic", "--noinput", "-v0"])
    for command in commands:
        subprocess.run([python, "manage.py", *command], cwd=ROOT, env=env, check=True)
    gunicorn = str(Path(python).with_name("gunicorn"))
    processes = []
    task_env = {**env, "OCR_THREADS": str(ocr_threads(args.task_workers))}
    for number in range(args.task_workers):
        processes.append(
            subprocess.Popen(
                [
                    *(["chrt", "--idle", "0"] if args.task_sched == "idle" else []),
                    "nice",
                    "-n",
                    str(args.task_nice),
                    python,
                    "manage.py",
                    "db_worker",
                    "--interval",
                    "0.2",
                    "--no-startup-delay",
                    "--worker-id",
                    f"bench-{number}",
                ],
                cwd=ROOT,
                env=task_env,
            )
        )
    for port in ports:
        server = subprocess.Popen(
            [gunicorn, "--config", "python:refundhelper.gunicorn_conf", "refundhelper.wsgi"],
            cwd=ROOT,
            env=server_environment(folder, port, workers, database_url, ports[0]),
        )
        processes.append(server)
        wait_for_port(port, server)
    return processes


def load_answers(folder: Path) -> None:
    """The tests' answers and the demo's screenshots; importing them needs Django set up."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "refundhelper.settings")
    os.environ["VAR_DIR"] = str(folder / "client")
    os.environ.pop("DATABASE_URL", None)
    django.setup()
    from claims.demo import screenshots
    from tests.journey import ANSWERS as journey

    ANSWERS.update(journey)
    purchase = screenshots.Purchase()
    SCREENSHOTS.extend(
        [
            screenshots.alipay_bill(purchase),
            screenshots.shop_order_page(purchase),
            screenshots.wechat_bill(purchase),
        ]
    )


@contextlib.contextmanager
def own_database(kind: str):
    """'' for SQLite; for PostgreSQL the URL of a database made for this run, then dropped."""
    if kind == "sqlite":
        yield ""
        return
    url = (
        os.environ.get("DATABASE_URL")
        or subprocess.run(
            [str(ROOT / "scripts" / "postgres.sh")], check=True, capture_output=True, text=True
        ).stdout.strip()
    )
    import psycopg

    name = f"refundhelper_load_{os.getpid()}"
    base, _slash, _db = url.rpartition("/")
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{base}/{name}"
    finally:
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def percentile(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--users", type=int, default=50)
    options.add_argument("--rounds", type=int, default=1, help="claims per user")
    options.add_argument(
        "--think", type=float, default=3.0, help="seconds a person spends on a page, on average"
    )
    options.add_argument(
        "--ramp", type=float, default=30.0, help="seconds over which the people arrive"
    )
    options.add_argument("--workers", type=int, default=2, help="gunicorn workers per server")
    options.add_argument("--servers", type=int, default=1, help="app servers (gunicorn)")
    options.add_argument("--task-workers", type=int, default=1)
    options.add_argument("--task-nice", type=int, default=10, help="the task workers' niceness")
    options.add_argument(
        "--task-sched",
        choices=("idle", "normal"),
        default="idle",
        help="the task workers' CPU policy, as scripts/serve.sh's TASK_SCHED",
    )
    options.add_argument("--database", choices=("sqlite", "postgres"), default="sqlite")
    args = options.parse_args()
    web_timeout = int(os.environ.get("WEB_TIMEOUT", "60"))

    with (
        tempfile.TemporaryDirectory(prefix="refundhelper-load-") as tmp,
        own_database(args.database) as database_url,
    ):
        load_answers(Path(tmp))
        ports = [free_port() for _ in range(args.servers)]
        processes = start_processes(Path(tmp), ports, args, database_url)
        tally = Tally()
        try:
            running = threading.Event()
            running.set()

            def user(number, port):
                time.sleep(args.ramp * number / args.users)
                browser = Browser(port, tally, args.think, seed=number)
                for _round in range(args.rounds):
                    try:
                        walk_one_claim(browser)
                    except Exception as exc:  # counted and shown, the run goes on
                        tally.error(repr(exc))

            watcher = threading.Thread(
                target=probe_trivial, args=(Browser(ports[0], tally), running)
            )
            for port in ports:  # warm each server's imports
                Browser(port, Tally()).request("GET", "/")
            users = [
                threading.Thread(target=user, args=(n, ports[n % len(ports)]))
                for n in range(args.users)
            ]
            cpu_before = cpu_by_part(processes, args.task_workers)
            began = time.perf_counter()
            watcher.start()
            for thread in users:
                thread.start()
            for thread in users:
                thread.join()
            elapsed = time.perf_counter() - began
            running.clear()
            watcher.join()
            cpu_after = cpu_by_part(processes, args.task_workers)
            cpu = {part: cpu_after[part] - cpu_before[part] for part in cpu_after}
        finally:
            for process in reversed(processes):
                process.terminate()
            for process in processes:
                process.wait(timeout=60)

    report(args, tally, elapsed, web_timeout, cpu)


def report(args, tally: Tally, elapsed: float, web_timeout: int, cpu: dict) -> None:
    for error in tally.errors[:10]:
        print("error:", error)
    t = dict(tally.timings, trivial_walking=tally.trivial_while_walking())
    kinds = ("step", "upload", "download", "poll", "trivial", "trivial_walking", "reading")
    for kind in (*kinds, "dossier_ready"):
        values = t.get(kind, [])
        unit = "s" if kind in ("reading", "dossier_ready") else "ms"
        scale = 1000 if unit == "s" else 1
        print(
            f"{kind:15} n={len(values):5}  p50 {percentile(values, 0.5) / scale:8.2f} {unit}"
            f"  p95 {percentile(values, 0.95) / scale:8.2f} {unit}"
        )
    slow = percentile(t.get("step", []), 0.95)
    pages = sorted(tally.pages.items(), key=lambda item: -sum(1 for v in item[1] if v >= slow))
    print(f"step requests at or over the p95 ({slow:.1f} ms), by page:")
    for page, values in pages[:8]:
        over = sum(1 for v in values if v >= slow)
        print(
            f"  {page:28} {over:4} of {len(values):4}  p50 {percentile(values, 0.5):7.1f} ms"
            f"  p95 {percentile(values, 0.95):7.1f} ms"
        )
    requests = [
        v
        for kind, values in t.items()
        if kind not in ("reading", "dossier_ready", "trivial_walking")
        for v in values
    ]
    step_p95 = percentile(t.get("step", []), 0.95)
    # A run whose people all failed before their first step has no walk to compare over.
    trivial_p95 = percentile(t["trivial_walking"] or t["trivial"], 0.95)
    whole_run_p95 = percentile(t["trivial"], 0.95)
    max_request_s = max(requests) / 1000
    print(
        f"{args.users} users x {args.rounds} claims (arriving over {args.ramp:.0f} s, "
        f"{args.think:.1f} s a page) on {args.database}, {args.servers} server(s) "
        f"x {args.workers} workers, {args.task_workers} task worker(s): {tally.steps} form steps "
        f"in {elapsed:.1f} s; step p95 / trivial p95 while people walk = "
        f"{step_p95 / trivial_p95:.2f} (goal <= 3; over the whole run "
        f"{step_p95 / whole_run_p95:.2f}); "
        f"download p95 {percentile(t.get('download', []), 0.95):.0f} ms (goal <= 100); "
        f"slowest request {max_request_s:.1f} s (WEB_TIMEOUT {web_timeout} s)"
    )
    print(
        f"CPU seconds over {elapsed:.0f} s on {os.cpu_count()} cores: app servers "
        f"{cpu['web']:.0f}, task workers {cpu['tasks']:.0f}, simulated people and probe "
        f"{cpu['people']:.0f}"
    )
    print(
        json.dumps(
            {
                "users": args.users,
                "think_s": args.think,
                "ramp_s": args.ramp,
                "database": args.database,
                "servers": args.servers,
                "task_workers": args.task_workers,
                "task_nice": args.task_nice,
                "task_sched": args.task_sched,
                "ocr_threads": ocr_threads(args.task_workers),
                "errors": len(tally.errors),
                "steps_per_s": round(tally.steps / elapsed, 1),
                "p95_ms": round(step_p95, 1),
                "step_p95_ms": round(step_p95, 1),
                "trivial_p95_ms": round(trivial_p95, 1),
                "trivial_p95_whole_run_ms": round(whole_run_p95, 1),
                "step_to_trivial": round(step_p95 / trivial_p95, 2),
                "upload_p95_ms": round(percentile(t.get("upload", []), 0.95), 1),
                "reading_p95_s": round(percentile(t.get("reading", []), 0.95) / 1000, 2),
                "download_p95_ms": round(percentile(t.get("download", []), 0.95), 1),
                "dossier_ready_p95_s": round(
                    percentile(t.get("dossier_ready", []), 0.95) / 1000, 2
                ),
                "max_request_s": round(max_request_s, 2),
                "web_timeout_s": web_timeout,
                "cpu_web_s": round(cpu["web"], 1),
                "cpu_tasks_s": round(cpu["tasks"], 1),
                "cpu_people_s": round(cpu["people"], 1),
            }
        )
    )


if __name__ == "__main__":
    main()
