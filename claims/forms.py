"""The two forms that are not wizard steps: consent on the start page, and recording
what happened after the user sent their claim (the done page)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from claims.domain.normalize import clean_text
from claims.models import ClaimEvent
from claims.once import OnceForm
from claims.wizard.forms.fields import date_field, show_if


class StartForm(forms.Form):
    consent = forms.BooleanField(
        label=_(
            "I have read how my data is used and kept, and I agree that RefundHelper "
            "stores it for this claim."
        ),
        error_messages={"required": _("Tick the box to agree before starting.")},
    )


# Complaints and mediation exist only where there is a claim: a goodwill request (R6) offers
# none of them.
COMPLAINT_KINDS = (
    ClaimEvent.Kind.FILED_PAYMENT,
    ClaimEvent.Kind.FILED_12315,
    ClaimEvent.Kind.FILED_ASSOCIATION,
)


class EventForm(OnceForm):
    """One event; its one-time token keeps a double click from recording it twice."""

    kind = forms.ChoiceField(
        label=_("What happened?"),
        choices=ClaimEvent.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose what happened."),
            "invalid_choice": _("Choose one of the events listed."),
        },
    )
    # A reply that refuses is a refusal: the plan moves on at once (R13), as for "refused".
    reply = forms.ChoiceField(
        label=_("If the seller replied: did they refuse?"),
        choices=[
            ("refused", _("Yes, they refused")),
            ("other", _("No: a question, a promise or a request to wait")),
        ],
        required=False,
        widget=forms.RadioSelect,
    )
    happened_on = date_field(_("When?"))
    note = forms.CharField(
        label=_("Details"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("For example what the seller wrote, or your complaint's case number."),
    )

    def __init__(self, *args, earliest=None, claim_offered=True, **kwargs):
        super().__init__(*args, **kwargs)
        show_if(self, "kind", ClaimEvent.Kind.REPLIED, "reply")
        self.earliest = earliest
        if not claim_offered:
            self.fields["kind"].choices = [
                (kind, label)
                for kind, label in ClaimEvent.Kind.choices
                if kind not in COMPLAINT_KINDS
            ]
            self.fields["note"].help_text = _("For example what the seller wrote.")

    def clean_happened_on(self):
        day = self.cleaned_data["happened_on"]
        if self.earliest and day < self.earliest:
            raise forms.ValidationError(
                _("This is before you paid for the order. Check the date."), code="too_early"
            )
        return day

    def clean_note(self):
        return clean_text(self.cleaned_data["note"])

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == ClaimEvent.Kind.REPLIED and cleaned.get("reply") == "refused":
            cleaned["kind"] = ClaimEvent.Kind.REFUSED
        return cleaned
