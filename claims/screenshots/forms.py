"""The order step's "start from a screenshot" upload: one image, payment evidence at once."""

import copy

from django import forms
from django.utils.translation import gettext_lazy as _

from claims.evidence import pipeline
from claims.evidence.forms import EvidenceUploadForm
from claims.models import Evidence

# Images only: OCR reads pictures; PDFs and recordings go through the evidence step.
ACCEPT_IMAGES = "image/jpeg,image/png,image/gif,image/webp,image/heic,image/heif,.heic,.heif"


def payment_consent_field() -> forms.BooleanField:
    """The evidence step's separate consent for payment records, required here.

    A payment screenshot is sensitive personal information wherever it is uploaded, so the
    same notice and the same words apply (the evidence step shows it for that category only).
    """
    field = copy.deepcopy(EvidenceUploadForm.base_fields["payment_consent"])
    field.required = True
    field.widget.attrs.pop("data-show-if", None)
    field.error_messages["required"] = _(
        "Tick the box to agree before uploading a payment screenshot."
    )
    return field


class ScreenshotForm(forms.Form):
    screenshot = forms.FileField(
        label=_("Payment or order screenshot"),
        help_text=_(
            "The bill details in Alipay or WeChat Pay, or the order page on the site. "
            "JPEG, PNG, WebP or HEIC."
        ),
        error_messages={"required": _("Choose a screenshot.")},
        widget=forms.FileInput(attrs={"accept": ACCEPT_IMAGES}),
    )
    payment_consent = payment_consent_field()

    def __init__(self, *args, claim=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Asked once per claim: a claim that holds a payment record has the consent already.
        if claim is not None and claim.has_payment_consent():
            del self.fields["payment_consent"]

    def clean_screenshot(self):
        """Only pictures can be read: PDFs and recordings belong on the evidence step."""
        upload = self.cleaned_data["screenshot"]
        upload.seek(0)
        kind = pipeline.sniff(upload.read(pipeline.HEAD_BYTES))
        upload.seek(0)
        if kind != Evidence.Kind.IMAGE:
            raise forms.ValidationError(
                _(
                    "This is not a picture we can read. Upload a screenshot (JPEG, PNG, WebP "
                    "or HEIC); add PDFs and recordings on the evidence step."
                ),
                code="not_image",
            )
        return upload
