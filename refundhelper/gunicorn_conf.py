"""gunicorn settings for `make serve`, read from the environment.

The access log names no client address, user agent, referrer or query string, and every
line passes the claim-token filter: a log must not hold personal data or a claim's key.
"""

import os

from gunicorn.glogging import Logger

from refundhelper.logging import RedactClaimTokens

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_WORKERS", "2"))
# A dossier with many pictures takes seconds to render: give a request this long.
timeout = int(os.environ.get("WEB_TIMEOUT", "60"))
graceful_timeout = 30
accesslog = "-" if os.environ.get("ACCESS_LOG", "1") == "1" else None
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
# Behind the TLS proxy on this host, trust its X-Forwarded-* headers (set FORWARDED_ALLOW_IPS
# to the proxy's address when it runs elsewhere). settings.FORWARDED_ALLOW_IPS reads the same
# variable with the same default: the rate limits believe X-Forwarded-For from these peers only.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

_REDACT = RedactClaimTokens()


class RedactingLogger(Logger):
    def setup(self, cfg):
        super().setup(cfg)
        for log in (self.error_log, self.access_log):
            log.addFilter(_REDACT)


logger_class = RedactingLogger
# No runtime control socket: it would sit in $HOME, shared by every gunicorn of this user.
control_socket_disable = True


def post_worker_init(worker):
    """The app is loaded: ready it before the first request (refundhelper/warmup.py)."""
    from refundhelper.warmup import warm_up

    warm_up()
