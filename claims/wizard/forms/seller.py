"""Steps about the seller: contact so far, the site's rules and promises, who runs it."""

from django import forms
from django.utils.translation import gettext_lazy as _

from claims.domain.normalize import clean_text
from claims.wizard.forms.fields import (
    YES_NO,
    YES_NO_UNSURE,
    date_field,
    field_errors,
    radio,
    require_when,
    show_if,
    text_area,
)


class ContactForm(forms.Form):
    RESPONSES = [
        ("no_reply", _("They did not reply")),
        ("refused", _("They refused to refund")),
        ("refused_digital", _("They refused, saying digital goods cannot be returned")),
        ("offered_credit", _("They offered only site credit or a coupon")),
        ("promised_nothing_happened", _("They promised to fix it, then nothing happened")),
        ("asked_to_wait", _("They asked me to wait")),
        ("other", _("Something else")),
    ]

    contacted = radio(_("Have you already asked the seller for a refund or delivery?"), YES_NO)
    contacted_on = date_field(_("When did you first ask?"), required=False)
    demand = radio(
        _("Did you ask for a refund, a replacement or a repair that first time?"),
        [
            ("first", _("Yes, in that first message")),
            ("later", _("No, I asked for it later")),
            ("not_yet", _("Not yet: so far I only asked about delivery")),
        ],
        required=False,
        help_text=_("The seller's 15 days to settle count from that request."),
    )
    demanded_on = date_field(
        _("When did you ask for the refund, replacement or repair?"), required=False
    )
    merchant_response = radio(_("What did they answer?"), RESPONSES, required=False)
    merchant_response_text = text_area(_("Their words, if you have them"), 1000, required=False)
    deadline_given = radio(
        _("Did you give them a deadline in writing?"),
        YES_NO,
        required=False,
        help_text=_("For example: 'deliver or refund within 24 hours'."),
    )
    deadline_on = date_field(_("Which day did the deadline end?"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        show_if(
            self,
            "contacted",
            "yes",
            "contacted_on",
            "demand",
            "merchant_response",
            "merchant_response_text",
            "deadline_given",
        )
        show_if(self, "deadline_given", "yes", "deadline_on")
        show_if(self, "demand", "later", "demanded_on")

    def clean_merchant_response_text(self):
        return clean_text(self.cleaned_data["merchant_response_text"])

    def clean(self):
        cleaned = super().clean()
        contacted = cleaned.get("contacted") == "yes"
        require_when(
            self,
            cleaned,
            contacted,
            {
                "contacted_on": _("Enter the date you asked them."),
                "merchant_response": _("Choose what they answered."),
                "deadline_given": _("Tell us whether you gave them a deadline."),
            },
        )
        if not contacted:
            cleaned["merchant_response_text"] = ""
        require_when(
            self,
            cleaned,
            contacted and cleaned.get("deadline_given") == "yes",
            {"deadline_on": _("Enter the day the deadline ended.")},
        )
        cleaned["demand"] = (cleaned.get("demand") or "first") if contacted else ""
        require_when(
            self,
            cleaned,
            cleaned["demand"] == "later",
            {"demanded_on": _("Enter the day you asked for the refund, replacement or repair.")},
        )
        first, demanded = cleaned.get("contacted_on"), cleaned.get("demanded_on")
        if first and demanded and demanded < first:
            self.add_error(
                "demanded_on",
                _("This is before your first contact: enter a day on or after it."),
            )
        return cleaned


class PolicyForm(forms.Form):
    refund_promise = radio(
        _("Did the listing, a notice or the seller promise refunds?"),
        YES_NO_UNSURE,
        help_text=_(
            "For example 未使用可退 (refund if unused), 包退, or 质保7天 (7-day warranty)."
        ),
    )
    no_refund_clause = radio(
        _("Does the site say virtual goods cannot be refunded?"),
        YES_NO,
        help_text=_("For example 虚拟商品一经售出概不退换 in the rules or the checkout page."),
    )
    clause_text = text_area(
        _("Where it says so, and its words"),
        500,
        rows=2,
        required=False,
        help_text=_("For example: 用户协议第7条 “虚拟商品售出不退”."),
    )
    purchase_confirmation = radio(
        _("At checkout, did you have to confirm that the item cannot be returned?"),
        YES_NO_UNSURE,
        help_text=_("A box you ticked yourself, not one that was already ticked."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        show_if(self, "no_refund_clause", "yes", "clause_text")

    def clean_clause_text(self):
        return clean_text(self.cleaned_data["clause_text"])


class PromiseForm(forms.Form):
    promise_text = text_area(
        _("The promise, word for word"),
        500,
        rows=2,
        help_text=_("Copy it from the listing, the notice or the chat."),
    )
    promise_days = forms.IntegerField(
        label=_("Within how many days of buying does it apply?"),
        min_value=1,
        max_value=3650,
        required=False,
        help_text=_(
            "For 购买后7天内未使用可退 enter 7. Leave it empty if the promise has no time limit."
        ),
        error_messages={
            "invalid": _("Enter the number of days as digits, for example 7."),
            "min_value": _("Enter at least 1 day, or leave it empty if there is no limit."),
            "max_value": _("Enter fewer than 3,650 days, or leave it empty if there is no limit."),
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    promise_condition = radio(
        _("What does the promise require?"),
        [
            ("unused", _("That the key or item is unused")),
            ("none", _("Nothing: any refund request within the time")),
            ("other", _("Something else (it is in the words above)")),
        ],
        required=False,
    )
    promise_conditions_met = radio(
        _("Does your case meet the promise's conditions?"),
        YES_NO_UNSURE,
        help_text=_("For example: the key is unused and you asked within the warranty period."),
    )

    def clean_promise_text(self):
        return clean_text(self.cleaned_data["promise_text"])


class SellerForm(forms.Form):
    FRAUD_SIGNS = [
        ("vanished", _("The seller or the site disappeared after I paid")),
        ("false_claims", _("The listing made false claims (fake 'official top-up', fake stock)")),
    ]

    operator_name = forms.CharField(
        label=_("Company or person running the site"),
        max_length=120,
        required=False,
        help_text=_("From the licence (营业执照) or ICP record at the bottom of the site."),
    )
    operator_address = forms.CharField(
        label=_("Address of the company or person"), max_length=200, required=False
    )
    icp_number = forms.CharField(
        label=_("ICP record number"),
        max_length=60,
        required=False,
        help_text=_("For example 粤ICP备12345678号, at the bottom of the homepage."),
    )
    payee_name = forms.CharField(
        label=_("Payee name on your payment record"),
        max_length=120,
        required=False,
        help_text=_("The 收款方 in your Alipay or WeChat bill."),
    )
    sold_on_platform = radio(
        _("Is the shop one of many sellers on a bigger site (分站 on a 主站)?"),
        YES_NO_UNSURE,
    )
    fraud_signs = forms.MultipleChoiceField(
        label=_("Does any of this apply?"),
        choices=FRAUD_SIGNS,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Tick only what you can show with screenshots."),
    )

    def clean(self):
        cleaned = super().clean()
        for name in ("operator_name", "operator_address", "icp_number", "payee_name"):
            cleaned[name] = clean_text(cleaned.get(name) or "")
        return cleaned


def _day(what: str) -> dict:
    return {"invalid": what}


field_errors(
    ContactForm,
    {
        "contacted": {"required": _("Choose whether you have already asked the seller.")},
        "contacted_on": _day(
            _("Enter the day you first asked as year, month and day, for example 2026-11-21.")
        ),
        "demanded_on": _day(
            _(
                "Enter the day you asked for a refund as year, month and day, "
                "for example 2026-11-21."
            )
        ),
        "deadline_on": _day(
            _("Enter the day the deadline ended as year, month and day, for example 2026-11-23.")
        ),
        "merchant_response_text": {
            "max_length": _("Copy their words in %(limit_value)d characters or fewer.")
        },
    },
)
field_errors(
    PolicyForm,
    {
        "refund_promise": {"required": _("Choose whether refunds were promised.")},
        "no_refund_clause": {
            "required": _("Choose whether the site says virtual goods cannot be refunded.")
        },
        "clause_text": {"max_length": _("Copy the clause in %(limit_value)d characters or fewer.")},
        "purchase_confirmation": {
            "required": _("Choose whether you had to confirm this at checkout.")
        },
    },
)
field_errors(
    PromiseForm,
    {
        "promise_text": {
            "required": _("Copy the promise word for word, for example 未使用包退."),
            "max_length": _("Copy the promise in %(limit_value)d characters or fewer."),
        },
        "promise_conditions_met": {
            "required": _("Choose whether your case meets the promise's conditions.")
        },
    },
)
field_errors(
    SellerForm,
    {
        "operator_name": {
            "max_length": _("Enter the company or person in %(limit_value)d characters or fewer.")
        },
        "operator_address": {
            "max_length": _("Enter the address in %(limit_value)d characters or fewer.")
        },
        "icp_number": {
            "max_length": _("Enter the ICP number in %(limit_value)d characters or fewer.")
        },
        "payee_name": {
            "max_length": _("Enter the payee name in %(limit_value)d characters or fewer.")
        },
        "sold_on_platform": {
            "required": _("Choose whether the shop is one of many sellers on a bigger site.")
        },
    },
)
