"""Keep what is evidence, drop what acts: active content in uploaded originals.

A PDF that runs scripts, acts on its own (open and page actions, form-field triggers), reaches
outside (links, launch, form submission) or carries embedded files or rich media is rewritten
without them (qpdf, through pikepdf); any other PDF is not touched, so a signed statement keeps
a valid signature. An image is cut where its image data ends: a ZIP or HTML page appended to a
picture (a polyglot) goes, the pixels stay. The pipeline calls both before hashing: the
SHA-256 is of what is kept.
"""

import io
import resource
import struct
import threading
import time
import warnings

import pikepdf
from django.utils.translation import gettext as _
from pikepdf import Array, Dictionary, Name, Pdf, Stream
from pikepdf.settings import qpdf_limit_errors, set_qpdf_limits

from claims.evidence.images import EvidenceRejected

# Action types that run code, reach outside the file or play media. A link the reader clicks
# (/URI on a link annotation) is not among them: bank and payment statements carry links, and
# rewriting them would break their signatures; a link that opens by itself is caught as an
# /OpenAction or /AA trigger.
ACTING = frozenset(
    {
        "/JavaScript", "/Launch", "/SubmitForm", "/ImportData", "/GoToR", "/GoToE",
        "/Rendition", "/Movie", "/Sound", "/RichMediaExecute",
    }
)  # fmt: skip
# Entries that hold scripts, triggers, embedded files or rich media wherever they appear:
# /AA (page, annotation and form-field triggers), /JS, the name trees of scripts and embedded
# files, a file specification's embedded file (/EF), rich media, and XFA forms (which script).
ACTIVE_KEYS = frozenset(
    {
        "/AA", "/JS", "/JavaScript", "/EmbeddedFiles", "/EF", "/RichMediaContent",
        "/RichMediaSettings", "/Renditions", "/XFA",
    }
)  # fmt: skip
# Bounds on the work one upload may cost. qpdf inflates an object stream whole before parsing
# it; legitimate ones are a few hundred kilobytes.
FLATE_MAX_BYTES = 32 * 1024 * 1024
MAX_CONTAINER_ITEMS = 100_000
CPU_SECONDS = 2.0  # a 1,500-page statement with 15,000 links: 0.4 s a walk
MEMORY_GROWTH_BYTES = 256 * 1024 * 1024
CHECK_EVERY = 64

# qpdf's limits are process-wide: one cleaning at a time sets and restores them.
_limits_lock = threading.Lock()


class UnreadablePdf(Exception):
    """qpdf cannot read the file: damaged, not a PDF, or locked with a password."""


class LockedPdf(UnreadablePdf):
    """The file needs a password to open."""


class TooCostly(Exception):
    """Checking the file would take more time or memory than any real document needs."""


class NotRemovable(Exception):
    """Active content is still there after the rewrite: the file is refused, not kept."""


# -- PDF ------------------------------------------------------------------------------------


def clean_upload_pdf(data: bytes) -> bytes | None:
    """clean_pdf for an upload: EvidenceRejected, with the reason, when it cannot be done."""
    try:
        return clean_pdf(data)
    except LockedPdf as exc:
        raise EvidenceRejected(
            _("This PDF is locked with a password. Upload a copy without the password.")
        ) from exc
    except UnreadablePdf as exc:
        raise EvidenceRejected(_("This PDF is damaged or incomplete.")) from exc
    except TooCostly as exc:
        raise EvidenceRejected(
            _(
                "This PDF is too complex to check. Print it to a new PDF, or upload "
                "screenshots of its pages."
            )
        ) from exc
    except NotRemovable as exc:
        raise EvidenceRejected(
            _(
                "This PDF holds scripts or embedded files that could not be removed. Print "
                "it to a new PDF, or upload screenshots of its pages."
            )
        ) from exc


def clean_pdf(data: bytes) -> bytes | None:
    """The PDF rewritten without active content, or None when it has none (keep it as is)."""
    with _bounded() as limits:
        try:
            cleaned = _rewritten(data)
        except pikepdf.PasswordError as exc:
            raise LockedPdf from exc
        except (pikepdf.PdfError, ValueError, RecursionError) as exc:
            raise (TooCostly if limits.hit() else UnreadablePdf) from exc
        except MemoryError as exc:
            raise TooCostly from exc
        if limits.hit():
            raise TooCostly  # qpdf went on past a limit with a warning: part went unseen
    return cleaned


def _rewritten(data: bytes) -> bytes | None:
    with Pdf.open(io.BytesIO(data)) as pdf:
        found = _walk(pdf, remove=False, budget=_Budget())
        _require_all_seen(pdf)
        if not found:
            return None
        _walk(pdf, remove=True, budget=_Budget())
        output = io.BytesIO()
        with warnings.catch_warnings():
            # About form widgets Acrobat may not show: the page content is what we keep.
            warnings.simplefilter("ignore", pikepdf.PageCopyWarning)
            # Stream data is copied as it is: never inflated, so never a bomb's worth of work.
            pdf.save(
                output, deterministic_id=True, stream_decode_level=pikepdf.StreamDecodeLevel.none
            )
    with Pdf.open(io.BytesIO(output.getvalue())) as pdf:
        if _walk(pdf, remove=False, budget=_Budget()):
            raise NotRemovable
    return output.getvalue()


def _require_all_seen(pdf: Pdf) -> None:
    """Objects in an object stream qpdf could not inflate are null to us, but a more lenient
    viewer may read them: a file with any such stream is refused, not passed as clean."""
    for warning in pdf.get_warnings():
        if "limit exceeded" in warning:
            raise TooCostly
        if "error decoding stream data" in warning:
            raise UnreadablePdf


def active_content(data: bytes) -> set[str]:
    """The names of the active entries and actions a PDF holds (empty: nothing acts)."""
    with _bounded(), Pdf.open(io.BytesIO(data)) as pdf:
        return _walk(pdf, remove=False, budget=_Budget())


class _bounded:
    """qpdf's parser limits for an uploaded file, restored afterwards."""

    def __enter__(self):
        _limits_lock.acquire()
        self._previous = set_qpdf_limits(
            flate_max_memory=FLATE_MAX_BYTES,
            parser_max_container_size=MAX_CONTAINER_ITEMS,
            max_stream_filters=4,
        )
        self._errors = qpdf_limit_errors()
        return self

    def hit(self) -> bool:
        """Whether qpdf met one of the limits since they were set."""
        return qpdf_limit_errors() > self._errors

    def __exit__(self, *exc_info):
        set_qpdf_limits(**self._previous)
        _limits_lock.release()


class _Budget:
    """CPU time and memory growth, checked between the steps of a walk."""

    def __init__(self):
        self.cpu_end = time.thread_time() + CPU_SECONDS
        self.memory_start = _max_rss_bytes()
        self.steps = 0

    def check(self) -> None:
        self.steps += 1
        if self.steps % CHECK_EVERY:
            return
        if time.thread_time() > self.cpu_end:
            raise TooCostly
        if _max_rss_bytes() - self.memory_start > MEMORY_GROWTH_BYTES:
            raise TooCostly


def _max_rss_bytes() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux counts in KiB


def _walk(pdf: Pdf, *, remove: bool, budget: _Budget) -> set[str]:
    """Every object reachable from the trailer, once; what acts is named (and removed).

    Only what the trailer reaches is written and read by viewers, so the walk starts there
    and resolves objects lazily: qpdf inflates one object stream at a time, under the budget.
    Stream data (page content, images) is never decoded.
    """
    found: set[str] = set()
    seen: set[tuple[int, int]] = set()
    stack = [pdf.trailer]
    while stack:
        budget.check()
        obj = stack.pop()
        if obj.is_indirect:
            if obj.objgen in seen:
                continue
            seen.add(obj.objgen)
        if isinstance(obj, Dictionary | Stream):
            found |= _active_entries(obj, remove=remove)
            children = [obj.get(key) for key in obj]
        else:
            found |= _active_items(obj, remove=remove)
            children = list(obj)
        stack.extend(child for child in children if isinstance(child, Dictionary | Array | Stream))
    return found


def _acting(value) -> str | None:
    """The action type when `value` is an action that acts, else None."""
    if isinstance(value, Dictionary | Stream):
        kind = value.get("/S")
        if isinstance(kind, Name) and str(kind) in ACTING:
            return str(kind)
    return None


def _active_entries(obj, *, remove: bool) -> set[str]:
    found = set()
    for key in list(obj):
        value = obj.get(key)
        name = key if key in ACTIVE_KEYS else _acting(value)
        if name is None and key == "/OpenAction" and not _harmless_open_action(value):
            name = key
        if name is not None:
            found.add(name)
            if remove:
                del obj[key]
    return found


def _active_items(array: Array, *, remove: bool) -> set[str]:
    found = set()
    for index in reversed(range(len(array))):
        name = _acting(array[index])
        if name is not None:
            found.add(name)
            if remove:
                del array[index]
    return found


def _harmless_open_action(value) -> bool:
    """Opening at a page (a destination, or a go-to action with nothing chained) acts on
    nothing; anything else run on opening is an automatic action."""
    if isinstance(value, Array):
        return True
    return (
        isinstance(value, Dictionary) and str(value.get("/S")) == "/GoTo" and "/Next" not in value
    )


# -- images ---------------------------------------------------------------------------------

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# JPEG markers that stand alone, without a length: TEM and the restart markers.
JPEG_STANDALONE = {0x01, *range(0xD0, 0xD8)}
JPEG_SOS, JPEG_EOI = 0xDA, 0xD9


def cut_image(data: bytes) -> bytes:
    """The image without anything after the end of its image data; unchanged when nothing
    follows it or its structure cannot be followed (the decoder then has the last word)."""
    end = _image_end(data)
    return data[:end] if end is not None and end < len(data) else data


def _image_end(data: bytes) -> int | None:
    if data.startswith(b"\xff\xd8"):
        return _jpeg_end(data)
    if data.startswith(PNG_SIGNATURE):
        return _png_end(data)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return 8 + struct.unpack("<I", data[4:8])[0]
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return _gif_end(data)
    if data[4:8] == b"ftyp":
        return _isobmff_end(data)
    return None


def _jpeg_end(data: bytes) -> int | None:
    """After the EOI that ends the main image. The segments are walked by their lengths, so
    an embedded thumbnail (inside APP1) and its own EOI are stepped over whole."""
    pos = 2
    size = len(data)
    while pos < size:
        if data[pos] != 0xFF:
            pos += 1  # stray bytes between segments, which decoders skip too
            continue
        while pos < size and data[pos] == 0xFF:
            pos += 1  # fill bytes
        if pos >= size:
            return None
        marker = data[pos]
        pos += 1
        if marker == JPEG_EOI:
            return pos
        if marker in JPEG_STANDALONE or marker == 0x00:
            continue
        if pos + 2 > size:
            return None
        pos += struct.unpack(">H", data[pos : pos + 2])[0]
        if marker == JPEG_SOS:
            pos = _entropy_end(data, pos)
    return None


def _entropy_end(data: bytes, pos: int) -> int:
    """Where a scan's coded data ends: the first 0xFF followed by a real marker."""
    size = len(data)
    while True:
        pos = data.find(b"\xff", pos)
        if pos < 0 or pos + 1 >= size:
            return size
        following = data[pos + 1]
        if following == 0x00 or 0xD0 <= following <= 0xD7 or following == 0xFF:
            pos += 1  # stuffed byte, restart marker, or fill before a marker
            continue
        return pos


def _png_end(data: bytes) -> int | None:
    pos = len(PNG_SIGNATURE)
    while pos + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        pos += 12 + length
        if kind == b"IEND":
            return pos
    return None


def _gif_end(data: bytes) -> int | None:
    """After the trailer (0x3B), walking the header, colour tables, images and extensions."""
    try:
        pos = 13
        if data[10] & 0x80:
            pos += 3 * 2 ** ((data[10] & 0x07) + 1)
        while True:
            block = data[pos]
            if block == 0x3B:
                return pos + 1
            if block == 0x2C:  # image: descriptor, local colour table, LZW code size, data
                flags = data[pos + 9]
                pos += 10
                if flags & 0x80:
                    pos += 3 * 2 ** ((flags & 0x07) + 1)
                pos = _gif_sub_blocks(data, pos + 1)
            elif block == 0x21:  # extension: label, then data sub-blocks
                pos = _gif_sub_blocks(data, pos + 2)
            else:
                return None
    except IndexError:
        return None


def _gif_sub_blocks(data: bytes, pos: int) -> int:
    while data[pos]:
        pos += data[pos] + 1
    return pos + 1


def _isobmff_end(data: bytes) -> int | None:
    """HEIC: after the last top-level box; bytes that are no box are not part of the file."""
    pos = 0
    size = len(data)
    while pos + 8 <= size:
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        if length == 1 and pos + 16 <= size:
            length = struct.unpack(">Q", data[pos + 8 : pos + 16])[0]
        elif length == 0:
            return size  # the last box runs to the end of the file
        if length < 8 or pos + length > size or not kind.isascii() or not kind.isalnum():
            return pos if pos else None
        pos += length
    return pos
