"""What each page of the wizard costs the server before any load: time and queries.

Run: .venv/bin/python bench/pages.py [--rounds 9] [--uploads 3] [--database sqlite|postgres]

Walks the standard claim (tests/journey.py, the answers bench/load.py sends) through Django's
test client with production settings (DEBUG off, cached templates, gzip), without a network
or a task worker, on SQLite in a temporary folder, or with `--database postgres` in a
database of its own on the server bench/load.py uses (dropped afterwards). Each page is asked
`--rounds` times and the median printed, with the queries of one GET and of the POST that
leaves it (the declaration's POST signs the claim); then the done page. The evidence page
holds `--uploads` screenshots (the load bench's people upload three). bench/load.py shows what
people meet under load; this shows where a page's time goes.
"""

import argparse
import os
import secrets
import statistics
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]


def set_up(folder: str, database_url: str = "") -> None:
    os.environ.update(
        DJANGO_SETTINGS_MODULE="refundhelper.settings",
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="testserver",
        SITE_URL="http://testserver",
        SECURE_SSL_REDIRECT="0",
        SECURE_COOKIES="0",
        VAR_DIR=folder,
        STATIC_ROOT=str(Path(folder) / "static"),
        RATE_LIMIT_CLAIMS="off",
        RATE_LIMIT_UPLOADS="off",
        # Renders and readings wait in the queue: no worker runs here.
        TASKS_BACKEND="django_tasks_db.DatabaseBackend",
    )
    os.environ.pop("DATABASE_URL", None)
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    import django

    django.setup()
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)


def timed(call, rounds: int) -> tuple[float, object]:
    """The median milliseconds of `rounds` calls, and the last call's result."""
    times, result = [], None
    for _round in range(rounds):
        began = time.perf_counter()
        result = call()
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times), result


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--rounds", type=int, default=9)
    options.add_argument("--uploads", type=int, default=3, help="screenshots on the claim")
    options.add_argument("--database", choices=("sqlite", "postgres"), default="sqlite")
    args = options.parse_args()
    import load

    with (
        tempfile.TemporaryDirectory(prefix="refundhelper-pages-") as folder,
        load.own_database(args.database) as database_url,
    ):
        set_up(folder, database_url)
        walk(args.rounds, args.uploads)
        from django.db import connections

        connections.close_all()  # before the database is dropped


def walk(rounds: int, uploads: int) -> None:
    import load
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from claims.demo import screenshots
    from tests.journey import ANSWERS, start_claim, upload

    load.ANSWERS.update(ANSWERS)
    client = Client()
    token = start_claim(client)
    purchase = screenshots.Purchase()
    pictures = [screenshots.alipay_bill(purchase), screenshots.shop_order_page(purchase)]
    for number in range(uploads):
        picture = SimpleUploadedFile(f"shot{number}.png", pictures[number % 2], "image/png")
        if upload(client, token, picture).status_code != 302:
            raise RuntimeError("the evidence page refused a screenshot")
    location = f"/c/{token}/order/"
    print(f"{'page':24} {'GET ms':>7} {'queries':>7} {'POST ms':>8} {'queries':>7}")
    for _page in range(40):  # bounded: the journey has about fifteen pages
        if "/done/" in location:
            break
        with CaptureQueriesContext(connection) as reads:
            get_ms, response = timed(partial(client.get, location), 1)
        if response.status_code != 200:
            raise RuntimeError(f"{location} answered {response.status_code}")
        with CaptureQueriesContext(connection) as reads:
            get_ms, response = timed(partial(client.get, location), rounds)
        step = location.split("?")[0].rstrip("/").split("/")[-1]
        fields = load.answers_for(step, load.read_form(response.content.decode(), "step-form"))
        with CaptureQueriesContext(connection) as writes:
            post_ms, response = timed(partial(client.post, location, fields), 1)
        if response.status_code != 302:
            raise RuntimeError(f"{location} refused the journey's answers")
        page = location.split("/c/", 1)[1].split("/", 1)[1]
        page += " (POST signs)" if step == "declaration" else ""
        print(f"{page:24} {get_ms:7.1f} {len(reads) // rounds:7d} {post_ms:8.1f} {len(writes):7d}")
        location = response["Location"]
    with CaptureQueriesContext(connection) as reads:
        done_ms, _response = timed(partial(client.get, location), rounds)
    print(f"{'done/ (being prepared)':24} {done_ms:7.1f} {len(reads) // rounds:7d}")


if __name__ == "__main__":
    main()
