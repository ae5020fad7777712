"""Form fields and small helpers shared by the step forms."""

import re

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from claims.domain.normalize import to_halfwidth

YES_NO = [("yes", _("Yes")), ("no", _("No"))]
YES_NO_UNSURE = [("yes", _("Yes")), ("no", _("No")), ("unsure", _("I'm not sure"))]
DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d"]


class LenientDateTimeField(forms.DateTimeField):
    """Accepts the phone picker's value and what people type: 2026年11月20日 14:32, ２０２６/…"""

    def to_python(self, value):
        if isinstance(value, str):
            value = to_halfwidth(value).strip()
            value = re.sub(r"[年月/.]", "-", value).replace("日", " ").replace("时", ":")
            value = re.sub(r"分$", "", re.sub(r"\s+", " ", value)).strip()
        return super().to_python(value)


class LenientDateField(forms.DateField):
    def to_python(self, value):
        if isinstance(value, str):
            value = to_halfwidth(value).strip()
            value = re.sub(r"[年月/.]", "-", value).replace("日", "").strip()
        return super().to_python(value)


def not_in_future(value):
    if value and value > timezone.localdate():
        raise forms.ValidationError(_("This date is in the future."), code="future")


def radio(label, choices, **kwargs) -> forms.ChoiceField:
    return forms.ChoiceField(label=label, choices=choices, widget=forms.RadioSelect, **kwargs)


def date_field(label, **kwargs) -> LenientDateField:
    return LenientDateField(
        label=label,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        validators=[not_in_future],
        **kwargs,
    )


def text_area(label, max_length, rows=3, **kwargs) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": rows}),
        **kwargs,
    )


def field_errors(form_class, messages: dict) -> None:
    """Each field's own words for what to do (GOV.UK's error messages), never Django's
    generic "This field is required.": {"amount": {"required": ..., "invalid": ...}}."""
    for name, by_code in messages.items():
        form_class.base_fields[name].error_messages.update(by_code)


def show_if(form: forms.Form, controller: str, values: str, *fields: str) -> None:
    """Mark follow-up questions so the page script hides them until they apply.

    `values` is one answer or several separated by "|". Without JavaScript every question
    shows; the form's clean() decides what is needed.
    """
    rule = f"{form.add_prefix(controller)}={values}"
    for name in fields:
        form.fields[name].widget.attrs["data-show-if"] = rule


def require_when(form: forms.Form, cleaned: dict, applies: bool, messages: dict) -> None:
    """Follow-up answers: required when they apply, blanked when they do not."""
    for name, message in messages.items():
        if applies:
            if cleaned.get(name) in (None, "", []) and name not in form.errors:
                form.add_error(name, message)
        else:
            cleaned[name] = _blank(form.fields[name])


def _blank(field: forms.Field):
    if isinstance(field, forms.MultipleChoiceField):
        return []
    if isinstance(field, forms.CharField | forms.ChoiceField):
        return ""
    return None
