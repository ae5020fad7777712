import pytest

pytestmark = pytest.mark.django_db


def test_it_reports_healthy_when_everything_the_pdf_needs_is_here(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "status": "ok",
        "checks": {"database": True, "cjk_font": True, "harfbuzz_subset": True},
    }


def test_it_reports_unavailable_without_a_chinese_font(client, monkeypatch):
    monkeypatch.setattr("claims.dossier.fonts.cjk_font_available", lambda: False)

    response = client.get("/healthz")

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["checks"] == {"database": True, "cjk_font": False, "harfbuzz_subset": True}


def test_it_reports_unavailable_without_harfbuzz_subset(client, monkeypatch):
    monkeypatch.setattr("claims.dossier.fonts.harfbuzz_subset_available", lambda: False)

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["checks"]["harfbuzz_subset"] is False


def test_it_answers_only_get(client):
    assert client.post("/healthz").status_code == 405


def test_it_answers_the_local_health_checker_on_plain_http(client, settings):
    """Production redirects plain HTTP to HTTPS, but not the probes the machine itself sends."""
    settings.SECURE_SSL_REDIRECT = True

    assert client.get("/").status_code == 301
    assert client.get("/healthz").status_code == 200
    assert client.get("/livez").status_code == 200
