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
