"""The real OCR engine on screenshot-like images with known values, checked field by field.

These run RapidOCR itself (about half a second per image on two cores), so they are marked
heavy: CI runs them once.
"""

from datetime import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from claims import tasks
from claims.demo.screenshots import LAYOUTS, Purchase, degrade, expected, to_png, with_values
from claims.evidence.pipeline import store_upload
from claims.models import Evidence
from claims.screenshots import reader, readings
from claims.screenshots.extract import CHINA, Reading
from tests.factories import make_claim

pytestmark = pytest.mark.heavy

WECHAT_PURCHASE = with_values(
    amount=Decimal("30.00"),
    paid_at=datetime(2026, 11, 5, 9, 5, 3, tzinfo=CHINA),
    transaction_number="4200002345202611051234567890",
    order_number="T2026110509050387",
    payee="深圳市小鱼数码科技有限公司",
    product="月卡会员",
    payment_method="零钱",
    status="支付成功",
)
SHOP_PURCHASE = with_values(status="已付款 未发货", payment_method="支付宝")
PURCHASES = {"alipay": Purchase(), "wechat": WECHAT_PURCHASE, "shop": SHOP_PURCHASE}


def differences(got: Reading, wanted: Reading) -> dict:
    return {
        name: (getattr(got, name), getattr(wanted, name))
        for name in (*Reading.FIELDS, "app")
        if getattr(got, name) != getattr(wanted, name)
    }


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
@pytest.mark.parametrize(
    "size, damage",
    [
        ((1080, 2340), {}),
        ((720, 1560), {"noise": 14, "quality": 60}),
        ((1440, 3120), {"blur": 1.2, "quality": 80}),
    ],
    ids=["phone-clean", "small-noisy-jpeg", "large-soft"],
)
def test_the_engine_reads_each_layout_field_by_field(layout, size, damage):
    purchase = PURCHASES[layout]
    data = LAYOUTS[layout](purchase, size=size)
    if damage:
        data = degrade(data, **damage)
    assert differences(reader.read_image(data), expected(layout, purchase)) == {}


def test_a_screenshot_turned_by_the_user_is_read_upright():
    data = LAYOUTS["alipay"](Purchase(), size=(1080, 2340))
    sideways = reader.open_upright(data).rotate(90, expand=True)
    reading = reader.read_image(_png(sideways), rotation=90)
    assert reading.amount == Decimal("648.00")


def test_a_long_screenshot_is_read_in_slices_so_its_text_stays_legible():
    bill = reader.open_upright(LAYOUTS["alipay"](Purchase(), size=(720, 1560)))
    long = Image.new("RGB", (720, 9000), (245, 246, 248))
    long.paste(bill, (0, 9000 - 1560))  # the bill at the bottom of a long page
    assert differences(reader.read_image(_png(long)), expected("alipay")) == {}


@pytest.mark.django_db
def test_the_task_reads_a_stored_screenshot_and_keeps_the_reading_on_its_row():
    claim = make_claim()
    upload = SimpleUploadedFile("bill.png", LAYOUTS["alipay"](Purchase()), "image/png")
    item = store_upload(claim, upload, category=Evidence.Category.TRANSACTION, caption="")
    tasks.request_reading(item)  # the test settings run tasks at once
    item.refresh_from_db()
    state = readings.state_of(item)
    assert state.done
    assert differences(state.reading, expected("alipay")) == {}


@pytest.fixture(autouse=True)
def tasks_run_at_once(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def _png(image) -> bytes:
    return to_png(image)
