"""Helpers that read like a script: start_claim(client), fill_in(client, token, "order")."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from claims.models import Claim

# A full set of answers for every step; walk_to() fills only the steps the wizard asks for.
ANSWERS = {
    "order": {
        "platform_name": "星辰游戏卡盟",
        "site_address": "www.xingchen.example",
        "shop_name": "小鱼数码",
        "order_number": "2026 1122 0387",
        "product_name": "原神 创世结晶 648 点卡",
        "product_type": "card_key",
        "amount": "￥６４８.００",
        "purchased_at": "2026-11-20T21:14",
        "payment_method": "alipay",
        "transfer_requested_by_seller": "",
        "transaction_number": "2026112222001438500512345678",
    },
    "buyer": {"purpose": "personal", "buyer_age": "adult"},
    "minor": {"minor_age": "14", "guardian_consented": "no", "spending_out_of_proportion": "yes"},
    "problem": {
        "problem": "invalid_key",
        "redeemed": "no",
        "discovered_on": "2026-11-20",
        "description": "兑换时提示该兑换码已被使用。",
    },
    "items": {"quantity": "3", "quantity_failed": "2", "same_price": "yes", "amount_claimed": ""},
    "delivery": {"promised_delivery": "instant", "delivery_overdue": "", "key_shown": "nothing"},
    "defect": {"delivered_on": "2026-11-20", "defect_kind": "used", "used_before_confirmed": "no"},
    "receipt": {"delivered_on": "2026-11-22"},
    "balance": {"balance_amount": "200", "balance_blocked": "cannot_withdraw", "site_closed": "no"},
    "contact": {
        "contacted": "yes",
        "contacted_on": "2026-11-21",
        "merchant_response": "refused",
        "merchant_response_text": "虚拟商品概不退换",
        "deadline_given": "no",
        "deadline_on": "",
    },
    "policy": {
        "refund_promise": "no",
        "no_refund_clause": "yes",
        "clause_text": "一经售出概不退换",
        "purchase_confirmation": "no",
    },
    "promise": {"promise_text": "未使用包退", "promise_conditions_met": "yes"},
    "seller": {
        "operator_name": "",
        "operator_address": "",
        "icp_number": "",
        "payee_name": "小鱼数码",
        "sold_on_platform": "unsure",
    },
    "gate": {"confirmed": "no"},
    "assessment": {},
    "evidence": {},
    "identity": {"complainant_name": "李明", "complainant_phone": "138 1234 5678"},
    "messages": None,  # keep the drafted texts
    "review": {},
    "declaration": {"confirm_true": "on", "confirm_unaltered": "on", "full_name": "李明"},
}


def start_claim(client) -> str:
    response = client.post("/", {"consent": "on"})
    assert response.status_code == 302, response.content[:500]
    return response.url.split("/")[2]


def step_url(token: str, step: str) -> str:
    return f"/c/{token}/{step}/"


def form_data(token: str, step: str, answers: dict) -> dict:
    claim = Claim.objects.get(token=token)
    data = {f"claim_{claim.pk}-current_step": step}
    data.update({f"{step}-{name}": value for name, value in answers.items()})
    return data


def fill_in(client, token: str, step: str, follow=False, query="", **overrides):
    answers = dict(ANSWERS[step] or {})
    if step == "messages":
        page = client.get(step_url(token, step))
        if page.status_code == 200:  # otherwise the wizard sends us back: post as is
            form = page.context["wizard"]["form"]
            answers.update({name: form[name].value() for name in form.fields})
    if step == "gate":  # the page carries the words it asks about, as a browser would post
        page = client.get(step_url(token, step))
        if page.status_code == 200:
            form = page.context["wizard"]["form"]
            answers.update(words=form.asked_words, event_notes=form["event_notes"].value() or [])
    answers.update(overrides)
    return client.post(
        step_url(token, step) + query, form_data(token, step, answers), follow=follow
    )


def go_back(client, token: str, step: str, to: str, **typed):
    data = form_data(token, step, typed)
    data["wizard_goto_step"] = to
    return client.post(step_url(token, step), data)


def walk_to(client, token: str, last: str, **answers_by_step):
    """Follow the wizard from the first step, filling each step it asks for, up to `last`.

    answers_by_step overrides answers per step: walk_to(c, t, "assessment", problem={...}).
    """
    step = "order"
    while True:
        response = fill_in(client, token, step, **answers_by_step.get(step, {}))
        assert response.status_code == 302, (step, response.content.decode()[:2000])
        next_step = response.url.split("?")[0].rstrip("/").split("/")[-1]
        if step == last or next_step == "done":  # the declaration signed
            return response
        step = next_step


def png_bytes(size=(640, 1200), color=(40, 120, 220), fmt="PNG", **save_args) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format=fmt, **save_args)
    return buffer.getvalue()


def upload(
    client, token: str, *files, category="transaction", caption="支付宝账单", payment_consent=True
):
    claim = Claim.objects.get(token=token)
    data = {
        f"claim_{claim.pk}-current_step": "evidence",
        "upload-category": category,
        "upload-caption": caption,
        "upload-files": list(files),
        "upload": "1",
    }
    if payment_consent:
        data["upload-payment_consent"] = "on"
    return client.post(step_url(token, "evidence"), data)


def image_file(name="bill.png", **kwargs) -> SimpleUploadedFile:
    fmt = kwargs.pop("fmt", "PNG")
    return SimpleUploadedFile(name, png_bytes(fmt=fmt, **kwargs), content_type="image/png")


def done_plan(response):
    """The done page's own plan. The dossier's HTML, rendered when the page looks for its
    stored copy, has a plan of its own among the contexts the test client records."""
    return next(context["plan"] for context in response.context if "event_form" in context)
