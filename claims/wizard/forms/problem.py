"""Steps about what went wrong: the problem and its follow-up step for each kind."""

from django import forms
from django.utils.translation import gettext_lazy as _

from claims.domain.facts import NO_USE_QUESTION
from claims.domain.normalize import clean_text
from claims.wizard.forms.fields import (
    YES_NO,
    YES_NO_UNSURE,
    LenientDateField,
    date_field,
    field_errors,
    radio,
    require_when,
    show_if,
    text_area,
)
from claims.wizard.forms.purchase import parse_money


class ProblemForm(forms.Form):
    PROBLEMS = [
        ("not_delivered", _("I paid but never received the card key or the top-up")),
        ("invalid_key", _("The key I received is invalid or already used")),
        ("wrong_item", _("I received the wrong item (wrong value, region or server)")),
        (
            "stopped_working",
            _("It worked at first, then stopped (account taken back, top-up reversed)"),
        ),
        ("balance_stuck", _("My money is stuck in the site's balance (cannot use or withdraw it)")),
        ("changed_mind", _("Nothing is wrong with it, I no longer want it")),
        ("child_bought", _("My child bought it without my agreement")),
    ]

    problem = radio(_("What went wrong?"), PROBLEMS)
    redeemed = radio(
        _("Did the key or top-up ever work, even once?"),
        YES_NO,
        required=False,
        help_text=_("For example the value reached your game account."),
    )
    discovered_on = date_field(_("When did you notice the problem?"))
    description = text_area(
        _("What happened, in your own words"),
        1000,
        rows=4,
        required=False,
        help_text=_("Error messages shown when redeeming help most."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        asked = "|".join(key for key, _label in self.PROBLEMS if key not in NO_USE_QUESTION)
        show_if(self, "problem", asked, "redeemed")

    def clean_description(self):
        return clean_text(self.cleaned_data["description"])

    def clean(self):
        cleaned = super().clean()
        # A stuck balance or a child's purchase is about the money or the buyer, not the item.
        require_when(
            self,
            cleaned,
            cleaned.get("problem") not in NO_USE_QUESTION,
            {"redeemed": _("Tell us whether it ever worked, even once.")},
        )
        return cleaned


class DeliveryForm(forms.Form):
    promised_delivery = radio(
        _("What delivery time did the site promise?"),
        [
            ("instant", _("Automatic delivery, right after payment (自动发货)")),
            ("within", _("Within a stated time (for example 30 minutes or 24 hours)")),
            ("none", _("No delivery time was stated")),
        ],
    )
    promised_by = LenientDateField(
        label=_("By which day did the site promise to deliver?"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("For 'within 3 days', count from the day you paid. Leave it empty if unsure."),
        error_messages={
            "invalid": _("Enter the day as year, month and day, for example 2026-11-21.")
        },
    )
    delivery_overdue = radio(
        _("Has that time passed?"),
        YES_NO,
        required=False,
        help_text=_("With no stated time, answer whether a reasonable time has passed."),
    )
    key_shown = radio(
        _("What does the order page show?"),
        [
            ("nothing", _("No key, or the top-up is still 'processing'")),
            ("unreadable", _("A key that is cut off, garbled or cannot be copied")),
        ],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        show_if(self, "promised_delivery", "within|none", "delivery_overdue")
        show_if(self, "promised_delivery", "within", "promised_by")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("promised_delivery") == "instant":
            cleaned["delivery_overdue"] = "yes"
        elif cleaned.get("promised_delivery") and not cleaned.get("delivery_overdue"):
            self.add_error("delivery_overdue", _("Tell us whether that time has passed."))
        return cleaned


class DefectForm(forms.Form):
    DEFECTS = [
        ("invalid", _("Rejected as invalid")),
        ("used", _("Already used by someone else")),
        ("wrong_value", _("Wrong value or denomination")),
        ("wrong_region", _("Wrong region or server")),
        ("not_as_described", _("Not as described in the listing")),
        ("recovered", _("The seller took the account or key back")),
        ("reversed", _("The top-up was reversed")),
        ("expired_early", _("The membership ended early")),
        ("other", _("Something else")),
    ]

    delivered_on = date_field(
        _("When did you receive it?"),
        help_text=_("The day the key appeared or the top-up arrived."),
    )
    defect_kind = radio(_("What exactly is wrong?"), DEFECTS)
    used_before_confirmed = radio(
        _("Did the official game or platform service say the key was used before you got it?"),
        YES_NO_UNSURE,
        help_text=_("An official reply like this is the strongest proof you can have."),
    )


class ReceiptForm(forms.Form):
    """R6 B: a mailed card's 7 days count from the day after it arrived, not from the order."""

    delivered_on = date_field(
        _("When did the card reach you?"),
        help_text=_("The day you signed for it or took it from the letterbox."),
    )


class BalanceForm(forms.Form):
    balance_amount = forms.CharField(
        label=_("How much is stuck in the balance (yuan)?"),
        max_length=30,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )
    balance_blocked = radio(
        _("What stops you from using it?"),
        [
            ("cannot_use", _("I cannot buy anything with it")),
            ("cannot_withdraw", _("I cannot withdraw it")),
            ("both", _("Both")),
        ],
    )
    site_closed = radio(
        _("Has the site closed down or disappeared?"),
        YES_NO,
        help_text=_("For example the site is offline or its contacts no longer answer."),
    )

    def clean_balance_amount(self):
        return parse_money(self.cleaned_data["balance_amount"])


def _day(what_required, what_invalid) -> dict:
    return {"required": what_required, "invalid": what_invalid}


field_errors(
    ProblemForm,
    {
        "problem": {"required": _("Choose what went wrong.")},
        "discovered_on": _day(
            _("Enter the day you noticed the problem, for example 2026-11-20."),
            _(
                "Enter the day you noticed the problem as year, month and day, "
                "for example 2026-11-20."
            ),
        ),
        "description": {
            "max_length": _("Write what happened in %(limit_value)d characters or fewer.")
        },
    },
)
field_errors(
    DeliveryForm,
    {
        "promised_delivery": {"required": _("Choose what delivery time the site promised.")},
        "key_shown": {"required": _("Choose what the order page shows.")},
    },
)
field_errors(
    DefectForm,
    {
        "delivered_on": _day(
            _("Enter the day you received it, for example 2026-11-20."),
            _("Enter the day you received it as year, month and day, for example 2026-11-20."),
        ),
        "defect_kind": {"required": _("Choose what exactly is wrong.")},
        "used_before_confirmed": {
            "required": _("Choose whether the official service said the key was used before.")
        },
    },
)
field_errors(
    ReceiptForm,
    {
        "delivered_on": _day(
            _("Enter the day the card reached you, for example 2026-11-22."),
            _("Enter the day the card reached you as year, month and day, for example 2026-11-22."),
        )
    },
)
field_errors(
    BalanceForm,
    {
        "balance_amount": {
            "required": _("Enter how much is stuck in the balance, for example 200."),
            "max_length": _("Enter the amount as a number, for example 200."),
        },
        "balance_blocked": {"required": _("Choose what stops you from using the balance.")},
        "site_closed": {"required": _("Choose whether the site has closed down.")},
    },
)
