"""Values read from screenshots, offered on the order step (and the payee on the seller step).

They fill empty fields only, each marked for the user to check; what the user submits is
what the claim keeps. Later screenshots win over earlier ones for the same field.
"""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _

from claims.domain.normalize import compact_identifier, parse_amount
from claims.screenshots.extract import Reading
from claims.screenshots.forms import ScreenshotForm
from claims.screenshots.readings import ReadingState

STEPS = ("order", "seller")
MARK = "data-read-from"


def payment_choice(reading: Reading) -> str:
    """The order step's payment method for what the screenshot shows, or "" when unsure."""
    if reading.app in ("alipay", "wechat"):
        return reading.app
    text = reading.payment_method.upper()
    for words, choice in (
        (("支付宝", "花呗", "余额宝", "ALIPAY"), "alipay"),
        (("微信", "零钱", "WECHAT"), "wechat"),
        (("QQ",), "qq_wallet"),
        (("银行", "银联", "储蓄卡", "信用卡"), "bank_card"),
        (("余额",), "site_balance"),
    ):
        if any(word in text for word in words):
            return choice
    return ""


def values_for_steps(reading: Reading) -> dict[str, dict[str, str]]:
    """One reading as initial values per step, in the forms' own input formats."""
    order = {
        "amount": f"{reading.amount:.2f}" if reading.amount is not None else "",
        "purchased_at": (
            timezone.localtime(reading.paid_at).strftime("%Y-%m-%dT%H:%M")
            if reading.paid_at
            else ""
        ),
        "order_number": reading.order_number,
        "transaction_number": reading.transaction_number,
        "product_name": reading.product,
        "payment_method": payment_choice(reading),
    }
    seller = {"payee_name": reading.payee}
    return {
        "order": {name: value for name, value in order.items() if value},
        "seller": {name: value for name, value in seller.items() if value},
    }


def suggestions(states: list[ReadingState]) -> dict[str, dict[str, str]]:
    merged = {step: {} for step in STEPS}
    for state in states:
        if state.done:
            for step, values in values_for_steps(state.reading).items():
                merged[step].update(values)
    return merged


def script_values(state: ReadingState) -> dict[str, str]:
    """Prefixed input names and values, for the page script to fill in empty fields."""
    values = values_for_steps(state.reading) if state.done else {}
    return {f"order-{name}": value for name, value in values.get("order", {}).items()}


def mark_read_fields(form: forms.Form, values: dict[str, str]) -> list[str]:
    """Mark what came from a screenshot. Typed answers stay; a differing one gets a note."""
    marked = []
    for name, value in values.items():
        if name not in form.fields:
            continue
        field = form.fields[name]
        if form.is_bound:
            typed = form.data.get(form.add_prefix(name), "")
            if typed and _same(name, field, typed, value):
                continue
            note = _("Your screenshot shows: %(value)s") % {"value": shown(field, value)}
        else:
            note = _("Read from your screenshot: check it.")
        help_text = str(field.help_text or "")
        field.help_text = f"{note} {help_text}".strip()
        field.widget.attrs[MARK] = "screenshot"
        marked.append(name)
    return marked


def shown(field: forms.Field, value: str) -> str:
    if isinstance(field, forms.ChoiceField):
        return str(dict(field.choices).get(value, value))
    if "T" in value and value[:4].isdigit():
        return value.replace("T", " ")
    return value


def _same(name: str, field: forms.Field, typed: str, value: str) -> bool:
    try:
        return _comparable(name, field, typed) == _comparable(name, field, value)
    except forms.ValidationError:
        return False


def _comparable(name: str, field: forms.Field, text: str):
    if name == "amount":
        return parse_amount(text)
    if isinstance(field, forms.DateTimeField):
        return field.to_python(text)
    return compact_identifier(text).lower()


def step_context(wizard, form, context) -> dict:
    """The order and seller steps: the fields a screenshot filled in; on the order step also
    the screenshots read so far and the form to add one."""
    step = wizard.steps.current
    extra = {"read_fields": mark_read_fields(form, wizard.read_values[step])}
    if step == "order":
        extra.update(readings=wizard.readings, screenshot_form=ScreenshotForm(claim=wizard.claim))
    return extra
