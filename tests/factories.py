"""Test data built in one place: claims with their evidence, and the facts of a purchase.

Each function makes the plainest valid thing and takes keywords for what a test changes.
"""

import dataclasses
import io
import itertools
from datetime import date, datetime
from decimal import Decimal
from pathlib import PurePosixPath
from zoneinfo import ZoneInfo

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image
from PIL.PngImagePlugin import PngInfo

from claims.demo.claim import complete_answers
from claims.domain.eligibility import Facts
from claims.evidence.pipeline import store_upload
from claims.models import Claim, Evidence
from claims.wizard.signature import sign

SHANGHAI = ZoneInfo("Asia/Shanghai")


# -- claims and their files ---------------------------------------------------------------


def make_claim(*, signed_name: str | None = None, **fields) -> Claim:
    """A consented claim, still in progress; signed when `signed_name` is given, then with the
    demo's answers to every step unless `answers` says otherwise (so it is complete)."""
    if signed_name is not None:
        fields.setdefault("answers", complete_answers())
    claim = Claim.objects.create(consent_version="test", consented_at=timezone.now(), **fields)
    if signed_name is not None:
        sign(claim, signed_name)
    return claim


def png(size=(120, 80), color=(40, 120, 220), label: str = "") -> bytes:
    """A one-colour PNG; a label (a text chunk) makes files of the same picture differ."""
    buffer = io.BytesIO()
    info = PngInfo()
    if label:
        info.add_text("Comment", label)
    Image.new("RGB", size, color).save(buffer, format="PNG", pnginfo=info)
    return buffer.getvalue()


_uploads = itertools.count(1)


def add_evidence(
    claim, *, color=(40, 120, 220), category="transaction", caption="账单", name="bill.png"
) -> Evidence:
    """A one-colour PNG stored through the real upload pipeline, each call a file of its own
    (the same bytes twice in a claim are one exhibit). A signed claim is signed again, as its
    owner must after adding a file, so that it stays complete."""
    data = png(color=color, label=f"upload {next(_uploads)}")
    upload = SimpleUploadedFile(name, data, content_type="image/png")
    item = store_upload(claim, upload, category=category, caption=caption)
    if claim.was_signed:
        sign(claim, claim.signed_name)
    return item


def files_in(storage, folder: str = "") -> list[PurePosixPath]:
    """Every file under folder, walked through the storage API (a folder or a bucket alike)."""
    try:
        directories, files = storage.listdir(folder)
    except FileNotFoundError:  # a local folder nothing was saved to yet
        return []
    found = [PurePosixPath(folder, name) for name in files]
    for directory in directories:
        found += files_in(storage, f"{folder}{directory}/")
    return sorted(found)


# -- facts for the pure domain ------------------------------------------------------------


def make_facts(**overrides) -> Facts:
    """A ¥50 card key bought on 2026-11-20 14:32 that never arrived; override what a test needs."""
    facts = Facts(
        product_type="card_key",
        product_name="王者荣耀点券卡 100元",
        platform_name="星辰卡盟",
        shop_name="星辰数码",
        order_number="KM202611201432001",
        amount=Decimal("50.00"),
        purchased_at=datetime(2026, 11, 20, 14, 32, tzinfo=SHANGHAI),
        payment_method="alipay",
        transaction_number="2026112022001400001234567890",
        problem="not_delivered",
        delivery_overdue=True,
        redeemed=False,
        discovered_on=date(2026, 11, 20),
        description="页面显示“自动发货”，但订单一直是“待发货”。",
        contacted=False,
        contacted_on=None,
        merchant_response="",
        merchant_response_text="",
        refund_promise="no",
        promise_text="",
        promise_conditions_met="",
        no_refund_clause=False,
        clause_text="",
        purchase_confirmation="no",
        today=date(2026, 11, 22),
        operator_name="深圳市星辰数码科技有限公司",
        operator_address="深圳市南山区科技园1号",
    )
    return dataclasses.replace(facts, **overrides)


# Answers that turn make_facts() into another situation; tests merge the ones they need.
CHANGED_MIND = {"problem": "changed_mind", "delivery_overdue": None}
PROMISE = {**CHANGED_MIND, "refund_promise": "yes", "promise_text": "未使用包退"}
PHYSICAL = {**CHANGED_MIND, "product_type": "physical_card"}
INVALID = {"problem": "invalid_key", "delivery_overdue": None}
STOPPED = {"problem": "stopped_working", "delivery_overdue": None, "redeemed": True}
BALANCE = {
    "problem": "balance_stuck",
    "delivery_overdue": None,
    "balance_amount": Decimal("80"),
    "balance_blocked": "cannot_use",
}
MINOR = {
    "buyer_is_minor": True,
    "minor_age": 14,
    "guardian_consented": False,
    "minor_out_of_proportion": True,
}
RESALE = {"purpose": "resale"}
ASKED = {"contacted": True, "contacted_on": date(2026, 11, 21)}
UNKNOWN_OPERATOR = {"operator_name": "", "operator_address": ""}
