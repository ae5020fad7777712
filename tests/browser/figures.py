"""What a walk costs a phone user, page by page: screens of scrolling, taps, typed fields, bytes.

A tap is a press of a button or link, a radio or box ticked, or a file chooser opened; a typed
field is a field the user fills by typing, counted apart from taps (one a screenshot already
filled in is not typed again). Bytes are what the page and its resources
transferred (the browser's Resource Timing), cached files counting zero.
"""

import io
from dataclasses import dataclass, field

from PIL import Image

PHONE_HEIGHT = 844
TRANSFERRED = """() => [
  ...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource"),
].reduce((total, entry) => total + (entry.transferSize || 0), 0)"""


@dataclass
class PageFigures:
    label: str
    screens: float = 0.0
    taps: int = 0
    typed: int = 0
    bytes: int = 0


@dataclass
class Tally:
    pages: list[PageFigures] = field(default_factory=list)

    def open(self, page, label: str, javascript: bool = True) -> PageFigures:
        """A page as it loaded: its height in phone screens and the bytes it cost. Without
        JavaScript the page cannot be asked: its height is a full-page picture's, and its
        bytes are not counted (0)."""
        if javascript:
            height = page.evaluate("() => document.documentElement.scrollHeight")
            transferred = page.evaluate(TRANSFERRED)
        else:
            height = Image.open(io.BytesIO(page.screenshot(full_page=True))).height
            transferred = 0
        figures = PageFigures(label, screens=round(height / PHONE_HEIGHT, 2), bytes=transferred)
        self.pages.append(figures)
        return figures

    @property
    def current(self) -> PageFigures:
        if not self.pages:
            self.pages.append(PageFigures("(before the first page)"))
        return self.pages[-1]

    def tap(self, count: int = 1) -> None:
        self.current.taps += count

    def type(self) -> None:
        self.current.typed += 1

    @property
    def taps(self) -> int:
        return sum(page.taps for page in self.pages)

    @property
    def typed(self) -> int:
        return sum(page.typed for page in self.pages)

    @property
    def screens(self) -> float:
        return round(sum(page.screens for page in self.pages), 2)

    @property
    def bytes(self) -> int:
        return sum(page.bytes for page in self.pages)

    def table(self) -> str:
        rows = [f"{'page':<28} {'screens':>7} {'taps':>5} {'typed':>5} {'bytes':>8}"]
        rows += [
            f"{page.label:<28} {page.screens:>7.2f} {page.taps:>5} {page.typed:>5} {page.bytes:>8}"
            for page in self.pages
        ]
        rows.append(
            f"{'TOTAL':<28} {self.screens:>7.2f} {self.taps:>5} {self.typed:>5} {self.bytes:>8}"
        )
        return "\n".join(rows)
