"""Reading screenshots on our own server: image bytes in, a Reading out.

The engine is RapidOCR with the PP-OCRv4 Chinese models that ship inside its wheel: it loads
once per worker process, downloads nothing, and no image leaves the server (PIPL). This module
knows no database and no queue: readings.py keeps what it reads, tasks.py schedules it.
"""

import io
import warnings
from functools import lru_cache

from django.conf import settings
from PIL import Image, ImageOps

from claims.evidence.images import CLOCKWISE, IMAGE_FORMATS
from claims.screenshots.extract import Reading, TextBox, extract

# Past this many pixels on the long side RapidOCR shrinks the image anyway.
MAX_SIDE = 2000
# A long screenshot (长截图) shrunk whole would make its text too small to read: one taller
# than three widths (phones' own screens are about 2.2) is read in slices 2.5 widths tall,
# overlapping by a quarter width so that every line is whole in one of them.
LONG_WIDTHS = 3.0
SLICE_WIDTHS = 2.5
OVERLAP_WIDTHS = 0.25


@lru_cache(maxsize=1)
def engine():
    """The OCR engine, loaded on first use: the web process never pays for it."""
    from rapidocr_onnxruntime import RapidOCR

    threads = settings.OCR_THREADS or -1
    # Screenshots are upright: the text-direction classifier would only cost time.
    return RapidOCR(
        use_cls=False,
        max_side_len=MAX_SIDE,
        intra_op_num_threads=threads,
        inter_op_num_threads=threads,
    )


def text_boxes(image: Image.Image) -> list[TextBox]:
    """Every line of text on an RGB image, with its box, as the engine found them."""
    width, height = image.size
    if height <= width * LONG_WIDTHS:
        return _engine_boxes(image)
    tall = round(width * SLICE_WIDTHS)
    overlap = round(width * OVERLAP_WIDTHS)
    boxes = []
    for top in range(0, height - overlap, tall - overlap):
        bottom = min(top + tall, height)
        # Each line belongs to the slice whose middle part holds its centre: read once.
        own_from = 0 if top == 0 else top + overlap / 2
        own_to = height if bottom == height else bottom - overlap / 2
        for box in _engine_boxes(image.crop((0, top, width, bottom))):
            moved = TextBox(box.text, box.left, box.top + top, box.right, box.bottom + top)
            if own_from <= (moved.top + moved.bottom) / 2 < own_to:
                boxes.append(moved)
        if bottom == height:
            break
    return boxes


def _engine_boxes(image: Image.Image) -> list[TextBox]:
    result, _elapsed = engine()(image)
    return [TextBox.from_points(points, text) for points, text, _score in result or []]


def open_upright(data: bytes, rotation: int = 0) -> Image.Image:
    """The image as RGB, turned as the user sees it; only formats the evidence step accepts."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        image = Image.open(io.BytesIO(data), formats=list(IMAGE_FORMATS))
    if image.width * image.height > settings.EVIDENCE_MAX_PIXELS:
        raise ValueError("image over the pixel limit")
    image.load()
    ImageOps.exif_transpose(image, in_place=True)
    if rotation in CLOCKWISE:
        image = image.transpose(CLOCKWISE[rotation])
    if image.mode != "RGB":
        background = Image.new("RGB", image.size, "white")
        rgba = image.convert("RGBA")
        background.paste(rgba, mask=rgba.getchannel("A"))
        image = background
    return image


def read_image(data: bytes, rotation: int = 0) -> Reading:
    return extract(text_boxes(open_upright(data, rotation)))
