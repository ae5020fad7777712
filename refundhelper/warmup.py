"""A web worker made ready before its first request (docs/decisions/0017-warm-workers.md).

Django loads lazily: the first request of each worker compiles the templates it renders,
builds the URL patterns and reads a language's catalog. Here that happens once, at start.
Then everything loaded is frozen out of the garbage collector's view (gc.freeze): a full
collection no longer walks Django's own objects, which made one request in a few hundred
wait 15-75 ms (bench figures in the decision record).
"""

import gc
from pathlib import Path

from django.conf import settings
from django.template import engines
from django.urls import get_resolver
from django.utils import translation

# Young objects collected every 2,000 allocations, not Python's 700: fewer pauses of the
# middle generation per request, none of them longer (measured in the decision record).
GC_THRESHOLD = (2000, 10, 10)


def warm_up() -> None:
    get_resolver().url_patterns  # noqa: B018 - built on first access
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            translation.gettext("RefundHelper")  # reads the catalog
    engine = engines["django"]
    for name in project_templates():
        engine.get_template(name)
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLD)


def project_templates() -> list[str]:
    """The names of the project's own templates (settings.TEMPLATES' DIRS)."""
    names = []
    for folder in engines["django"].engine.dirs:
        root = Path(folder)
        names += sorted(str(path.relative_to(root)) for path in root.rglob("*.html"))
    return names
