"""Forms of the evidence step: uploads go through our own pipeline, never the wizard."""

import functools
from dataclasses import dataclass

from django import forms
from django.utils.html import format_html_join
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from claims.domain.normalize import clean_text
from claims.evidence import pipeline, redaction
from claims.evidence.images import not_supported_message
from claims.models import Evidence
from claims.once import OnceForm

# What the file picker offers; the server decides by the bytes, whatever the name says.
ACCEPT = ",".join(
    [
        "image/jpeg", "image/png", "image/apng", "image/gif", "image/webp", "image/heic",
        "image/heif", ".heic", ".heif", ".apng",
        "application/pdf", "video/mp4", "video/quicktime", ".mp4", ".mov",
    ]
)  # fmt: skip


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A list of uploaded files; each is judged on its own by the pipeline, not here."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        files = [item for item in files if item is not None]
        if not files:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        return files


@dataclass(frozen=True)
class Holdings:
    """What a claim holds already: the room left for uploads and whether the payment records
    consent was given. Read once for a page that shows one upload form per need."""

    files: int
    bytes: int
    payment_consent: bool

    @classmethod
    def of(cls, items) -> "Holdings":
        """From the claim's evidence rows, already loaded."""
        items = list(items)
        return cls(
            files=len(items),
            bytes=sum(item.size for item in items),
            payment_consent=any(item.category == Evidence.Category.TRANSACTION for item in items),
        )


class EvidenceUploadForm(OnceForm):
    category = forms.ChoiceField(
        label=_("What do the files show?"),
        choices=Evidence.Category.choices,
        widget=forms.RadioSelect,
    )
    # Payment records are sensitive personal information (PIPL art. 28-29): they need their own
    # notice and consent, apart from the consent given on the start page.
    payment_consent = forms.BooleanField(
        label=_("I agree that RefundHelper keeps my payment records for this claim."),
        required=False,
        help_text=_(
            "Payment records are sensitive personal information: they can show your account "
            "or card numbers and what you spend. They are needed to prove your payment to the "
            "seller, the payment platform or 12315; they are used only for this claim, appear "
            "only in your dossier and are deleted with the claim. You can cover account numbers "
            "the reader does not need."
        ),
        widget=forms.CheckboxInput(attrs={"data-show-if": "upload-category=transaction"}),
    )
    files = MultipleFileField(
        label=_("Screenshots, photos, PDFs or screen recordings"),
        error_messages={"required": _("Choose at least one file.")},
        widget=MultipleFileInput(attrs={"accept": ACCEPT}),
    )
    caption = forms.CharField(
        label=_("Caption"),
        max_length=200,
        required=False,
        help_text=_("What the file shows, e.g. 'Alipay bill for the order'."),
    )
    # The checklist need the files are for (EvidenceNeed.key); an unknown key ticks nothing.
    need = forms.RegexField(regex=r"^[a-z_]{1,40}$", required=False, widget=forms.HiddenInput)

    def __init__(self, *args, claim=None, for_need=None, held=None, **kwargs):
        """`for_need`: a checklist item; its form asks only for the files and a caption.
        `held`: the claim's Holdings when the page has read them (else read here)."""
        if for_need is not None:
            kwargs.setdefault("auto_id", f"id_{for_need.key}_%s")
            kwargs["initial"] = {
                **kwargs.get("initial", {}),
                "category": for_need.category,
                "need": for_need.key,
            }
        super().__init__(*args, **kwargs)
        if for_need is not None:
            self.fields["category"].widget = forms.HiddenInput()
            # The need names what the files show; a caption can be added to a file later.
            del self.fields["caption"]
            if for_need.category != Evidence.Category.TRANSACTION:
                del self.fields["payment_consent"]
            else:
                self.fields["payment_consent"].widget = forms.CheckboxInput()
        if claim is not None and held is None:
            held = Holdings.of(claim.evidence.only("size", "category"))
        self.held = held
        if held is not None and held.payment_consent:
            # Asked once per claim (issue 17): given with the first payment record.
            self.fields.pop("payment_consent", None)
        self.limits = pipeline.limits()
        self.claim = claim
        self.fields["files"].help_text = gettext(
            "Photos and screenshots (JPEG, PNG, GIF, WebP, HEIC) up to %(image)d MB each, PDF "
            "documents up to %(pdf)d MB, MP4 or MOV screen recordings up to %(video)d MB. "
            "You can pick several at once."
        ) % {
            "image": pipeline.megabytes(self.limits.image_bytes),
            "pdf": pipeline.megabytes(self.limits.pdf_bytes),
            "video": pipeline.megabytes(self.limits.video_bytes),
        }
        if for_need is not None:
            # A need's form is one of several on the page: the limits are said once, on the
            # form for other files, and a file too large is refused with its own words. No
            # hint of its own (the page draws none: aria-describedby would name nothing);
            # the input's `multiple` tells a screen reader that several files may be chosen.
            self.fields["files"].help_text = ""

    def clean_caption(self):
        return clean_text(self.cleaned_data["caption"])

    @property
    def caption_text(self) -> str:
        """The caption typed, or none: a need's own form asks for none."""
        return self.cleaned_data.get("caption", "")

    @property
    def choose_again(self) -> bool:
        """A refused upload is shown again: browsers never refill a file input."""
        return self.is_bound and bool(self.errors)

    def clean(self):
        cleaned = super().clean()
        asked = "payment_consent" in self.fields
        if (
            asked
            and cleaned.get("category") == Evidence.Category.TRANSACTION
            and not cleaned.get("payment_consent")
        ):
            self.add_error(
                "payment_consent",
                forms.ValidationError(
                    _(
                        "Tick the box to agree before uploading payment records, or choose "
                        "another kind of file."
                    ),
                    code="payment_consent",
                ),
            )
        return cleaned

    def script_attributes(self) -> str:
        """data-*="..." for the page's script: the limits, the room left and the server's
        own words (the words drawn once per language: every upload form of every page
        carries the same, and the evidence page holds seven forms)."""
        used_files = self.held.files if self.held else 0
        used_bytes = self.held.bytes if self.held else 0
        limits = (
            ("limit-image", self.limits.image_bytes),
            ("limit-pdf", self.limits.pdf_bytes),
            ("limit-video", self.limits.video_bytes),
            ("room-bytes", max(self.limits.claim_bytes - used_bytes, 0)),
            ("room-files", max(self.limits.files - used_files, 0)),
        )
        return data_attributes(limits) + _script_words(self.limits, get_language())


def data_attributes(pairs) -> str:
    """data-name="value" for each (name, value), escaped."""
    return format_html_join("", ' data-{}="{}"', pairs)


@functools.lru_cache(maxsize=16)
def _script_words(limits: pipeline.Limits, _language: str) -> str:
    """The upload script's messages in the active language (a key of the cache), drawn."""
    Kind = Evidence.Kind
    return data_attributes(
        (
            ("msg-image", pipeline.too_large_message(Kind.IMAGE)),
            ("msg-pdf", pipeline.too_large_message(Kind.PDF)),
            ("msg-video", pipeline.too_large_message(Kind.VIDEO)),
            ("msg-type", not_supported_message()),
            ("msg-empty", gettext("This file is empty.")),
            ("msg-full", pipeline.claim_full_message()),
            ("msg-count", pipeline.too_many_message()),
            ("msg-skipped", gettext("These files will not be uploaded:")),
            ("msg-sending", gettext("Uploading… (%(percent)s)")),
            ("msg-checking", gettext("Checking the files…")),
            (
                "msg-failed",
                gettext("The upload did not finish. Check your connection and try again."),
            ),
        )
    )


def upload_repeat_message(repeat) -> str:
    """What a second post of one upload form says (claims.once.Repeat)."""
    if repeat.finished:
        return gettext("These files were already received: they are listed below.")
    return gettext("These files are still being saved. Reload this page in a moment to see them.")


class CaptionForm(forms.Form):
    caption = forms.CharField(label=_("Caption"), max_length=200, required=False)
    category = forms.ChoiceField(
        label=_("What does it show?"), choices=Evidence.Category.choices, required=False
    )

    def clean_caption(self):
        return clean_text(self.cleaned_data["caption"])


class PaymentConsentForm(forms.Form):
    """The notice for a payment record the reader found under another category."""

    payment_consent = forms.BooleanField(
        label=EvidenceUploadForm.base_fields["payment_consent"].label,
        help_text=EvidenceUploadForm.base_fields["payment_consent"].help_text,
        error_messages={
            "required": _(
                "Tick the box to agree before this file is used as a payment record, or "
                "remove the file."
            )
        },
    )


class RotateForm(forms.Form):
    direction = forms.ChoiceField(
        choices=[("left", _("Rotate left")), ("right", _("Rotate right"))]
    )

    def quarter_turns(self) -> int:
        return 1 if self.cleaned_data["direction"] == "right" else 3


class ReplaceForm(forms.Form):
    file = forms.FileField(
        label=_("New file"),
        error_messages={"required": _("Choose a file.")},
        widget=forms.FileInput(attrs={"accept": ACCEPT}),
    )


class RedactionForm(forms.Form):
    """All boxes at once (the editor writes them), minus removed ones, plus one typed box."""

    boxes = forms.CharField(required=False, widget=forms.HiddenInput)
    remove = forms.MultipleChoiceField(
        label=_("Remove these boxes"), required=False, widget=forms.CheckboxSelectMultiple
    )
    left = forms.DecimalField(
        label=_("From the left (%)"), required=False, min_value=0, max_value=100
    )
    top = forms.DecimalField(
        label=_("From the top (%)"), required=False, min_value=0, max_value=100
    )
    width = forms.DecimalField(label=_("Width (%)"), required=False, min_value=0, max_value=100)
    height = forms.DecimalField(label=_("Height (%)"), required=False, min_value=0, max_value=100)

    NEW_BOX = ("left", "top", "width", "height")

    def __init__(self, *args, current=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.current = list(current)
        self.fields["boxes"].initial = redaction.format_boxes(self.current)
        self.fields["remove"].choices = [
            (str(index), gettext("Box %(number)d") % {"number": index + 1})
            for index in range(len(self.current))
        ]

    def clean(self):
        cleaned = super().clean()
        try:
            boxes = redaction.parse_boxes(cleaned.get("boxes", ""))
        except redaction.BadBoxes as exc:
            raise forms.ValidationError(
                _("The boxes could not be read. Please draw them again."), code="boxes"
            ) from exc
        removed = {int(index) for index in cleaned.get("remove") or []}
        boxes = [box for index, box in enumerate(boxes) if index not in removed]
        typed = [cleaned.get(name) for name in self.NEW_BOX]
        if any(value is not None for value in typed):
            if any(value is None for value in typed):
                raise forms.ValidationError(
                    _("Give all four numbers for the new box."), code="incomplete"
                )
            try:
                boxes.append(redaction.make_box(*typed))
            except redaction.BadBoxes as exc:
                raise forms.ValidationError(
                    _("The new box lies outside the picture or is too small."), code="outside"
                ) from exc
        if len(boxes) > redaction.MAX_BOXES:
            raise forms.ValidationError(
                _("At most %(count)d boxes per picture.") % {"count": redaction.MAX_BOXES},
                code="too_many",
            )
        cleaned["box_list"] = boxes
        return cleaned
