"""Where the user is in the journey, by sections whose number never changes (issue 17 item 2).

Conditional steps come and go with the answers, so "step 5 of 12" would turn into "of 13"
half-way; the sections (wizard.steps.SECTIONS) stay six whatever the answers say.
"""

from claims.wizard.steps import SECTIONS


def section_links(steps: list[str], blocker: str | None, current: str, url_for) -> list[dict]:
    """Each section: its label, the URL of its first step that applies, and whether it is
    done (every step in it answered), current, or reachable (answered up to it)."""
    reachable = steps.index(blocker) if blocker else len(steps) - 1
    here = steps.index(current) if current in steps else 0
    links = []
    for number, (label, members) in enumerate(SECTIONS, start=1):
        indexes = [steps.index(step) for step in members if step in steps]
        first, last = min(indexes), max(indexes)
        is_current = first <= here <= last
        links.append(
            {
                "number": number,
                "label": label,
                "url": url_for(steps[first]),
                "is_current": is_current,
                "is_reachable": first <= reachable,
                "is_done": last < reachable and not is_current,
            }
        )
    return links
