"""Rate limits on claim creation and uploads, per client, in the shared database cache."""

import pytest
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.db import connection
from django.test import Client

from claims import ratelimit
from claims.models import Claim
from tests.journey import image_file, start_claim, upload, walk_to

pytestmark = pytest.mark.django_db

HOUR = 3600


@pytest.fixture
def limits(settings):
    """Small limits: two new claims and two uploads an hour per client."""
    settings.RATE_LIMITS = {"claims": (2, HOUR), "uploads": (2, HOUR)}
    return settings


def new_claim(client, **extra):
    return client.post("/", {"consent": "on"}, **extra)


def test_the_defaults_allow_20_claims_and_200_uploads_an_hour(settings):
    assert settings.RATE_LIMITS == {"claims": (20, HOUR), "uploads": (200, HOUR)}


def test_a_client_may_start_claims_up_to_the_limit(client, limits):
    assert [new_claim(client).status_code for _ in range(2)] == [302, 302]

    refused = new_claim(client)

    assert refused.status_code == 429
    assert Claim.objects.count() == 2


def test_the_refusal_is_a_friendly_page_in_the_users_language(client, limits):
    for _ in range(2):
        new_claim(client)
    client.cookies["rh_language"] = "en"

    refused = new_claim(client)

    page = refused.content.decode()
    assert "Please wait a moment" in page
    assert "Nothing you already entered or uploaded is lost." in page
    assert 'lang="en"' in page
    assert page.rstrip().endswith("<!-- claims:start -->")
    assert 0 < int(refused["Retry-After"]) <= HOUR
    assert "unsafe-inline" not in refused["Content-Security-Policy"]


def test_reading_the_start_page_does_not_count(client, limits):
    for _ in range(5):
        assert client.get("/").status_code == 200

    assert new_claim(client).status_code == 302


def test_each_client_has_its_own_count(client, limits):
    for _ in range(2):
        new_claim(client)
    assert new_claim(client).status_code == 429

    other = Client(REMOTE_ADDR="198.51.100.7")

    assert new_claim(other).status_code == 302


def test_the_count_starts_again_in_the_next_window(client, limits, monkeypatch):
    monkeypatch.setattr(ratelimit, "clock", lambda: 10 * HOUR + 5)
    for _ in range(2):
        new_claim(client)
    assert new_claim(client).status_code == 429

    monkeypatch.setattr(ratelimit, "clock", lambda: 11 * HOUR + 5)

    assert new_claim(client).status_code == 302


def test_the_counters_live_in_the_database_cache_every_worker_reads(client, limits):
    assert isinstance(caches["default"], DatabaseCache)
    new_claim(client)

    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key FROM refundhelper_cache")
        keys = [row[0] for row in cursor.fetchall()]

    assert any("ratelimit:claims:" in key for key in keys)
    assert not any("127.0.0.1" in key for key in keys)  # the address is only hashed


def test_a_limit_can_be_switched_off(client, settings):
    settings.RATE_LIMITS = {"claims": None, "uploads": None}

    assert all(new_claim(client).status_code == 302 for _ in range(25))


# -- who the client is --


def test_without_a_proxy_a_forwarded_header_is_ignored(client, limits, settings):
    settings.BEHIND_TLS_PROXY = False
    for hop in ("203.0.113.1", "203.0.113.2", "203.0.113.3"):
        response = new_claim(client, HTTP_X_FORWARDED_FOR=hop)

    assert response.status_code == 429  # one client, however it names itself


def test_behind_the_proxy_the_last_forwarded_hop_is_the_client(client, limits, settings):
    settings.BEHIND_TLS_PROXY = True
    for _ in range(2):
        new_claim(client, HTTP_X_FORWARDED_FOR="10.0.0.9, 203.0.113.1")
    assert new_claim(client, HTTP_X_FORWARDED_FOR="10.0.0.9, 203.0.113.1").status_code == 429

    # What the client writes itself stands first; our proxy appends the real address.
    assert new_claim(client, HTTP_X_FORWARDED_FOR="203.0.113.1, 203.0.113.2").status_code == 302


def test_an_ipv6_client_is_its_64_network(rf, settings):
    settings.BEHIND_TLS_PROXY = False
    one = rf.get("/", REMOTE_ADDR="2001:db8:1:2:aaaa::1")
    same_network = rf.get("/", REMOTE_ADDR="2001:db8:1:2:bbbb::2")
    mapped = rf.get("/", REMOTE_ADDR="::ffff:198.51.100.7")

    assert ratelimit.client_address(one) == ratelimit.client_address(same_network)
    assert ratelimit.client_address(one) == "2001:db8:1:2::/64"
    assert ratelimit.client_address(mapped) == "198.51.100.7"


# -- uploads --


@pytest.fixture
def token(client):
    token = start_claim(client)
    walk_to(client, token, "assessment")
    return token


def test_uploads_are_limited_per_client(client, token, limits):
    assert upload(client, token, image_file("a.png")).status_code == 302
    assert upload(client, token, image_file("b.png", color=(200, 30, 30))).status_code == 302

    client.cookies["rh_language"] = "en"
    refused = upload(client, token, image_file("c.png"))

    assert refused.status_code == 429
    assert "Many files were sent from your network" in refused.content.decode()
    assert Claim.objects.get(token=token).evidence.count() == 2


def test_replacing_a_file_is_an_upload_too(client, token, limits):
    assert upload(client, token, image_file("a.png")).status_code == 302
    item = Claim.objects.get(token=token).evidence.get()
    url = f"/c/{token}/evidence/{item.pk}/replace/"
    assert client.post(url, {"file": image_file("b.png")}).status_code == 302

    assert client.post(url, {"file": image_file("c.png")}).status_code == 429


def test_posts_without_files_do_not_count_as_uploads(client, token, limits):
    for _ in range(3):
        client.post(f"/c/{token}/evidence/", {"upload-category": "other"})

    assert upload(client, token, image_file("a.png")).status_code == 302


def test_a_forged_upload_is_refused_before_it_counts(token, limits):
    forger = Client(enforce_csrf_checks=True)
    for _ in range(3):
        assert upload(forger, token, image_file("x.png")).status_code == 403

    own = Client()
    assert upload(own, token, image_file("a.png")).status_code == 302
