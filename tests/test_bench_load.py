"""bench/load.py's yardstick: the trivial view compared over the minutes people walk."""

import importlib.util
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench" / "load.py"


@pytest.fixture(scope="module")
def load():
    spec = importlib.util.spec_from_file_location("bench_load", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_trivial_probes_count_only_while_people_walk(load):
    tally = load.Tally()
    tally.add("trivial", 1.0, began=9.0)  # before the first step
    tally.add("step", 20.0, "GET order", began=10.0)
    tally.add("trivial", 6.0, began=10.5)
    tally.add("step", 500.0, "POST declaration", began=30.0)  # ends at 30.5 s
    tally.add("trivial", 7.0, began=30.4)
    tally.add("trivial", 1.5, began=31.0)  # waiting for dossiers: not counted
    assert tally.trivial_while_walking() == [6.0, 7.0]
    assert tally.timings["trivial"] == [1.0, 6.0, 7.0, 1.5]


def test_no_steps_no_window(load):
    tally = load.Tally()
    tally.add("trivial", 1.0, began=1.0)
    assert tally.trivial_while_walking() == []


def test_ocr_threads_share_the_cores_among_task_workers(load, monkeypatch):
    monkeypatch.delenv("OCR_THREADS", raising=False)
    monkeypatch.setattr(load.os, "cpu_count", lambda: 2)
    assert load.ocr_threads(1) == 2
    assert load.ocr_threads(2) == 1
    assert load.ocr_threads(4) == 1
    monkeypatch.setenv("OCR_THREADS", "3")
    assert load.ocr_threads(2) == 3


def test_a_run_without_steps_still_reports(load, capsys):
    """Everyone failed before their first step: the errors are printed, not a ZeroDivisionError."""
    tally = load.Tally()
    tally.add("trivial", 2.0, began=1.0)
    tally.error("start answered 500")
    args = load.argparse.Namespace(
        users=1, rounds=1, think=3.0, ramp=30.0, database="sqlite", servers=1, workers=2,
        task_workers=1, task_nice=10, task_sched="idle",
    )  # fmt: skip
    load.report(args, tally, elapsed=5.0, web_timeout=60, cpu={"web": 0, "tasks": 0, "people": 0})
    printed = capsys.readouterr().out
    assert "error: start answered 500" in printed
    summary = load.json.loads(printed.strip().splitlines()[-1])
    assert summary["errors"] == 1 and summary["trivial_p95_ms"] == 2.0
