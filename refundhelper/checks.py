"""System checks for rules our settings must keep."""

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.middleware.csrf import CsrfViewMiddleware
from django.utils.module_loading import import_string


@register(Tags.security)
def check_csrf_middleware(app_configs, **kwargs):
    """Stands in for security.W003, which knows Django's CSRF middleware only by its name."""
    if any(issubclass(import_string(path), CsrfViewMiddleware) for path in settings.MIDDLEWARE):
        return []
    return [
        Error(
            "No CSRF middleware in MIDDLEWARE.",
            hint="Add refundhelper.csrf.NoReferrerCsrfViewMiddleware.",
            id="refundhelper.E001",
        )
    ]


@register(Tags.security, deploy=True)
def check_rate_limits(app_configs, **kwargs):
    """Production without limits on claim creation or uploads invites abuse."""
    missing = sorted(scope for scope, rate in settings.RATE_LIMITS.items() if rate is None)
    if not missing:
        return []
    return [
        Warning(
            f"Rate limits are off for: {', '.join(missing)}.",
            hint="Set RATE_LIMIT_CLAIMS and RATE_LIMIT_UPLOADS (e.g. 20/h).",
            id="refundhelper.W001",
        )
    ]
