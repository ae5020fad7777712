"""The drafts step and the 12315 identity step."""

import hashlib
import re

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from claims.domain.normalize import as_seen, clean_text, to_halfwidth

PHONE = re.compile(r"\+?[0-9]{7,15}")
UNLIMITED_DRAFT = 5000


def draft_digest(text: str) -> str:
    """Fingerprint of a draft as it reads: tells an untouched draft from an edited one, even
    after the browser sent it back with CRLF line ends."""
    return hashlib.sha256(as_seen(text).encode("utf-8")).hexdigest()[:16]


class IdentityForm(forms.Form):
    complainant_name = forms.CharField(
        label=_("Your real name"),
        max_length=50,
        required=False,
        error_messages={"max_length": _("Enter your name in %(limit_value)d characters or fewer.")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    complainant_phone = forms.CharField(
        label=_("Your phone number"),
        max_length=30,
        required=False,
        error_messages={
            "max_length": _("Enter a phone number with digits only, for example 13812345678.")
        },
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )

    def clean_complainant_name(self):
        return clean_text(self.cleaned_data["complainant_name"])

    def clean_complainant_phone(self):
        phone = re.sub(r"[\s\-()]", "", to_halfwidth(self.cleaned_data["complainant_phone"]))
        if phone and not PHONE.fullmatch(phone):
            raise forms.ValidationError(
                _("Enter a phone number with digits only, for example 13812345678."),
                code="invalid",
            )
        return phone


class MessagesForm(forms.Form):
    """One field per draft the assessment calls for; each remembers the draft it started from."""

    def __init__(self, *args, drafts=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.drafts = {draft.key: draft for draft in drafts}
        self.stale_keys: set[str] = set()
        language = get_language() or "zh-hans"
        for draft in drafts:
            limit = draft.hard_limit
            self.fields[draft.key] = forms.CharField(
                label=draft.title.get(language),
                max_length=limit or UNLIMITED_DRAFT,
                widget=forms.Textarea(
                    attrs={
                        "rows": 12 if len(draft.text) > 300 else 7,
                        "data-limit": limit or "",
                        "data-suggested": draft.suggested_length or "",
                    }
                ),
                error_messages={
                    "required": _("This draft is empty. Write it again or reset it to ours.")
                },
            )
            self.fields[f"basis_{draft.key}"] = forms.CharField(
                widget=forms.HiddenInput, required=False
            )

    def draft_fields(self):
        """(bound field, draft, is_stale) for each draft, in the order of the drafts."""
        return [(self[key], draft, key in self.stale_keys) for key, draft in self.drafts.items()]

    def clean(self):
        cleaned = super().clean()
        for key in self.drafts:
            if isinstance(cleaned.get(key), str):
                cleaned[key] = cleaned[key].strip()
        return cleaned
