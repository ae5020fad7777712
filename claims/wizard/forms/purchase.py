"""Steps about the purchase: the order, who bought it and why, a minor's details."""

import re
from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from claims.domain.facts import LIMITED_CAPACITY_AGE, MINOR_AGES
from claims.domain.normalize import clean_text, compact_identifier, parse_amount
from claims.wizard.forms.fields import (
    DATETIME_FORMATS,
    YES_NO,
    YES_NO_UNSURE,
    LenientDateTimeField,
    field_errors,
    radio,
    require_when,
    show_if,
)

MAX_AMOUNT = Decimal("1000000")
IDENTIFIER = re.compile(r"[A-Za-z0-9_\-./#]+")


class OrderForm(forms.Form):
    class ProductType:
        CHOICES = [
            ("card_key", _("Game card key or gift code (卡密)")),
            ("membership", _("Membership or subscription")),
            ("topup", _("Top-up to a game or app account (直充/代充)")),
            ("service", _("Other virtual service (e.g. boosting, account rental)")),
            ("physical_card", _("Physical card sent by post")),
            ("site_balance", _("A deposit into the site's own balance (余额充值)")),
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
        required=False,
        help_text=_("Spaces are ignored. Copy it from the order page."),
    )
    no_order_number = forms.BooleanField(
        label=_("No order number (I paid the seller directly)"),
        required=False,
        help_text=_("Then enter the payment transaction number below instead."),
    )
    product_name = forms.CharField(label=_("What you bought"), max_length=100)
    product_type = radio(_("Type of product"), ProductType.CHOICES)
    items = radio(
        _("How many items were in this order?"),
        [("one", _("One")), ("several", _("Several"))],
        help_text=_("For example 5 card keys or 3 months of a membership."),
        required=False,
        initial="one",
    )
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
    payment_method = radio(_("How you paid"), PAYMENT_METHODS)
    transfer_requested_by_seller = radio(
        _("Did the seller ask you to pay this way?"),
        YES_NO,
        required=False,
        help_text=_("For example a QR code or account sent in the chat instead of the checkout."),
    )
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
        "no_order_number",
        "product_name",
        "product_type",
        "items",
        "amount",
        "purchased_at",
        "payment_method",
        "transfer_requested_by_seller",
        "transaction_number",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        show_if(self, "payment_method", "private_transfer", "transfer_requested_by_seller")

    def clean_platform_name(self):
        return clean_text(self.cleaned_data["platform_name"])

    def clean_shop_name(self):
        return clean_text(self.cleaned_data["shop_name"])

    def clean_product_name(self):
        return clean_text(self.cleaned_data["product_name"])

    def clean_site_address(self):
        return compact_identifier(self.cleaned_data["site_address"])

    def clean_order_number(self):
        value = self.cleaned_data["order_number"]
        return _identifier(value) if value else ""

    def clean_items(self):
        return self.cleaned_data["items"] or "one"

    def clean_transaction_number(self):
        value = self.cleaned_data["transaction_number"]
        return _identifier(value) if value else ""

    def clean_amount(self):
        return parse_money(self.cleaned_data["amount"])

    def clean_purchased_at(self):
        value = self.cleaned_data["purchased_at"]
        if value > timezone.now():
            raise forms.ValidationError(_("The payment time cannot be in the future."))
        return value

    def clean(self):
        cleaned = super().clean()
        require_when(
            self,
            cleaned,
            cleaned.get("payment_method") == "private_transfer",
            {"transfer_requested_by_seller": _("Tell us whether the seller asked for it.")},
        )
        # R15: a payment straight to the seller has no order; its transaction number names it.
        no_order = bool(cleaned.get("no_order_number"))
        if no_order:
            cleaned["order_number"] = ""
            if not cleaned.get("transaction_number") and "transaction_number" not in self.errors:
                self.add_error(
                    "transaction_number",
                    _("Without an order number, enter the transaction number from your bill."),
                )
        elif not cleaned.get("order_number") and "order_number" not in self.errors:
            self.add_error(
                "order_number",
                _("Enter the order number, or tick 'No order number' if you paid directly."),
            )
        return cleaned


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


def parse_money(text: str) -> Decimal:
    amount = parse_amount(text)
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


class ItemsForm(forms.Form):
    """Several items in one order: the claim covers the ones that failed, at their price."""

    quantity = forms.IntegerField(
        label=_("How many did you buy?"),
        min_value=2,
        max_value=9999,
        error_messages={
            "required": _("Enter how many items the order had, for example 5."),
            "invalid": _("Enter how many items the order had, for example 5."),
            "min_value": _("Enter 2 or more; for one item go back and choose 'One'."),
            "max_value": _("Enter a number under 10,000."),
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    quantity_failed = forms.IntegerField(
        label=_("How many of them have the problem?"),
        min_value=1,
        help_text=_(
            "Count those that never arrived, are invalid or were used before you got them. "
            "The ones that work are not claimed."
        ),
        error_messages={
            "required": _("Enter how many items have the problem, for example 2."),
            "invalid": _("Enter how many items have the problem, for example 2."),
            "min_value": _("Enter at least 1: the item that has the problem."),
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    same_price = radio(
        _("Did every item cost the same?"),
        YES_NO,
        error_messages={"required": _("Tell us whether every item cost the same.")},
    )
    amount_claimed = forms.CharField(
        label=_("What did the items with the problem cost in total (yuan)?"),
        max_length=30,
        required=False,
        help_text=_("Only the items you claim for, for example 30 or 29.90."),
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        show_if(self, "same_price", "no", "amount_claimed")

    def clean_amount_claimed(self):
        value = self.cleaned_data["amount_claimed"]
        return parse_money(value) if value else None

    def clean(self):
        cleaned = super().clean()
        bought, failed = cleaned.get("quantity"), cleaned.get("quantity_failed")
        if bought and failed and failed > bought:
            self.add_error(
                "quantity_failed",
                _("This cannot be more than the number you bought (%(bought)s).")
                % {"bought": bought},
            )
        require_when(
            self,
            cleaned,
            cleaned.get("same_price") == "no",
            {"amount_claimed": _("Enter what the items with the problem cost, for example 30.")},
        )
        cleaned["amount_claimed"] = cleaned.get("amount_claimed") or None
        return cleaned


class BuyerForm(forms.Form):
    purpose = radio(
        _("What did you buy it for?"),
        [
            ("personal", _("For myself or my family")),
            ("resale", _("To resell it or for a business (代理拿货, 分站进货, 工作室)")),
        ],
        error_messages={"required": _("Choose what you bought it for.")},
    )
    buyer_age = radio(
        _("Who paid?"),
        [("adult", _("An adult (18 or older)")), ("minor", _("A child under 18"))],
        help_text=_("If your child paid, fill in the claim for them as their parent or guardian."),
        error_messages={"required": _("Choose who paid: an adult or a child.")},
    )


field_errors(
    OrderForm,
    {
        "platform_name": {
            "required": _("Enter the name of the website or platform, for example 星辰卡盟."),
            "max_length": _("Enter the site's name in %(limit_value)d characters or fewer."),
        },
        "site_address": {
            "max_length": _("Enter the website address in %(limit_value)d characters or fewer.")
        },
        "shop_name": {
            "max_length": _("Enter the shop's name in %(limit_value)d characters or fewer.")
        },
        "order_number": {
            "max_length": _("Enter the order number in %(limit_value)d characters or fewer.")
        },
        "product_name": {
            "required": _("Enter what you bought, for example 原神 648 点卡."),
            "max_length": _("Enter what you bought in %(limit_value)d characters or fewer."),
        },
        "product_type": {"required": _("Choose the type of product you bought.")},
        "amount": {
            "required": _("Enter the amount you paid, for example 648."),
            "max_length": _("Enter the amount you paid as a number, for example 648."),
        },
        "purchased_at": {
            "required": _("Enter when you paid, for example 2026-11-20 21:14."),
            "invalid": _("Enter when you paid as a date and time, for example 2026-11-20 21:14."),
        },
        "payment_method": {"required": _("Choose how you paid.")},
        "transaction_number": {
            "max_length": _("Enter the transaction number in %(limit_value)d characters or fewer.")
        },
    },
)


class MinorForm(forms.Form):
    minor_age = forms.IntegerField(
        label=_("How old was the child when paying?"),
        min_value=MINOR_AGES.start,
        max_value=MINOR_AGES.stop - 1,
        error_messages={
            "required": _("Enter the child's age when paying, for example 12."),
            "invalid": _("Enter the age as a whole number, for example 12."),
            "min_value": _("Enter the child's age when paying, 0 or more."),
            "max_value": _("Enter the child's age when paying, under 18."),
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    guardian_consented = radio(
        _("Did a parent or guardian agree to this purchase, before or after?"),
        YES_NO,
        error_messages={"required": _("Choose whether a parent or guardian agreed.")},
    )
    # R14: from 8 a child may make purchases that suit their age (民法典 19); only the rest
    # need the guardian. Under 8 the question does not arise, so it is left blank.
    spending_out_of_proportion = radio(
        _("Child aged 8 or older: is this spending more than suits their age?"),
        YES_NO_UNSURE,
        required=False,
        help_text=_(
            "For example, hundreds of yuan on game items by a 10-year-old is more than suits "
            "the age; a few yuan on a snack-sized top-up may not be."
        ),
    )

    def clean(self):
        cleaned = super().clean()
        age = cleaned.get("minor_age")
        require_when(
            self,
            cleaned,
            age is not None and age >= LIMITED_CAPACITY_AGE,
            {
                "spending_out_of_proportion": _(
                    "For a child aged 8 or older, tell us whether the spending is more than "
                    "suits their age, or choose “I'm not sure”."
                )
            },
        )
        return cleaned
