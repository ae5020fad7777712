"""What the review page shows: the answers as label/value rows with a Change link each."""

from datetime import date, datetime
from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from claims.domain.formatting import format_yuan
from claims.dossier.manifest import numbered_exhibits
from claims.screenshots.crosscheck import evidence_check
from claims.wizard.parts import with_part
from claims.wizard.steps import FACT_STEPS, STEP_LABELS, STEP_PARTS

REVIEWED_STEPS = (*FACT_STEPS, "identity", "messages")
# The review lists the drafts by their opening words; they are read in full on their own step.
DRAFT_PREVIEW_CHARS = 60


def display_value(field: forms.Field, value) -> str:
    if value in (None, "", []):
        return _("Not given")
    if isinstance(field, forms.MultipleChoiceField):
        labels = dict(field.choices)
        return "; ".join(str(labels.get(item, item)) for item in value)
    if isinstance(field, forms.ChoiceField):
        return str(dict(field.choices).get(value, value))
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, datetime):
        return date_format(timezone.localtime(value), "Y-m-d H:i")
    if isinstance(value, date):
        return date_format(value, "Y-m-d")
    if isinstance(value, Decimal):
        return format_yuan(value)
    return str(value)


def answer_sections(step_data, steps, form_for, change_url=None) -> list[dict]:
    """One section per answered step, each row a (field name, label, shown value).

    `form_for(step, data)` binds a step's form; `change_url(step)` gives the Change link.
    """
    sections = []
    for step in steps:
        if step not in REVIEWED_STEPS:
            continue
        form = form_for(step, step_data.get(step))
        if not form.is_valid():
            continue
        rows = [
            (name, field.label, display_value(field, form.cleaned_data.get(name)))
            for name, field in form.fields.items()
            if not field.widget.is_hidden
            and (form.cleaned_data.get(name) not in (None, "") or field.required)
        ]
        if step == "messages":
            rows = [
                (name, label, Truncator(value).chars(DRAFT_PREVIEW_CHARS))
                for name, label, value in rows
            ]
        sections.append(
            {
                "step": step,
                "label": STEP_LABELS[step],
                "rows": rows,
                "change_url": change_url(step) if change_url else None,
            }
        )
    return sections


def by_page(sections: list[dict]) -> list[dict]:
    """A step shown over several pages is reviewed page by page: each Change link opens the
    page that holds the answer (wizard.parts)."""
    split = []
    for section in sections:
        pages = STEP_PARTS.get(section["step"])
        if not pages or not section["change_url"]:
            split.append(section)
            continue
        for number, part in enumerate(pages, start=1):
            rows = [row for row in section["rows"] if row[0] in part.fields]
            if number == 1:  # a field of no page (none today) is not left out
                named = {name for page in pages for name in page.fields}
                rows += [row for row in section["rows"] if row[0] not in named]
            if rows:
                url = with_part(section["change_url"], number)
                split.append({**section, "label": part.title, "rows": rows, "change_url": url})
    return split


def step_context(wizard, form, context) -> dict:
    """The review page: every answer with its Change link, the files, and where the typed
    facts disagree with what the screenshots show."""
    steps = wizard.get_form_list()
    sections = answer_sections(
        {step: wizard.storage.get_step_data(step) for step in steps},
        steps,
        form_for=lambda step, _data: wizard.stored_form(step),
        change_url=wizard.change_url,
    )
    sections = by_page(sections)
    exhibits = [(exhibit.number, exhibit.item) for exhibit in numbered_exhibits(wizard.claim)]
    return {
        "sections": sections,
        "evidence_items": list(wizard.claim.evidence.all()),
        "evidence_check": evidence_check(wizard.facts(), exhibits),
    }
