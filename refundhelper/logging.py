"""Keep claim tokens out of every log line.

The token in /c/<token>/ is the only key to a claim, so a log line that held it would be a
leaked key. The filter rewrites the formatted message, and any traceback, before a handler
sees them.
"""

import logging
import re

TOKEN_IN_PATH = re.compile(r"/c/[A-Za-z0-9_-]{20,}")
# A bare token (secrets.token_urlsafe(32) is 43 characters), e.g. in an exception's message.
BARE_TOKEN = re.compile(r"(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])")
_FORMATTER = logging.Formatter()


def redact(text: str) -> str:
    return BARE_TOKEN.sub("[token]", TOKEN_IN_PATH.sub("/c/[token]", text))


class RedactClaimTokens(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = redact(message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        if record.exc_info and not record.exc_text:
            record.exc_text = _FORMATTER.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        # django.request attaches the request; its repr holds the path too.
        if hasattr(record, "request"):
            record.request = None
        return True
