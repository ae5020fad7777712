"""A long step shown as several pages, one topic each, while its answers stay one step.

The order step's answers are stored, validated, signed and printed as one form (the domain,
the dossier and the signature read them so); the user sees them over short pages. Each page
posts only its own fields: the others come from what is stored, so a page never loses what
another page holds, and the last page validates the whole step.
"""

from dataclasses import dataclass

from django.forms.forms import NON_FIELD_ERRORS
from django.utils.datastructures import MultiValueDict

PART_PARAM = "part"  # ?part=2 in the URL: the page shown
POSTED_PART = "wizard_part"  # the page a post comes from
GOTO_PART = "wizard_part_goto"  # Back within the step: the page to show, answers kept


@dataclass(frozen=True)
class Part:
    title: str
    fields: tuple[str, ...]


class FormPage:
    """A step form seen through one page: its fields, and the errors they carry."""

    def __init__(self, form, names):
        self.form = form
        self.names = tuple(name for name in names if name in form.fields)

    def __iter__(self):
        return (self.form[name] for name in self.names)

    @property
    def errors(self) -> dict:
        return {
            name: errors
            for name, errors in self.form.errors.items()
            if name in self.names or name == NON_FIELD_ERRORS
        }

    def non_field_errors(self):
        return self.form.non_field_errors()


def part_number(value, parts) -> int:
    """The page asked for, 1 to the number of pages (anything else: the first)."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return 1
    return number if 1 <= number <= len(parts) else 1


def merged(step: str, stored, posted, part: Part):
    """The post of one page, with every other page's fields as stored (absent if never given)."""
    data = posted.copy()
    own = {f"{step}-{name}" for name in part.fields}
    stored = stored if isinstance(stored, MultiValueDict) else MultiValueDict(stored or {})
    for key in list(data.keys()):
        if key.startswith(f"{step}-") and key not in own:
            del data[key]
    for key in stored:
        if key not in own:
            data.setlist(key, stored.getlist(key))
    return data


def part_is_valid(form, part: Part) -> bool:
    form.is_valid()
    return not any(name in form.errors for name in (*part.fields, NON_FIELD_ERRORS))


def part_with_errors(form, parts) -> int | None:
    """The first page (1-based) holding a field in error, if any."""
    if not form.is_bound:
        return None
    for number, part in enumerate(parts, start=1):
        if any(name in form.errors for name in part.fields):
            return number
    return None


def with_part(url: str, number: int) -> str:
    if number <= 1:
        return url
    return f"{url}{'&' if '?' in url else '?'}{PART_PARAM}={number}"
