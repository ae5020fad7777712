"""The done page's dossier links: one per reader the assessment offers."""

from django import template
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from claims.domain.eligibility import assess
from claims.dossier.statement import offered_recipients
from claims.wizard.facts import facts_for_claim

register = template.Library()

# Plain words for the user; the dossier itself is always Chinese.
READER_LABELS = {
    "seller": _("For the seller"),
    "alipay": _("For Alipay (payment complaint)"),
    "wechat": _("For WeChat Pay (payment complaint)"),
    "12315": _("For a 12315 complaint (mediation of your refund)"),
    "report": _("For a 12315 report (the conduct to investigate, no refund)"),
    "association": _("For the consumer association (mediation)"),
}


@register.simple_tag
def dossier_readers(claim) -> list[tuple[str, str, str]]:
    """(label, download URL, English reading's URL) for each offered reader, the default
    reader first; every link names its reader, so the page's main button stays the one
    plain download."""
    facts = facts_for_claim(claim)
    offered = offered_recipients(facts, assess(facts) if facts else None)
    base = reverse("claims:dossier", args=[claim.token])
    english = reverse("claims:dossier_english", args=[claim.token])
    return [(READER_LABELS[key], f"{base}?for={key}", f"{english}?for={key}") for key in offered]
