"""R17's one plain question, asked when the user's own words suggest an abusive claim."""

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from claims.domain.normalize import clean_text
from claims.domain.rules.fraud import own_words_question
from claims.wizard.forms.fields import YES_NO, radio
from claims.wizard.forms.messages import draft_digest


class NotesField(forms.Field):
    """Event notes recorded on the done page that led here: kept with the answer."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value):
        return [clean_text(note) for note in value or () if clean_text(note)]


class GateForm(forms.Form):
    confirmed = radio(
        _("Is what you wrote true?"),
        YES_NO,
        error_messages={"required": _("Answer yes or no: your claim can only go on after that.")},
    )
    words = forms.CharField(widget=forms.HiddenInput, required=False)
    event_notes = NotesField(required=False)

    def __init__(self, *args, own_words=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.own_words = tuple(own_words)
        if self.own_words:
            question = own_words_question(self.own_words).get(get_language() or "zh-hans")
            self.fields["confirmed"].label = question

    @property
    def asked_words(self) -> str:
        """A fingerprint of the words this question quotes, carried by the hidden field."""
        return draft_digest("\n".join(word.quote for word in self.own_words))

    def clean(self):
        cleaned = super().clean()
        # A "no" answers the words it was asked about; new words need their own answer.
        if self.own_words and cleaned.get("words", "") != self.asked_words:
            self.add_error(
                "confirmed",
                _("What you wrote has changed since you answered. Read the question again."),
            )
        return cleaned
