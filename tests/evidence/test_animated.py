"""Animated pictures (APNG, GIF, animated WebP) are taken by their first frame (issue 15 item 4)."""

import io

import pytest
from django.utils import translation
from PIL import Image

from claims.dossier.render import prepare
from claims.evidence.pipeline import rotate, store_upload
from claims.models import Claim, Evidence
from tests.evidence.active_samples import animated, picture
from tests.evidence.samples import upload_of
from tests.factories import make_claim
from tests.journey import start_claim, upload, walk_to

# Load the app as a server does: its URLconf imports WeasyPrint, which changes Pillow's globals.
import refundhelper.urls  # noqa: F401  isort: skip

pytestmark = pytest.mark.django_db
RED = (254, 0, 0)


def store(data: bytes, name: str, claim=None) -> Evidence:
    claim = claim or make_claim()
    return store_upload(claim, upload_of(data, name), category="product_state", caption="")


def read(field) -> bytes:
    with field.open("rb") as handle:
        return handle.read()


def colour_of(field) -> tuple[int, int, int]:
    image = Image.open(io.BytesIO(read(field)))
    return image.convert("RGB").getpixel((image.width // 2, image.height // 2))


def near(colour, expected, tolerance=8) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(colour, expected, strict=True))


@pytest.mark.parametrize(
    ("fmt", "name", "content_type", "extension"),
    [
        ("PNG", "recording.png", "image/png", ".png"),
        ("GIF", "recording.gif", "image/gif", ".gif"),
        ("WEBP", "recording.webp", "image/webp", ".webp"),
    ],
)
def test_an_animated_picture_is_accepted_and_printed_by_its_first_frame(
    fmt, name, content_type, extension
):
    data = animated(fmt)

    item = store(data, name)

    assert (item.kind, item.content_type, item.animated) == ("image", content_type, True)
    assert item.original.name.endswith(extension)
    assert read(item.original) == data  # every frame kept
    assert (item.width, item.height) == (40, 40)
    assert near(colour_of(item.print_image), RED)
    assert near(colour_of(item.thumbnail), RED)
    assert Image.open(io.BytesIO(read(item.print_image))).format == "JPEG"


def test_a_still_gif_is_a_plain_picture():
    item = store(picture("GIF"), "shot.gif")

    assert (item.content_type, item.animated, item.file_format) == ("image/gif", False, "GIF")


def test_an_animated_picture_turns_like_any_other():
    item = store(animated("PNG"), "recording.png")

    rotate(item, 1)

    item.refresh_from_db()
    assert item.rotation == 90
    assert near(colour_of(item.print_image), RED)


def test_the_evidence_page_and_the_dossier_say_the_print_copy_is_the_first_frame(client):
    token = start_claim(client)
    client.cookies["rh_language"] = "en"
    walk_to(client, token, "evidence")

    response = upload(
        client,
        token,
        upload_of(animated("PNG"), "recording.png"),
        category="product_state",
        payment_consent=False,
    )

    assert response.status_code == 302
    with translation.override("en"):
        page = client.get(response.url).content.decode()
    assert "animated: the print copy shows its first frame" in page
    assert "动图，打印件为第一帧" in prepare(Claim.objects.get(token=token)).html
