"""The verify page's form: a fingerprint typed or read from the dossier, and a file."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from claims.dossier.verify import fingerprint_from_pdf, normalise_fingerprint
from claims.evidence.pdfs import TooCostly

# Anyone may post a file here: reading stops at a budget no dossier of ours comes near.
TOO_COSTLY = _(
    "This PDF is too complex to read here. Enter the fingerprint printed on the dossier's "
    "cover instead."
)


class VerifyForm(forms.Form):
    fingerprint = forms.CharField(
        label=_("Dossier fingerprint"),
        required=False,
        max_length=200,
        help_text=_("The 64 letters and digits under “材料指纹” on the dossier's cover."),
    )
    dossier = forms.FileField(
        label=_("Or the dossier PDF"),
        required=False,
        help_text=_("We read only its fingerprint and keep nothing."),
    )
    file = forms.FileField(
        label=_("The file to check"),
        help_text=_("An original file you received with the dossier. We keep nothing."),
    )

    def clean_fingerprint(self) -> str:
        typed = self.cleaned_data["fingerprint"]
        if not typed.strip():
            return ""
        fingerprint = normalise_fingerprint(typed)
        if fingerprint is None:
            raise forms.ValidationError(_("A fingerprint is 64 letters a–f and digits."))
        return fingerprint

    def clean(self):
        cleaned = super().clean()
        dossier = cleaned.get("dossier")
        if cleaned.get("fingerprint") or "fingerprint" in self.errors:
            return cleaned
        if dossier is None:
            self.add_error("fingerprint", _("Enter the fingerprint, or choose the dossier PDF."))
        elif dossier.size > settings.DOSSIER_ARCHIVE_MAX_BYTES:
            self.add_error("dossier", _("This file is too large to be a dossier."))
        else:
            self._read_fingerprint(cleaned, dossier)
        return cleaned

    def _read_fingerprint(self, cleaned, dossier) -> None:
        try:
            fingerprint = fingerprint_from_pdf(dossier)
        except TooCostly:
            self.add_error("dossier", TOO_COSTLY)
            return
        if fingerprint is None:
            self.add_error("dossier", _("We found no dossier fingerprint in this file."))
        else:
            cleaned["fingerprint"] = fingerprint
