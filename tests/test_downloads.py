"""Downloaded files are saved under the name the user can read, set in one place."""

import re
from pathlib import Path
from urllib.parse import unquote

import pytest
from django.conf import settings
from django.http import HttpResponse

from claims.downloads import as_attachment, download_name, with_extension
from claims.models import Claim, Evidence
from tests.factories import add_evidence, make_claim

CLAIMS = Path(settings.BASE_DIR) / "claims"
RLO = "\u202e"


def saved_name(header: str) -> str:
    """The file name a browser saves under, from a Content-Disposition value."""
    encoded = re.search(r"filename\*=utf-8''(\S+)", header)
    if encoded:
        return unquote(encoded.group(1))
    return re.search(r'filename="((?:[^"\\]|\\.)*)"', header).group(1)


@pytest.mark.parametrize(
    "hidden",
    [
        *map(chr, range(0x202A, 0x202F)),  # embeddings and overrides
        *map(chr, range(0x2066, 0x206A)),  # isolates
        "\u200e",
        "\u200f",
        "\u061c",  # left-to-right, right-to-left and Arabic letter marks
        "\x00",
        "\t",
        "\n",
        "\r",
        "\x1b",
        "\x7f",
        "\x85",
        "\x9f",  # C0 and C1 controls
        "\u200b",
        "\ufeff",
        "\u2028",  # zero-width space, byte order mark, line separator
    ],
    ids=lambda character: f"U+{ord(character):04X}",
)
def test_it_drops_every_hidden_character_from_a_name(hidden):
    assert download_name(f"付款{hidden}截图.png", fallback="x") == "付款截图.png"


def test_it_shows_the_real_extension_of_a_right_to_left_trick():
    assert download_name(f"付款截图{RLO}gnp.exe", fallback="x") == "付款截图gnp.exe"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("../../etc/passwd", ".._.._etc_passwd"),
        ("a\\b.png", "a_b.png"),
        (f"{RLO}\u2066", "evidence-7"),
        ("  ", "evidence-7"),
        (".", "evidence-7"),
        ("", "evidence-7"),
        ("账单 2026.png", "账单 2026.png"),
    ],
)
def test_it_keeps_a_name_without_folders_and_falls_back_when_nothing_is_left(name, expected):
    assert download_name(name, fallback="evidence-7") == expected


def test_it_encodes_a_chinese_name_the_rfc_6266_way():
    response = as_attachment(HttpResponse(), "账单.png")

    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''%E8%B4%A6%E5%8D%95.png"
    )


def test_it_quotes_an_ascii_name():
    response = as_attachment(HttpResponse(), 'say "hi".pdf')

    assert response["Content-Disposition"] == r'attachment; filename="say \"hi\".pdf"'


def evidence_named(name: str) -> tuple[Claim, Evidence]:
    """A claim's file whose stored name is `name`: uploads clean names today, but rows from
    before that, or written any other way, reach the download as they are."""
    claim = make_claim()
    item = add_evidence(claim)
    Evidence.objects.filter(pk=item.pk).update(original_name=name)
    return claim, item


@pytest.mark.django_db
def test_an_original_downloads_without_its_right_to_left_override(client):
    claim, item = evidence_named(f"付款截图{RLO}gnp.exe")

    response = client.get(f"/c/{claim.token}/evidence/{item.pk}/original/")
    response.close()

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment; filename*=utf-8''")
    # The override is gone, and the checked format's extension ends the name.
    assert saved_name(response["Content-Disposition"]) == "付款截图gnp.exe.png"
    assert response["Content-Type"] == "image/png"


@pytest.mark.django_db
def test_an_original_whose_name_is_all_hidden_gets_a_plain_name(client):
    claim, item = evidence_named(f"{RLO}\u200f\n")

    response = client.get(f"/c/{claim.token}/evidence/{item.pk}/original/")
    response.close()

    assert saved_name(response["Content-Disposition"]) == f"evidence-{item.pk}.png"


@pytest.mark.parametrize(
    ("name", "extensions", "expected"),
    [
        ("账单.png", ("png",), "账单.png"),
        ("账单.PNG", ("png",), "账单.PNG"),
        ("聊天.jpeg", ("jpg", "jpeg"), "聊天.jpeg"),
        ("账单.exe", ("png",), "账单.exe.png"),
        ("录屏", ("mp4", "m4v"), "录屏.mp4"),
        ("任何名字.bin", (), "任何名字.bin"),
    ],
)
def test_a_download_ends_in_the_extension_of_its_checked_format(name, extensions, expected):
    assert with_extension(name, extensions) == expected


def test_every_download_name_goes_through_the_one_helper():
    own = CLAIMS / "downloads.py"
    others = [path for path in CLAIMS.rglob("*.py") if path != own]
    assert len(others) > 20

    for path in others:
        code = path.read_text(encoding="utf-8")
        assert "Content-Disposition" not in code, path
        assert not re.search(r"\bfilename\s*=|as_attachment\s*=", code), path
