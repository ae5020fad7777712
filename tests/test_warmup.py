"""A web worker is made ready before its first request (refundhelper/warmup.py)."""

import gc

import pytest
from django.template import engines

from refundhelper import gunicorn_conf
from refundhelper.warmup import GC_THRESHOLD, project_templates, warm_up


@pytest.fixture
def collector():
    """Give the garbage collector back as it was: other tests run in this process."""
    threshold = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*threshold)


def cached_loader():
    return engines["django"].engine.template_loaders[0]


def cached_templates() -> set[str]:
    cache = cached_loader().get_template_cache
    return {template.origin.template_name for template in cache.values()}


def test_it_compiles_every_project_template_and_freezes_what_is_loaded(collector):
    gc.unfreeze()
    cached_loader().reset()  # as in a worker that has served nothing yet
    assert gc.get_freeze_count() == 0 and not cached_templates()

    warm_up()

    assert {"base.html", "claims/steps/evidence.html", "claims/done.html"} <= set(
        project_templates()
    )
    assert set(project_templates()) <= cached_templates()
    assert gc.get_freeze_count() > 10_000  # Django's own objects, out of every collection
    assert gc.get_threshold() == GC_THRESHOLD


def test_gunicorn_warms_each_worker_once_its_app_is_loaded(monkeypatch):
    called = []
    monkeypatch.setattr("refundhelper.warmup.warm_up", lambda: called.append(True))

    gunicorn_conf.post_worker_init(worker=None)

    assert called == [True]
