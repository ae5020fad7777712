"""The name a downloaded file is saved under: what the user reads is what the file is.

Every Content-Disposition of the app is set here. Names come from users (an upload's
original name), so invisible characters go: a right-to-left override (U+202E) shows
"付款截图<U+202E>gnp.exe" as "付款截图exe.png", and a control character could break the header.
"""

import unicodedata

from django.utils.http import content_disposition_header

# Unicode categories dropped: controls (C0, C1), format characters (the bidi embeddings,
# overrides, isolates and marks U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C, and
# zero-width ones), line and paragraph separators, surrogates, unassigned code points.
HIDDEN = {"Cc", "Cf", "Zl", "Zp", "Cs", "Cn"}


def download_name(name: str, fallback: str) -> str:
    """`name` without hidden characters or folders; `fallback` when nothing visible is left."""
    visible = "".join(
        character
        for character in unicodedata.normalize("NFC", name)
        if unicodedata.category(character) not in HIDDEN
    )
    visible = visible.replace("/", "_").replace("\\", "_").strip()
    return visible if visible.strip("._ ") else fallback


def with_extension(name: str, extensions: tuple[str, ...]) -> str:
    """`name` ending in the checked format's extension: an upload named "账单.exe" that was
    checked as a PNG downloads as "账单.exe.png", so the file opens as what it is."""
    if not extensions or name.lower().endswith(tuple(f".{ext}" for ext in extensions)):
        return name
    return f"{name}.{extensions[0]}"


def as_attachment(response, name: str, *, fallback: str = "download", extensions=()):
    """Make `response` a download saved as `name` (RFC 6266; filename* for non-ASCII names);
    `extensions`: those of the file's checked format, the first one added when name lacks it."""
    visible = with_extension(download_name(name, fallback), tuple(extensions))
    response["Content-Disposition"] = content_disposition_header(True, visible)
    return response
