"""Steps that produce the documents: result, evidence, review, declaration."""

from django import forms
from django.utils.translation import gettext_lazy as _

from claims.domain.normalize import clean_text


class AssessmentForm(forms.Form):
    """No questions: the step shows the result. A hard stop (R17) keeps it invalid."""

    def __init__(self, *args, assessment=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.assessment = assessment

    def clean(self):
        if self.assessment is not None and self.assessment.blocks_documents:
            raise forms.ValidationError(
                _("We cannot prepare documents for this claim."), code="blocked"
            )
        return super().clean()


class EvidenceStepForm(forms.Form):
    """The wizard step holds no files: uploads go through EvidenceUploadForm."""


class ReviewForm(forms.Form):
    """No questions: the step lists every answer with a Change link."""


class DeclarationForm(forms.Form):
    # One statement, one tick: the facts and the files are declared together, explicitly.
    confirm_true = forms.BooleanField(
        label=_(
            "The facts I gave are true and complete, and my evidence files are unaltered "
            "apart from covering personal data."
        ),
        error_messages={
            "required": _("Tick the box to confirm the facts are true and the files unaltered.")
        },
    )
    full_name = forms.CharField(
        label=_("Your full name"),
        max_length=50,
        help_text=_("Typed here, it signs the declaration in your dossier."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={
            "required": _("Enter your full name to sign the declaration."),
            "max_length": _("Enter your full name in %(limit_value)d characters or fewer."),
        },
    )

    def clean_full_name(self):
        name = clean_text(self.cleaned_data["full_name"])
        if len(name) < 2:
            raise forms.ValidationError(_("Enter your full name."), code="short")
        return name
