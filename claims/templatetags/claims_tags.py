from django import template
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

register = template.Library()

OUTCOME_LABELS = {
    "strong": _("Strong claim"),
    "good": _("Good claim"),
    "uncertain": _("Uncertain"),
    "weak": _("Weak claim"),
    "wait": _("Too early"),
    "stop": _("We cannot help with this"),
}


@register.filter
def bilingual(text) -> str:
    """Pick the current language from a pure module's Text(zh, en)."""
    return text.get(get_language() or "zh-hans") if text else ""


@register.filter
def outcome_label(outcome: str) -> str:
    return OUTCOME_LABELS.get(outcome, outcome)
