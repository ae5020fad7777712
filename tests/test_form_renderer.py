"""The widgets drawn in Python (refundhelper/form_renderer.py) are the markup Django's widget
templates draw: compared for Django's widgets with awkward values and for every field of
every wizard form, in both languages."""

import datetime
from decimal import Decimal

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates, get_default_renderer
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from claims.evidence.forms import ACCEPT, MultipleFileInput
from claims.wizard.steps import FORMS
from refundhelper.form_renderer import WidgetRenderer
from tests.journey import ANSWERS

PYTHON, TEMPLATES = WidgetRenderer(), DjangoTemplates()
HOSTILE = "\"><script>alert(1)</script>&amp; 'quoted' 中文"
CHOICES = [
    ("", "---"),
    ("a", "Plain"),
    ("b", HOSTILE),
    ("c", mark_safe("<b>safe</b>")),
    ("d", _("(optional)")),
    (("t", 1), "A tuple for a value"),
    (1000, 12345),
    ("Group <1>", [("g1", "In a group"), ("g2", datetime.date(2026, 11, 20))]),
]
ATTRS = [
    None,
    {"class": "wide", "placeholder": HOSTILE, "required": True, "disabled": False},
    {"id": "field-id", "aria-describedby": "x_helptext x_error", "data-n": 3, "autofocus": True},
    {"inputmode": "decimal", "pattern": "[0-9]*", "title": mark_safe("<i>t</i>")},
    {"data-pair": (1, "<2>"), "data-one": ("a",)},  # stringformat writes a tuple whole
]
VALUES = [None, "", "0", 0, HOSTILE, mark_safe("<b>safe</b>"), Decimal("648.00"), "a", ["a", "g2"]]
WIDGETS = [
    forms.TextInput(),
    forms.NumberInput(),
    forms.EmailInput(),
    forms.URLInput(),
    forms.TelInput(),
    forms.SearchInput(),
    forms.ColorInput(),
    forms.PasswordInput(render_value=True),
    forms.HiddenInput(),
    forms.FileInput(),
    forms.ClearableFileInput(),
    MultipleFileInput(attrs={"accept": ACCEPT}),
    forms.DateInput(attrs={"type": "date"}),
    forms.DateTimeInput(attrs={"type": "datetime-local"}),
    forms.TimeInput(),
    forms.CheckboxInput(),
    forms.Textarea(attrs={"rows": 3}),
    forms.Select(choices=CHOICES),
    forms.SelectMultiple(choices=CHOICES),
    forms.RadioSelect(choices=CHOICES),
    forms.CheckboxSelectMultiple(choices=CHOICES),
    forms.NullBooleanSelect(),
]


def both(widget, name, value, attrs=None) -> tuple[str, str]:
    return (
        widget.render(name, value, attrs=attrs, renderer=PYTHON),
        widget.render(name, value, attrs=attrs, renderer=TEMPLATES),
    )


@pytest.mark.parametrize("language", ["zh-hans", "en"])
@pytest.mark.parametrize("widget", WIDGETS, ids=lambda widget: type(widget).__name__)
def test_each_widget_draws_what_its_template_draws(widget, language):
    with translation.override(language):
        for attrs in ATTRS:
            for value in VALUES:
                if isinstance(value, list) and not getattr(
                    widget, "allow_multiple_selected", False
                ):
                    continue  # a list is no value for a one-value widget (some raise)
                drawn, expected = both(widget, "field-name", value, attrs)
                assert drawn == expected, (attrs, value)


@pytest.mark.parametrize("language", ["zh-hans", "en"])
@pytest.mark.parametrize("step", sorted(FORMS))
def test_every_wizard_field_draws_what_its_template_draws(step, language):
    answers = ANSWERS.get(step, {})
    with translation.override(language):
        for name, field in FORMS[step].base_fields.items():
            for value in (None, answers.get(name), HOSTILE):
                drawn, expected = both(field.widget, f"{step}-{name}", value, {"id": f"id_{name}"})
                assert drawn == expected, (name, value)


def test_a_stored_file_with_its_clear_box_draws_what_its_template_draws():
    class Stored:
        url = "/media/a&b.png"

        def __str__(self):
            return HOSTILE

    drawn, expected = both(forms.ClearableFileInput(), "file", Stored(), {"id": "id_file"})
    assert drawn == expected
    assert "Clear" in drawn or "清除" in drawn


def test_a_hostile_value_is_escaped():
    drawn, _expected = both(forms.TextInput(), "name", HOSTILE)
    assert "<script>" not in drawn
    assert "&lt;script&gt;" in drawn


def test_forms_and_unknown_widgets_still_use_templates():
    """A whole form (div.html, field.html) and a widget the renderer does not draw itself
    (SelectDateWidget's template) come from Django's templates."""

    class Sample(forms.Form):
        day = forms.DateField(widget=forms.SelectDateWidget(years=[2026]))
        note = forms.CharField(help_text=HOSTILE)

    assert Sample(renderer=PYTHON).as_div() == Sample(renderer=TEMPLATES).as_div()


def test_the_project_draws_with_it():
    assert isinstance(get_default_renderer(), WidgetRenderer)
