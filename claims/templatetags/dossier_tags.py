"""Dossier settings that the privacy notice, the done page and the verify page state."""

from django import template
from django.conf import settings

from claims.domain.eligibility import offers_dossier as _offers_dossier

register = template.Library()


@register.simple_tag
def dossier_record_years() -> int:
    """How long fingerprint records are kept (the privacy notice says so)."""
    return settings.DOSSIER_RECORD_RETENTION_YEARS


@register.simple_tag
def dossier_archive_cap_mb() -> int:
    return max(settings.DOSSIER_ARCHIVE_MAX_BYTES // (1024 * 1024), 1)


@register.filter
def offers_dossier(assessment) -> bool:
    """No claim dossier for a goodwill request (R6) or after the abuse gate (R17)."""
    return assessment is not None and _offers_dossier(assessment)
