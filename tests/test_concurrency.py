"""Real concurrent requests against gunicorn with two sync workers: no answer is ever lost.

Runs on SQLite in `make test` (a database file both processes open) and on PostgreSQL in
`make test-postgres` (a scratch database on the same server).
"""

import subprocess
import sys
import threading

import pytest

from tests.journey import ANSWERS
from tests.live_server import (
    BASE_DIR,
    Gunicorn,
    drop_database,
    environment,
    live_database,
    prepare,
    step_post,
    stored_answers,
)

pytestmark = pytest.mark.live

ROUNDS = 16
# Two late steps of one claim (each request re-validates the steps before it, so both take
# about as long), neither of which changes which steps apply. Each post carries words of its
# own round: a lost answer shows as the walked answer left in place.
POSTS = {
    "policy": lambda round_: {**ANSWERS["policy"], "clause_text": f"第{round_}轮：概不退换"},
    "seller": lambda round_: {**ANSWERS["seller"], "payee_name": f"第{round_}轮收款人"},
}


@pytest.fixture
def live(tmp_path):
    database = live_database(tmp_path)
    # The server boots while the database is made: it opens no connection before a request.
    server = Gunicorn(tmp_path, database)
    try:
        claims = prepare(tmp_path, database, ROUNDS)
        server.wait_until_up()
        yield server, database, claims
    finally:
        server.stop()
        drop_database(database)


def post_each_round(server, claims, step, answers_for, barrier, csrf, outcomes):
    """One browser tab: posts `step` of every claim, each at the same moment as the other tab."""
    for round_, claim in enumerate(claims):
        body, headers = step_post(claim, step, answers_for(round_), csrf)
        connection = server.connection()
        connection.connect()
        barrier.wait()
        try:
            connection.request("POST", f"/c/{claim['token']}/{step}/", body, headers)
            response = connection.getresponse()
            outcomes.append((step, round_, response.status, response.read()[:300]))
        except OSError as error:
            outcomes.append((step, round_, None, repr(error)))
        finally:
            connection.close()


def test_two_steps_posted_at_the_same_moment_both_stay_saved(live, tmp_path):
    server, database, claims = live
    csrf = server.csrf(f"/c/{claims[0]['token']}/order/")
    barrier = threading.Barrier(len(POSTS), timeout=60)
    outcomes = []
    tabs = [
        threading.Thread(
            target=post_each_round,
            args=(server, claims, step, answers_for, barrier, csrf, outcomes),
        )
        for step, answers_for in POSTS.items()
    ]
    for tab in tabs:
        tab.start()
    for tab in tabs:
        tab.join(timeout=120)

    refused = [outcome for outcome in outcomes if outcome[2] != 302]
    assert not refused, (refused, server.log_text())
    assert len(outcomes) == ROUNDS * len(POSTS)
    stored = stored_answers(database)
    lost = [
        (round_, step)
        for round_, claim in enumerate(claims)
        for step, answers_for in POSTS.items()
        if stored[claim["token"]][step] != {k: [v] for k, v in answers_for(round_).items()}
    ]
    assert not lost, f"answers lost in (round, step): {lost}"
    assert "database is locked" not in server.log_text()


def test_a_sqlite_database_url_gets_the_write_lock_and_busy_timeout(tmp_path):
    code = (
        "from django.conf import settings; o = settings.DATABASES['default']['OPTIONS'];"
        "print(o['transaction_mode'], o['timeout'], 'journal_mode=WAL' in o['init_command'])"
    )
    env = environment(tmp_path, DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}")
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.stdout.split() == ["IMMEDIATE", "20", "True"], result.stderr
