"""The done page's dossier: ready to download, or where it stands in the task queue."""

from django import template
from django.utils import translation

from claims.dossier import queue
from claims.dossier.cache import Copy

register = template.Library()


@register.simple_tag
def dossier_status(claim) -> dict:
    """The default reader's copy in the page's language (queued if not on the way), and how
    soon the page reloads itself while it is prepared."""
    english = (translation.get_language() or "").startswith("en")
    state = queue.status(claim, Copy(english=english))
    return {"dossier": state, "refresh_s": queue.refresh_seconds(state)}
