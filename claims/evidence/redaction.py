"""Opaque boxes over personal data, as percentages of the image the user sees.

Percentages survive any resolution (the original, the print copy, the thumbnail). Boxes are
kept in the frame of the upright image after the user's rotation; rotating turns them too.
Pure functions; the pixels are painted in evidence.images.
"""

import math
from dataclasses import dataclass

MAX_BOXES = 40
MIN_SIDE = 0.5  # percent: smaller boxes are slips of the finger


class BadBoxes(ValueError):
    """The text does not describe boxes inside the picture."""


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    width: float
    height: float

    def as_list(self) -> list[float]:
        return [self.left, self.top, self.width, self.height]

    def to_pixels(self, size: tuple[int, int]) -> tuple[int, int, int, int]:
        """The smallest pixel rectangle that covers the whole box (rounded outwards)."""
        width, height = size
        x0 = math.floor(self.left * width / 100)
        y0 = math.floor(self.top * height / 100)
        x1 = math.ceil((self.left + self.width) * width / 100)
        y1 = math.ceil((self.top + self.height) * height / 100)
        return max(x0, 0), max(y0, 0), min(x1, width), min(y1, height)


def make_box(left, top, width, height) -> Box:
    """A box clipped to the picture; BadBoxes when it lies outside or is too small."""
    try:
        left, top, width, height = (float(value) for value in (left, top, width, height))
    except (TypeError, ValueError) as exc:
        raise BadBoxes("not numbers") from exc
    if not all(math.isfinite(value) for value in (left, top, width, height)):
        raise BadBoxes("not finite")
    right, bottom = min(left + width, 100.0), min(top + height, 100.0)
    left, top = max(left, 0.0), max(top, 0.0)
    if right - left < MIN_SIDE or bottom - top < MIN_SIDE:
        raise BadBoxes("outside the picture or too small")
    return Box(*(round(value, 2) for value in (left, top, right - left, bottom - top)))


def parse_boxes(text: str) -> list[Box]:
    """'left,top,width,height;…' as the editor writes it."""
    boxes = []
    for part in (text or "").split(";"):
        if part.strip():
            values = part.split(",")
            if len(values) != 4:
                raise BadBoxes("four numbers per box")
            boxes.append(make_box(*values))
    if len(boxes) > MAX_BOXES:
        raise BadBoxes("too many boxes")
    return boxes


def format_boxes(boxes) -> str:
    return ";".join(",".join(f"{value:g}" for value in box.as_list()) for box in boxes)


def from_stored(rows) -> list[Box]:
    return [Box(*row) for row in rows or []]


def to_stored(boxes) -> list[list[float]]:
    return [box.as_list() for box in boxes]


def rotate_boxes(boxes, quarter_turns: int) -> list[Box]:
    """The same boxes after the picture turns by quarter_turns x 90 degrees clockwise."""
    turned = list(boxes)
    for _ in range(quarter_turns % 4):
        turned = [
            Box(round(100 - box.top - box.height, 2), box.left, box.height, box.width)
            for box in turned
        ]
    return turned
