"""Reading an uploaded PDF with bounded work: anyone may post one to /verify/.

Two bounds, because neither is enough alone. pypdf's own limits (a `Configuration` applied
per call) cap what one step can cost: bytes inflated per stream, operators parsed per content
stream, entries in the page tree, arrays and xref streams, form XObjects per page; strict mode
refuses a broken file instead of scanning all of it for repairs, and an encrypted one is
refused outright (pypdf would decrypt it in pure Python). A CPU deadline (this thread's
CPU time) is checked between those steps: on every read of the file (each object pypdf
resolves) and before every content operator it interprets. A hostile file therefore costs at
most the budget plus one bounded step. An interval timer would stop harder but works only in
the main thread; a process per upload would cost more than the parse itself. A garbage
collection that starts during the read is not the file's work: its time is left out.
"""

import gc
import threading
import time
from collections.abc import Iterator

from pypdf import PdfReader, apply_configuration
from pypdf.errors import LimitReachedError

# Our dossiers, measured: inflated streams under 40 KB, under 2,000 operators a page, arrays
# under 500 entries, one page per exhibit. The limits leave a wide margin above that.
# A tagged dossier's cover read as text costs up to 0.15 s on a loaded 2-core machine: the
# budget doubles that, and bench/verify_pdf.py shows the worst hostile POST stays under 0.5 s.
CPU_SECONDS = 0.3
MAX_INFLATED_BYTES = 512 * 1024
MAX_PAGES = 1000
MAX_XREF_ENTRIES = 100_000
LIMITS = {
    "maximum_declared_stream_length": 64 * 1024 * 1024,
    "array_based_stream_maximum_output_length": MAX_INFLATED_BYTES,
    "zlib_maximum_output_length": MAX_INFLATED_BYTES,
    "lzw_maximum_output_length": MAX_INFLATED_BYTES,
    "run_length_maximum_output_length": MAX_INFLATED_BYTES,
    "brotli_maximum_output_length": MAX_INFLATED_BYTES,
    "jbig2_maximum_output_length": MAX_INFLATED_BYTES,
    "stream_decoding_work_maximum_length": 4 * MAX_INFLATED_BYTES,
    "stream_filters_maximum_length": 4,
    "xmp_maximum_input_length": MAX_INFLATED_BYTES,
    # pypdf repairs a damaged deflate stream one byte at a time: allow a short one only.
    "zlib_maximum_recovery_input_length": 16 * 1024,
    "image_maximum_buffer_size": MAX_INFLATED_BYTES,
    "stream_parsing_work_maximum_count": 30_000,
    "array_maximum_element_count": 10_000,
    "dictionary_maximum_element_count": 10_000,
    "xmp_maximum_element_count": 10_000,
    "page_tree_maximum_entries": MAX_PAGES,
    "page_tree_maximum_depth": 20,
    "page_tree_maximum_page_entries": 50 * MAX_PAGES,
    "outline_maximum_entries": 1000,
    "form_fields_maximum_entries": 1000,
    "named_destinations_maximum_entries": 1000,
    "xform_maximum_invocations_per_extraction": 100,
    "xfa_decoding_work_maximum_length": MAX_INFLATED_BYTES,
    "jbig2dec_binary": None,  # never run an outside program on uploaded bytes
    "disable_legacy_handling": True,  # module constants must not widen these limits
}


class TooCostly(Exception):
    """Reading the file would take more work than any PDF of ours needs."""


class _Collections(threading.local):
    """CPU seconds this thread spent in garbage collection (gc.callbacks run in the thread
    whose allocation started it): a full collection of a large heap can take longer than the
    whole budget, and says nothing about the file being read."""

    spent = 0.0
    began = None

    def __call__(self, phase, _info) -> None:
        if phase == "start":
            self.began = time.thread_time()
        elif self.began is not None:
            self.spent += time.thread_time() - self.began
            self.began = None


_COLLECTIONS = _Collections()
gc.callbacks.append(_COLLECTIONS)


class _Deadline:
    def __init__(self, seconds: float):
        self.end = time.thread_time() + seconds
        self.collected_before = _COLLECTIONS.spent

    @property
    def passed(self) -> bool:
        collecting = _COLLECTIONS.spent - self.collected_before
        return time.thread_time() - collecting > self.end

    def check(self, *_operation) -> None:
        if self.passed:
            raise TooCostly


class _WatchedFile:
    """The upload as pypdf reads it, checking the deadline every few reads and seeks.

    pypdf reads a byte at a time in places; asking the clock on each call would triple its cost.
    """

    EVERY = 16

    def __init__(self, fileobj, deadline: _Deadline):
        self._file = fileobj
        self._deadline = deadline
        self._calls = 0

    def read(self, size: int = -1) -> bytes:
        self._tick()
        return self._file.read(size)

    def seek(self, offset: int, whence: int = 0) -> int:
        self._tick()
        return self._file.seek(offset, whence)

    def tell(self) -> int:
        return self._file.tell()

    def _tick(self) -> None:
        self._calls += 1
        if self._calls % self.EVERY == 0:
            self._deadline.check()


def _hit_a_limit(exc: BaseException | None) -> bool:
    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, LimitReachedError | TooCostly | RecursionError):
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False


class BoundedPdf:
    """An uploaded PDF opened under the limits; each method may raise TooCostly.

    Other exceptions mean the file is damaged or not a PDF: pypdf may fail anywhere on those.
    """

    def __init__(self, fileobj, *, cpu_seconds: float = CPU_SECONDS):
        self._deadline = _Deadline(cpu_seconds)
        fileobj.seek(0)
        self._reader = self._bounded(
            PdfReader,
            _WatchedFile(fileobj, self._deadline),
            strict=True,
            xref_stream_maximum_entries=MAX_XREF_ENTRIES,
        )
        if self._reader.is_encrypted:
            # Without a crypto library pypdf decrypts in pure Python, a whole stream at a time
            # and out of the deadline's reach (4 MB: 0.6 s). Our dossiers are never encrypted.
            raise TooCostly

    def metadata(self) -> dict[str, str]:
        """The document information as text, resolved under the limits like the rest."""
        info = self._bounded(lambda: self._reader.metadata or {})
        # Indexing resolves an indirect value; items() would hand back the bare reference.
        return self._bounded(lambda: {str(key): str(info[key]) for key in info})

    def page_texts(self, count: int) -> Iterator[str]:
        """The text of the first `count` pages, one page at a time."""
        for index in range(count):
            if index >= self._bounded(lambda: len(self._reader.pages)):
                return
            page = self._bounded(lambda index=index: self._reader.pages[index])
            yield self._bounded(page.extract_text, visitor_operand_before=self._deadline.check)

    def _bounded(self, call, *args, **kwargs):
        try:
            with apply_configuration(**LIMITS):
                result = call(*args, **kwargs)
        except Exception as exc:
            # pypdf wraps some errors in its own and swallows others, ours included.
            if self._deadline.passed or _hit_a_limit(exc):
                raise TooCostly from exc
            raise
        if self._deadline.passed:
            raise TooCostly
        return result
