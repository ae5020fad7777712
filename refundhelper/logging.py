"""Keep claim tokens out of every log line.

The token in /c/<token>/ is the only key to a claim, so a log line that held it would be a
leaked key. The filter rewrites the formatted message before any handler sees it.
"""

import logging
import re

TOKEN_IN_PATH = re.compile(r"/c/[A-Za-z0-9_-]{20,}")


def redact(text: str) -> str:
    return TOKEN_IN_PATH.sub("/c/[token]", text)


class RedactClaimTokens(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = redact(message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        # django.request attaches the request; its repr holds the path too.
        if hasattr(record, "request"):
            record.request = None
        return True
