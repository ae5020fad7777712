"""The public verify page: anyone holding a dossier checks a file against it."""

from django import forms
from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from claims.dossier.verify import check, fingerprint_from_pdf, normalise_fingerprint, sha256_of


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
        elif (fingerprint := fingerprint_from_pdf(dossier)) is None:
            self.add_error("dossier", _("We found no dossier fingerprint in this file."))
        else:
            cleaned["fingerprint"] = fingerprint
        return cleaned


@never_cache
@require_http_methods(["GET", "POST"])
def verify(request):
    posted = request.method == "POST"
    form = VerifyForm(request.POST if posted else None, request.FILES if posted else None)
    verdict = None
    if posted and form.is_valid():
        verdict = check(form.cleaned_data["fingerprint"], sha256_of(form.cleaned_data["file"]))
    return render(
        request,
        "claims/verify.html",
        {
            "form": form,
            "verdict": verdict,
            "fingerprint": form.cleaned_data.get("fingerprint") if verdict else None,
        },
    )
