"""The first pages of an uploaded PDF as pictures for the dossier, drawn by PDFium (pypdfium2).

Runs in the task worker only, in a child process (claims.evidence.exhibit_images), so one
page that takes PDFium too long or brings it down costs that child, never the worker. Bounded
here as well: at most `max_pages` pages, each at most `max_pixels`, a time budget checked
between pages. Nothing here knows Django.
"""

import io
import math
import time
from dataclasses import dataclass

import pypdfium2 as pdfium

POINTS_PER_INCH = 72
JPEG_QUALITY = 85


class UnreadablePdf(Exception):
    """PDFium cannot open the file (damaged, or locked with a password)."""


class TooCostly(Exception):
    """Drawing the pages would take longer than the file's time budget."""


@dataclass(frozen=True)
class PageImage:
    number: int  # 1-based, as a reader counts pages
    jpeg: bytes
    width: int
    height: int


@dataclass(frozen=True)
class Pages:
    total: int
    images: list[PageImage]


def render_pages(path: str, *, max_pages: int, dpi: int, max_pixels: int, seconds: float) -> Pages:
    """The first `max_pages` pages drawn at `dpi` (less for a page too big for `max_pixels`)."""
    end = time.monotonic() + seconds
    try:
        document = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as exc:
        raise UnreadablePdf(str(exc)) from exc
    try:
        total = len(document)
        images = []
        for index in range(min(total, max_pages)):
            if time.monotonic() > end:
                raise TooCostly
            images.append(_page_image(document, index, dpi=dpi, max_pixels=max_pixels))
    finally:
        document.close()
    return Pages(total=total, images=images)


def page_scale(width_pt: float, height_pt: float, *, dpi: int, max_pixels: int) -> float:
    """Pixels per point: `dpi`, or less so that the page stays within `max_pixels`."""
    scale = dpi / POINTS_PER_INCH
    area = max(width_pt, 1.0) * max(height_pt, 1.0)
    return min(scale, math.sqrt(max_pixels / area))


def _page_image(document, index: int, *, dpi: int, max_pixels: int) -> PageImage:
    page = document[index]
    try:
        width_pt, height_pt = page.get_size()
        scale = page_scale(width_pt, height_pt, dpi=dpi, max_pixels=max_pixels)
        bitmap = page.render(scale=scale, may_draw_forms=True)
        image = bitmap.to_pil().convert("RGB")
    finally:
        page.close()
    out = io.BytesIO()
    # No chroma subsampling: small coloured text stays legible.
    image.save(out, "JPEG", quality=JPEG_QUALITY, subsampling=0, optimize=True)
    return PageImage(index + 1, out.getvalue(), image.width, image.height)
