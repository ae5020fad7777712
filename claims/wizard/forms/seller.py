"""Steps about the seller: contact so far, the site's rules and promises, who runs it."""

from django import forms
from django.utils.translation import gettext_lazy as _

from claims.domain.normalize import clean_text
from claims.wizard.forms.fields import (
    YES_NO,
    YES_NO_UNSURE,
    date_field,
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
            "merchant_response",
            "merchant_response_text",
            "deadline_given",
        )
        show_if(self, "deadline_given", "yes", "deadline_on")

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
