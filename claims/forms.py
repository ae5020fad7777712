"""One form per wizard step. Each clean_* returns a domain value (Decimal, aware datetime)."""

import re
from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Evidence
from .normalize import clean_text, compact_identifier, parse_amount, to_halfwidth

MAX_AMOUNT = Decimal("1000000")
IDENTIFIER = re.compile(r"[A-Za-z0-9_\-./#]+")
YES_NO = [("yes", _("Yes")), ("no", _("No"))]
YES_NO_UNSURE = [("yes", _("Yes")), ("no", _("No")), ("unsure", _("I'm not sure"))]


class LenientDateTimeField(forms.DateTimeField):
    """Accepts the phone picker's value and what people type: 2026年11月20日 14:32, ２０２６/…"""

    def to_python(self, value):
        if isinstance(value, str):
            value = to_halfwidth(value).strip()
            value = re.sub(r"[年月/.]", "-", value).replace("日", " ").replace("时", ":")
            value = re.sub(r"分$", "", re.sub(r"\s+", " ", value)).strip()
        return super().to_python(value)


class LenientDateField(forms.DateField):
    def to_python(self, value):
        if isinstance(value, str):
            value = to_halfwidth(value).strip()
            value = re.sub(r"[年月/.]", "-", value).replace("日", "").strip()
        return super().to_python(value)


DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d"]


def _radio(choices):
    return forms.ChoiceField(choices=choices, widget=forms.RadioSelect)


def show_if(form: forms.Form, controller: str, value: str, *fields: str) -> None:
    """Mark follow-up questions so the page script hides them until they apply.

    Without JavaScript every question shows; the server's clean() decides what is needed.
    """
    for name in fields:
        widget = form.fields[name].widget
        widget.attrs["data-show-if"] = f"{form.add_prefix(controller)}={value}"


def _not_in_future(value):
    if value and value > timezone.localdate():
        raise forms.ValidationError(_("This date is in the future."), code="future")


class OrderForm(forms.Form):
    class ProductType:
        CHOICES = [
            ("card_key", _("Game card key or gift code (卡密)")),
            ("membership", _("Membership or subscription")),
            ("topup", _("Top-up to a game or app account (直充/代充)")),
            ("service", _("Other virtual service (e.g. boosting, account rental)")),
            ("physical_card", _("Physical card sent by post")),
        ]

    PAYMENT_METHODS = [
        ("alipay", _("Alipay")),
        ("wechat", _("WeChat Pay")),
        ("qq_wallet", _("QQ Wallet")),
        ("bank_card", _("Bank card")),
        ("private_transfer", _("Private transfer to the seller (outside the checkout)")),
        ("site_balance", _("The site's own balance")),
        ("other", _("Other")),
    ]

    platform_name = forms.CharField(
        label=_("Website or platform name"),
        max_length=100,
        help_text=_("As shown on the site, e.g. 星辰卡盟."),
    )
    site_address = forms.CharField(
        label=_("Website address"),
        max_length=200,
        required=False,
        help_text=_("Copy it from the browser's address bar."),
    )
    shop_name = forms.CharField(
        label=_("Shop or sub-site name"),
        max_length=100,
        required=False,
        help_text=_("Only if the site has several shops (分站/店铺)."),
    )
    order_number = forms.CharField(
        label=_("Order number"),
        max_length=80,
        help_text=_("Spaces are ignored. Copy it from the order page."),
    )
    product_name = forms.CharField(label=_("What you bought"), max_length=100)
    product_type = _radio(ProductType.CHOICES)
    amount = forms.CharField(
        label=_("Amount paid (yuan)"),
        max_length=30,
        help_text=_("For example 50 or ¥1,280.00."),
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )
    purchased_at = LenientDateTimeField(
        label=_("When you paid"),
        input_formats=DATETIME_FORMATS,
        help_text=_("China time (Beijing)."),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    payment_method = _radio(PAYMENT_METHODS)
    transaction_number = forms.CharField(
        label=_("Payment transaction number"),
        max_length=80,
        required=False,
        help_text=_("In the payment app's bill details (交易单号/订单号)."),
    )

    field_order = [
        "platform_name",
        "site_address",
        "shop_name",
        "order_number",
        "product_name",
        "product_type",
        "amount",
        "purchased_at",
        "payment_method",
        "transaction_number",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["product_type"].label = _("Type of product")
        self.fields["payment_method"].label = _("How you paid")

    def clean_platform_name(self):
        return clean_text(self.cleaned_data["platform_name"])

    def clean_shop_name(self):
        return clean_text(self.cleaned_data["shop_name"])

    def clean_product_name(self):
        return clean_text(self.cleaned_data["product_name"])

    def clean_site_address(self):
        return compact_identifier(self.cleaned_data["site_address"])

    def clean_order_number(self):
        return _identifier(self.cleaned_data["order_number"])

    def clean_transaction_number(self):
        value = self.cleaned_data["transaction_number"]
        return _identifier(value) if value else ""

    def clean_amount(self):
        amount = parse_amount(self.cleaned_data["amount"])
        if amount is None:
            raise forms.ValidationError(
                _("Enter the amount as a number, for example 50 or 49.90."), code="invalid"
            )
        if amount <= 0:
            raise forms.ValidationError(_("The amount must be more than 0."), code="min")
        if amount >= MAX_AMOUNT:
            raise forms.ValidationError(_("The amount must be less than ¥1,000,000."), code="max")
        if amount != amount.quantize(Decimal("0.01")):
            raise forms.ValidationError(_("Use at most two decimal places."), code="decimals")
        return amount.quantize(Decimal("0.01"))

    def clean_purchased_at(self):
        value = self.cleaned_data["purchased_at"]
        if value > timezone.now():
            raise forms.ValidationError(_("The payment time cannot be in the future."))
        return value


def _identifier(value: str) -> str:
    value = compact_identifier(value)
    if len(value) > 64:
        raise forms.ValidationError(
            _("This number is too long (at most 64 characters)."), code="max_length"
        )
    if not IDENTIFIER.fullmatch(value):
        raise forms.ValidationError(
            _("Use only letters, digits and the signs - _ . / #"), code="invalid"
        )
    return value


class ProblemForm(forms.Form):
    PROBLEMS = [
        ("not_delivered", _("I paid but never received the card key or the top-up")),
        ("invalid_key", _("The key I received is invalid or already used")),
        ("wrong_item", _("I received the wrong item (wrong value, region or server)")),
        ("changed_mind", _("Nothing is wrong with it, I no longer want it")),
    ]

    problem = _radio(PROBLEMS)
    delivery_overdue = forms.ChoiceField(
        label=_("Has the promised delivery time passed?"),
        choices=YES_NO,
        widget=forms.RadioSelect,
        required=False,
        help_text=_(
            "Only for orders that never arrived. If the listing says 自动发货 (automatic "
            "delivery), the promised time is right after payment."
        ),
    )
    redeemed = forms.ChoiceField(
        label=_("Did the key or top-up ever work, even once?"),
        choices=YES_NO,
        widget=forms.RadioSelect,
        help_text=_("For example the value reached your game account."),
    )
    discovered_on = LenientDateField(
        label=_("When did you notice the problem?"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        validators=[_not_in_future],
    )
    description = forms.CharField(
        label=_("What happened, in your own words"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Error messages shown when redeeming help most."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["problem"].label = _("What went wrong?")
        show_if(self, "problem", "not_delivered", "delivery_overdue")

    def clean_description(self):
        return clean_text(self.cleaned_data["description"])

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("problem") == "not_delivered" and not cleaned.get("delivery_overdue"):
            self.add_error(
                "delivery_overdue", _("Tell us whether the promised delivery time has passed.")
            )
        return cleaned


class ContactForm(forms.Form):
    RESPONSES = [
        ("no_reply", _("They did not reply")),
        ("refused", _("They refused to refund")),
        ("promised_nothing_happened", _("They promised to fix it, then nothing happened")),
        ("asked_to_wait", _("They asked me to wait")),
        ("other", _("Something else")),
    ]

    contacted = forms.ChoiceField(
        label=_("Have you already contacted the seller about this?"),
        choices=YES_NO,
        widget=forms.RadioSelect,
    )
    contacted_on = LenientDateField(
        label=_("When did you first contact them?"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        validators=[_not_in_future],
    )
    merchant_response = forms.ChoiceField(
        label=_("What did they answer?"),
        choices=RESPONSES,
        widget=forms.RadioSelect,
        required=False,
    )
    merchant_response_text = forms.CharField(
        label=_("Their words, if you have them"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        show_if(
            self, "contacted", "yes", "contacted_on", "merchant_response", "merchant_response_text"
        )

    def clean_merchant_response_text(self):
        return clean_text(self.cleaned_data["merchant_response_text"])

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("contacted") == "yes":
            if not cleaned.get("contacted_on") and "contacted_on" not in self.errors:
                self.add_error("contacted_on", _("Enter the date you contacted them."))
            if not cleaned.get("merchant_response"):
                self.add_error("merchant_response", _("Choose what they answered."))
        else:
            cleaned["contacted_on"] = None
            cleaned["merchant_response"] = ""
            cleaned["merchant_response_text"] = ""
        return cleaned


class PolicyForm(forms.Form):
    refund_promise = forms.ChoiceField(
        label=_("Did the listing, a notice or the seller promise refunds?"),
        choices=YES_NO_UNSURE,
        widget=forms.RadioSelect,
        help_text=_(
            "For example 未使用可退 (refund if unused), 包退, or 质保7天 (7-day warranty)."
        ),
    )
    promise_text = forms.CharField(
        label=_("The promise, word for word"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    promise_conditions_met = forms.ChoiceField(
        label=_("Does your case meet the promise's conditions?"),
        choices=YES_NO_UNSURE,
        widget=forms.RadioSelect,
        required=False,
        help_text=_("For example: the key is unused and you asked within the warranty period."),
    )
    no_refund_clause = forms.ChoiceField(
        label=_("Does the site say virtual goods cannot be refunded?"),
        choices=YES_NO,
        widget=forms.RadioSelect,
        help_text=_("For example 虚拟商品一经售出概不退换 in the rules or the checkout page."),
    )
    clause_text = forms.CharField(
        label=_("Where it says so, and its words"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("For example: 用户协议第7条 “虚拟商品售出不退”."),
    )
    purchase_confirmation = forms.ChoiceField(
        label=_("At checkout, did you have to confirm that the item cannot be returned?"),
        choices=YES_NO_UNSURE,
        widget=forms.RadioSelect,
        help_text=_("A box you ticked yourself, not one that was already ticked."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        show_if(self, "refund_promise", "yes", "promise_text", "promise_conditions_met")
        show_if(self, "no_refund_clause", "yes", "clause_text")

    def clean_promise_text(self):
        return clean_text(self.cleaned_data["promise_text"])

    def clean_clause_text(self):
        return clean_text(self.cleaned_data["clause_text"])

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("refund_promise") == "yes" and not cleaned.get("promise_conditions_met"):
            self.add_error(
                "promise_conditions_met", _("Tell us whether your case meets the promise.")
            )
        if cleaned.get("refund_promise") != "yes":
            cleaned["promise_conditions_met"] = ""
        return cleaned


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


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleImageField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        if not files:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        return [super(MultipleImageField, self).clean(item, initial) for item in files]


class EvidenceUploadForm(forms.Form):
    category = forms.ChoiceField(
        label=_("What do the files show?"),
        choices=Evidence.Category.choices,
        widget=forms.RadioSelect,
    )
    files = MultipleImageField(
        label=_("Screenshots or photos"),
        help_text=_("JPEG, PNG or WebP, up to %(size)s MB each. You can pick several."),
        error_messages={"required": _("Choose at least one file.")},
        widget=MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    caption = forms.CharField(
        label=_("Caption"),
        max_length=200,
        required=False,
        help_text=_("What the file shows, e.g. 'Alipay bill for the order'."),
    )

    def __init__(self, *args, max_megabytes=15, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["files"].help_text = self.fields["files"].help_text % {"size": max_megabytes}

    def clean_caption(self):
        return clean_text(self.cleaned_data["caption"])


class CaptionForm(forms.Form):
    caption = forms.CharField(label=_("Caption"), max_length=200, required=False)

    def clean_caption(self):
        return clean_text(self.cleaned_data["caption"])


class MessagesForm(forms.Form):
    merchant_message = forms.CharField(
        label=_("Message to the seller (in Chinese)"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_("Edit it as you like. It is saved when you continue."),
    )

    def clean_merchant_message(self):
        return self.cleaned_data["merchant_message"].strip()


class ReviewForm(forms.Form):
    """No questions: the step lists every answer with a Change link."""


class DeclarationForm(forms.Form):
    confirm_true = forms.BooleanField(
        label=_("The facts I gave are true and complete."),
        error_messages={"required": _("Confirm that the facts are true.")},
    )
    confirm_unaltered = forms.BooleanField(
        label=_("My evidence files are unaltered, apart from covering personal data."),
        error_messages={"required": _("Confirm that the evidence is unaltered.")},
    )
    full_name = forms.CharField(
        label=_("Your full name"),
        max_length=50,
        help_text=_("Typed here, it signs the declaration in your dossier."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )

    def clean_full_name(self):
        name = clean_text(self.cleaned_data["full_name"])
        if len(name) < 2:
            raise forms.ValidationError(_("Enter your full name."), code="short")
        return name


class StartForm(forms.Form):
    consent = forms.BooleanField(
        label=_(
            "I have read how my data is used and kept, and I agree that RefundHelper "
            "stores it for this claim."
        ),
        error_messages={"required": _("Tick the box to agree before starting.")},
    )
