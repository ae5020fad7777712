"""The Chinese catalogue is complete: every message has a translation a user will see."""

import re
from pathlib import Path

LOCALE = Path(__file__).resolve().parents[1] / "locale"
CATALOGUE = LOCALE / "zh_Hans" / "LC_MESSAGES" / "django.po"


def entries() -> list[dict]:
    """Each entry's flags and its msgid / msgstr texts, continuation lines joined."""
    found = []
    for block in CATALOGUE.read_text(encoding="utf-8").split("\n\n"):
        entry, key = {"flags": ""}, None
        for line in block.splitlines():
            if line.startswith("#,"):
                entry["flags"] += line
            elif match := re.match(r'(msgid|msgid_plural|msgstr(?:\[\d+\])?) "(.*)"$', line):
                key = match.group(1)
                entry[key] = match.group(2)
            elif line.startswith('"') and key:
                entry[key] += line[1:-1]
        if "msgid" in entry:
            found.append(entry)
    return found


def test_it_reads_every_entry_of_the_catalogue():
    assert len(entries()) == CATALOGUE.read_text(encoding="utf-8").count("\nmsgid ")


def test_it_translates_every_message():
    untranslated = [
        entry["msgid"]
        for entry in entries()
        if entry["msgid"] and not (entry.get("msgstr") or entry.get("msgstr[0]"))
    ]
    assert untranslated == []


def test_it_has_no_fuzzy_guess_left():
    assert [entry["msgid"] for entry in entries() if "fuzzy" in entry["flags"]] == []
