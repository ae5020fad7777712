import io
import logging
import secrets

import pytest
from django.test import Client

from refundhelper.logging import RedactClaimTokens, redact


def random_token() -> str:
    return secrets.token_urlsafe(32)


def server_record(path: str) -> logging.LogRecord:
    """A record as django.server writes one for each request."""
    return logging.LogRecord(
        "django.server",
        logging.INFO,
        __file__,
        1,
        '"%s" %s %s',
        (f"GET {path} HTTP/1.1", "200", "10"),
        None,
    )


@pytest.fixture
def console_output():
    """What the configured console handler writes, filters and all."""
    (console,) = [
        handler
        for handler in logging.getLogger().handlers
        if any(isinstance(f, RedactClaimTokens) for f in handler.filters)
    ]
    stream = io.StringIO()
    previous = console.setStream(stream)
    yield stream
    console.setStream(previous)


def test_it_redacts_the_token_from_a_server_log_line():
    token = random_token()
    record = server_record(f"/c/{token}/order/")

    assert RedactClaimTokens().filter(record) is True

    message = record.getMessage()
    assert message == '"GET /c/[token]/order/ HTTP/1.1" 200 10'
    assert token not in message


def test_it_redacts_every_token_in_a_line():
    first, second = random_token(), random_token()

    redacted = redact(f"/c/{first}/done/ from /c/{second}/review/?next=/c/{first}/")

    assert redacted == "/c/[token]/done/ from /c/[token]/review/?next=/c/[token]/"


def test_it_leaves_lines_without_a_token_untouched():
    record = logging.LogRecord(
        "django.server", logging.INFO, __file__, 1, '"%s" %s', ("GET /healthz HTTP/1.1", 200), None
    )

    RedactClaimTokens().filter(record)

    assert record.msg == '"%s" %s'
    assert record.args == ("GET /healthz HTTP/1.1", 200)


def test_it_drops_the_request_attached_to_a_record():
    record = server_record(f"/c/{random_token()}/")
    record.request = object()

    RedactClaimTokens().filter(record)

    assert record.request is None


@pytest.mark.django_db
def test_a_request_for_a_claim_page_logs_no_token(client, caplog, console_output):
    token = random_token()

    with caplog.at_level(logging.WARNING, logger="django.request"):
        response = client.get(f"/c/{token}/order/")

    assert response.status_code == 404
    assert "Not Found: /c/[token]/order/" in caplog.text
    assert token not in caplog.text
    assert "Not Found: /c/[token]/order/" in console_output.getvalue()
    assert token not in console_output.getvalue()


@pytest.mark.django_db
def test_a_refused_form_post_logs_no_token(console_output):
    token = random_token()

    response = Client(enforce_csrf_checks=True).post(f"/c/{token}/new-link/")

    assert response.status_code == 403
    assert "/c/[token]/new-link/" in console_output.getvalue()
    assert token not in console_output.getvalue()


def test_a_bare_token_in_a_traceback_is_redacted():
    import logging

    from refundhelper.logging import RedactClaimTokens

    token = "A" * 20 + "b-_" + "9" * 20
    try:
        raise ValueError(f"no claim {{'token': '{token}'}}")
    except ValueError:
        import sys

        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "failed", (), sys.exc_info())
    RedactClaimTokens().filter(record)
    assert token not in record.exc_text
    assert "[token]" in record.exc_text
