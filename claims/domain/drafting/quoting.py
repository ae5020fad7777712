"""Quoting people's words in a draft: whole or cut after a sentence, in one pair of marks.

Pure. A cut never falls inside the marks the words carry themselves, and a sentence ending
in a quote is never closed twice (…完成。” and never …完成。”。).
"""


def clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


_ENDERS = "。！？!?…"
_OPENERS, _CLOSERS = "“「『‘", "”」』’"
_INNER = str.maketrans({"“": "‘", "”": "’", "「": "‘", "」": "’", "『": "‘", "』": "’"})
OMITTED = "……"


def _boundaries(text: str) -> list[int]:
    """Where a sentence ends outside any quotation marks the text carries itself."""
    found, depth, straight = [], 0, False
    for at, char in enumerate(text):
        if char in _OPENERS:
            depth += 1
        elif char in _CLOSERS:
            depth = max(depth - 1, 0)
        elif char == '"':
            straight = not straight
        ends = char in _ENDERS or (char in _CLOSERS + '"' and text[at - 1 : at] in _ENDERS)
        after_ender = text[at + 1 : at + 2]
        if ends and depth == 0 and not straight and after_ender not in _ENDERS:
            found.append(at + 1)
    return found


def excerpt(text: str, limit: int) -> str:
    """The user's words whole, or their first sentences and "……"; "" when none fits."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cuts = [at for at in _boundaries(text) if at + len(OMITTED) <= limit]
    return text[: cuts[-1]] + OMITTED if cuts else ""


def quote(text: str, limit: int) -> str:
    """Someone's words in exactly one pair of “”, their own quotation marks turned into ‘’,
    whole or cut after a sentence, within `limit` characters; "" when not one sentence fits."""
    words = " ".join(text.split())
    # Marks the user typed around the whole text are ours to write, not theirs.
    pairs = {**dict(zip(_OPENERS, _CLOSERS, strict=True)), '"': '"'}
    first, last, inside = words[:1], words[-1:], words[1:-1]
    if len(words) > 1 and last == pairs.get(first) and first not in inside and last not in inside:
        words = inside.strip()
    words = _straight_to_curly(words).translate(_INNER)
    inner = excerpt(words, limit - 2) if limit > 2 else ""
    return f"“{inner}”" if inner else ""


def _straight_to_curly(text: str) -> str:
    """Pairs of straight double quotes become inner marks (‘’) so they nest inside “”."""
    parts = text.split('"')
    if len(parts) % 2 == 0:  # an odd number of marks: leave them as typed, but not as "
        return text.replace('"', "'")
    return (
        "".join(part + ("‘" if n % 2 == 0 else "’") for n, part in enumerate(parts[:-1]))
        + (parts[-1])
    )


def closed(sentence: str) -> str:
    """A sentence ended with 。 unless a quote already ended it: …完成。” and never …完成。”。"""
    tail = sentence.rstrip(_CLOSERS + '"')
    return sentence if tail.endswith(tuple(_ENDERS)) or sentence.endswith("。") else sentence + "。"
