"""How much the evidence pipeline costs over the bare image work it cannot avoid.

Run: .venv/bin/python bench/evidence.py [--rounds 5]

Two realistic inputs, made in memory: a 12-megapixel phone JPEG (EXIF with rotation and GPS)
and a 1170x2532 PNG screenshot. Each goes through the whole pipeline (sniff, size checks,
allowlisted open, pixel limit, capture time, SHA-256, decode, EXIF rotation, print copy and
thumbnail, three files stored, one database row) and, in the same run, through a bare Pillow
open + decode + save of the same outputs (same formats, sizes and encoder settings; no
validation, hashing or bookkeeping). The last line is JSON: pipeline_s, bare_s (median round
over both files) and their ratio. The goal is a ratio of at most 1.5.
"""

import argparse
import io
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def phone_photo(size=(4032, 3024)) -> bytes:
    """Noise over gradients compresses and decodes like a photo; a flat colour would not."""
    from PIL import ExifTags, Image

    red = Image.linear_gradient("L").resize(size)
    green = Image.effect_noise(size, 48)
    blue = Image.radial_gradient("L").resize(size)
    photo = Image.merge("RGB", (red, green, blue))
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    exif[ExifTags.Base.Make] = "Xiaomi"
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: (31.0, 13.0, 50.0),
    }
    exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.DateTimeOriginal] = "2026:11:20 21:14:05"
    buffer = io.BytesIO()
    photo.save(buffer, format="JPEG", quality=90, exif=exif)
    return buffer.getvalue()


def screenshot(size=(1170, 2532)) -> bytes:
    """Flat panels and rows of fine detail, like a chat or an order page."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", size, (245, 245, 245))
    draw = ImageDraw.Draw(image)
    noise = Image.effect_noise((1000, 36), 90).convert("RGB")
    for row, top in enumerate(range(160, size[1] - 120, 120)):
        colour = (149, 236, 105) if row % 2 else (255, 255, 255)
        draw.rounded_rectangle((60, top, size[0] - 60, top + 96), radius=18, fill=colour)
        image.paste(noise, (90, top + 30))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def bare(data: bytes) -> None:
    """The irreducible work: open, decode, turn upright, two downscaled JPEGs."""
    from PIL import Image, ImageOps

    from claims.evidence.images import PRINT_MAX_SIDE, PRINT_QUALITY, THUMB_MAX_SIDE, THUMB_QUALITY

    image = Image.open(io.BytesIO(data))
    image.load()
    # As lean as the pipeline (no extra full-size copies), so the ratio shows its overhead.
    ImageOps.exif_transpose(image, in_place=True)
    image = image if image.mode == "RGB" else image.convert("RGB")
    image.thumbnail((PRINT_MAX_SIDE, PRINT_MAX_SIDE), Image.Resampling.LANCZOS)
    image.save(io.BytesIO(), format="JPEG", quality=PRINT_QUALITY, optimize=True, progressive=True)
    image.thumbnail((THUMB_MAX_SIDE, THUMB_MAX_SIDE), Image.Resampling.LANCZOS)
    image.save(io.BytesIO(), format="JPEG", quality=THUMB_QUALITY, optimize=True, progressive=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    rounds = parser.parse_args().rounds

    workdir = tempfile.TemporaryDirectory(prefix="rh-bench-")
    os.environ["VAR_DIR"] = workdir.name
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "refundhelper.settings")
    import django

    django.setup()
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command
    from django.utils import timezone

    from claims.evidence.pipeline import store_upload
    from claims.models import Claim

    call_command("migrate", verbosity=0)
    claim = Claim.objects.create(consent_version="bench", consented_at=timezone.now())
    inputs = [("photo.jpg", phone_photo()), ("screenshot.png", screenshot())]
    for name, data in inputs:
        print(f"{name}: {len(data) / 1e6:.1f} MB", file=sys.stderr)

    def pipeline_round() -> float:
        started = time.perf_counter()
        for name, data in inputs:
            upload = SimpleUploadedFile(name, data)
            store_upload(claim, upload, category="transaction", caption="")
        return time.perf_counter() - started

    def bare_round() -> float:
        started = time.perf_counter()
        for _name, data in inputs:
            bare(data)
        return time.perf_counter() - started

    pipeline_round(), bare_round()  # warm-up: imports, codecs, first database writes
    pipeline_times, bare_times = [], []
    for index in range(rounds):
        # Alternate the order so neither side always runs on a warmer cache.
        if index % 2:
            bare_times.append(bare_round())
            pipeline_times.append(pipeline_round())
        else:
            pipeline_times.append(pipeline_round())
            bare_times.append(bare_round())
        print(
            f"round {index + 1}: pipeline {pipeline_times[-1]:.3f} s, bare {bare_times[-1]:.3f} s",
            file=sys.stderr,
        )
    claim.delete_with_files()
    workdir.cleanup()

    pipeline_s = statistics.median(pipeline_times)
    bare_s = statistics.median(bare_times)
    print(
        json.dumps(
            {
                "pipeline_s": round(pipeline_s, 3),
                "bare_s": round(bare_s, 3),
                "ratio": round(pipeline_s / bare_s, 2),
            }
        )
    )


if __name__ == "__main__":
    main()
