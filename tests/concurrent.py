"""Requests at the same moment, as a double click or two tabs send them, in a plain test."""

import sqlite3
import threading
from contextlib import contextmanager

from django.db import connection


@contextmanager
def database_on_disk(folder):
    """Run the block on a file copy of the SQLite test database (WAL, busy timeout, as served).

    The shared in-memory test database refuses a second writer at once ("database table is
    locked") where a file waits its turn; threads would test SQLite's test mode, not the app.
    On PostgreSQL the block runs on the test database as it is.
    """
    if connection.vendor != "sqlite":
        yield
        return
    connection.ensure_connection()
    memory, name = connection.connection, connection.settings_dict["NAME"]
    path = folder / "concurrent.sqlite3"
    with sqlite3.connect(path) as copy:
        memory.backup(copy)
    copy.close()
    # Detached, not closed: closing the last connection would drop the in-memory database.
    connection.connection = None
    connection.settings_dict["NAME"] = str(path)
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict["NAME"] = name
        connection.connection = memory


def at_once(*calls) -> list:
    """Call each function in its own thread, all released together; their results in order."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)
    failures = []

    def run(index, call):
        try:
            barrier.wait(timeout=10)
            results[index] = call()
        except BaseException as exc:  # handed to the test below, which shows it
            failures.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=item) for item in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    if failures:
        raise failures[0]
    return results
