"""What the review page and the evidence checklist show: answers as label/value rows."""

from datetime import date, datetime
from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .answers import FACT_STEPS, STEP_LABELS
from .models import Evidence

REVIEWED_STEPS = (*FACT_STEPS, "messages")


def display_value(field: forms.Field, value) -> str:
    if value in (None, ""):
        return _("Not given")
    if isinstance(field, forms.ChoiceField):
        return str(dict(field.choices).get(value, value))
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, datetime):
        return date_format(timezone.localtime(value), "Y-m-d H:i")
    if isinstance(value, date):
        return date_format(value, "Y-m-d")
    if isinstance(value, Decimal):
        return f"¥{value:,.2f}"
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
            if form.cleaned_data.get(name) not in (None, "") or field.required
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


def evidence_checklist(assessment, items) -> list[dict]:
    """The evidence the assessment asks for, ticked where a file of that category exists."""
    if assessment is None:
        return []
    have = {item.category for item in items}
    labels = dict(Evidence.Category.choices)
    return [
        {
            "category": labels.get(need.category, need.category),
            "description": need.description,
            "done": need.category in have,
        }
        for need in assessment.evidence_needed
    ]
