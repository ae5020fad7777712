"""Rate limits on claim creation and uploads, per client, in the shared database cache."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.db import connection
from django.test import Client

from claims import ratelimit
from claims.models import Claim
from tests.journey import image_file, start_claim, upload, walk_to

pytestmark = pytest.mark.django_db

HOUR = 3600
SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(hour, minute, second) -> datetime:
    return datetime(2026, 11, 20, hour, minute, second, tzinfo=SHANGHAI)


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


def test_a_burst_across_the_turn_of_the_hour_is_limited(client, limits):
    with time_machine.travel(at(10, 59, 30), tick=False) as clock:
        assert [new_claim(client).status_code for _ in range(2)] == [302, 302]
        clock.move_to(at(11, 0, 30))  # a minute later, in the next clock hour

        refused = new_claim(client)

    assert refused.status_code == 429
    assert int(refused["Retry-After"]) == HOUR - 60
    assert Claim.objects.count() == 2


def test_an_attempt_counts_for_exactly_one_period(client, limits):
    with time_machine.travel(at(9, 0, 0), tick=False) as clock:
        new_claim(client)
        clock.shift(20 * 60)
        new_claim(client)

        clock.shift(HOUR - 20 * 60 - 2)  # the first attempt is 3,598 s old
        assert new_claim(client).status_code == 429

        clock.shift(3)  # ... and now 3,601 s: its slot is free, the second one is not
        assert new_claim(client).status_code == 302
        assert new_claim(client).status_code == 429


def test_the_wait_is_until_the_oldest_attempt_leaves_the_window(client, limits):
    with time_machine.travel(at(9, 0, 0), tick=False) as clock:
        new_claim(client)
        clock.shift(10 * 60)
        new_claim(client)
        clock.shift(5 * 60)

        refused = new_claim(client)

    assert int(refused["Retry-After"]) == HOUR - 15 * 60
    assert "45 分钟" in refused.content.decode()


def test_a_refused_attempt_does_not_count(client, limits):
    with time_machine.travel(at(9, 0, 0), tick=False) as clock:
        for _ in range(2):
            new_claim(client)
        for _ in range(10):
            assert new_claim(client).status_code == 429
        clock.shift(HOUR + 1)

        assert [new_claim(client).status_code for _ in range(3)] == [302, 302, 429]


def test_of_two_workers_that_read_the_same_free_slot_only_one_takes_it(rf, limits):
    """The read is only a guide: the database's unique key decides who gets a slot."""
    request = rf.post("/", REMOTE_ADDR="198.51.100.30")
    cache = caches["default"]
    assert ratelimit.attempt(request, ratelimit.CLAIMS) == 0
    # Another worker read the slots before that attempt was written: all free, to it.
    cache.get_many = lambda keys, version=None: {}
    try:
        assert ratelimit.attempt(request, ratelimit.CLAIMS) == 0  # slot 0 taken: it got slot 1
        assert ratelimit.attempt(request, ratelimit.CLAIMS) > 0  # both taken, whatever it read
    finally:
        del cache.get_many


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


def test_a_client_that_reaches_the_app_port_cannot_choose_its_bucket(limits):
    """Anyone can write X-Forwarded-For: from a peer that is not our proxy it is ignored."""
    direct = Client(REMOTE_ADDR="198.51.100.20")
    for hop in ("203.0.113.1", "203.0.113.2", "203.0.113.3"):
        response = new_claim(direct, HTTP_X_FORWARDED_FOR=hop)

    assert response.status_code == 429  # one client, however it names itself
    assert new_claim(Client(REMOTE_ADDR="203.0.113.4")).status_code == 302


def test_it_ignores_the_header_from_an_untrusted_peer(rf):
    request = rf.get("/", REMOTE_ADDR="198.51.100.20", HTTP_X_FORWARDED_FOR="203.0.113.1")

    assert ratelimit.client_address(request) == "198.51.100.20"


def test_behind_a_trusted_proxy_the_last_forwarded_hop_is_the_client(client, limits, settings):
    assert "127.0.0.1" in settings.FORWARDED_ALLOW_IPS  # the test client's address
    for _ in range(2):
        new_claim(client, HTTP_X_FORWARDED_FOR="10.0.0.9, 203.0.113.1")
    assert new_claim(client, HTTP_X_FORWARDED_FOR="10.0.0.9, 203.0.113.1").status_code == 429

    # What the client writes itself stands first; our proxy appends the real address.
    assert new_claim(client, HTTP_X_FORWARDED_FOR="203.0.113.1, 203.0.113.2").status_code == 302


@pytest.mark.parametrize(
    ("forwarded", "client"),
    [
        ("203.0.113.1", "203.0.113.1"),
        ("6.6.6.6, 203.0.113.1, 10.1.2.3", "203.0.113.1"),  # through two proxies of ours
        ("6.6.6.6, 203.0.113.1, 10.1.2.3, 127.0.0.1", "203.0.113.1"),
        ("10.1.2.3", "10.1.2.3"),  # only proxies: the first of them made the request
        ("", "10.0.0.2"),
        ("not-an-address, 10.1.2.3", "not-an-address"),
    ],
)
def test_it_takes_the_right_most_hop_that_is_not_a_trusted_proxy(rf, settings, forwarded, client):
    settings.FORWARDED_ALLOW_IPS = ["127.0.0.1", "10.0.0.0/8"]
    request = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded)

    assert ratelimit.client_address(request) == client


def test_any_peer_may_be_trusted_but_then_only_the_last_hop_counts(rf, settings):
    settings.FORWARDED_ALLOW_IPS = ["*"]
    request = rf.get("/", REMOTE_ADDR="192.0.2.8", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.1")

    assert ratelimit.client_address(request) == "203.0.113.1"


def test_an_ipv4_mapped_peer_is_trusted_like_its_ipv4_address(rf):
    request = rf.get("/", REMOTE_ADDR="::ffff:127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.1")

    assert ratelimit.client_address(request) == "203.0.113.1"


def test_an_ipv6_client_is_its_64_network(rf):
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
