"""Uploaded PDFs are read with bounded work: size limits per step, a CPU budget overall."""

import ast
import gc
import io
import time
from pathlib import Path

import pytest

from claims.evidence import pdfs
from claims.evidence.pdfs import BoundedPdf, TooCostly
from tests.evidence import crafted_pdfs
from tests.evidence.crafted_pdfs import CORPUS, SHOWN_TEXT, document, pages

CLAIMS = Path(__file__).resolve().parents[2] / "claims"
PDF_LIBRARIES = {"pypdf", "pikepdf", "PyPDF2", "fitz", "pdfminer"}
# pypdf sees the loop and skips the form: read quickly, nothing in it.
READ_QUICKLY = {"form XObject drawing itself"}


def read_all(data: bytes, **limits) -> list[str]:
    pdf = BoundedPdf(io.BytesIO(data), **limits)
    pdf.metadata()
    return list(pdf.page_texts(2))


def test_it_reads_the_text_of_a_plain_pdf():
    plain = document(pages([SHOWN_TEXT, SHOWN_TEXT, SHOWN_TEXT]))

    assert read_all(plain) == ["RefundHelper", "RefundHelper"]


def test_it_reads_metadata_held_in_another_object():
    objects = pages([SHOWN_TEXT])
    objects[20] = b"<</Keywords 21 0 R>>"
    objects[21] = b"(sha256:abc)"

    pdf = BoundedPdf(io.BytesIO(document(objects, trailer=b"/Info 20 0 R")))

    assert pdf.metadata() == {"/Keywords": "sha256:abc"}


def test_it_refuses_an_encrypted_pdf_before_decrypting_anything():
    locked = crafted_pdfs.encrypted()
    started = time.process_time()

    with pytest.raises(TooCostly):
        BoundedPdf(io.BytesIO(locked))

    assert time.process_time() - started < 0.1  # decrypting its page takes about 0.6 s


@pytest.mark.parametrize("name", sorted(set(CORPUS) - READ_QUICKLY))
def test_it_refuses_each_crafted_pdf_within_its_budget(name):
    data = CORPUS[name]()
    started = time.process_time()

    with pytest.raises(TooCostly):
        read_all(data)

    assert time.process_time() - started < 2  # generous; bench/verify_pdf.py holds the goal


def test_it_reads_a_looping_form_once():
    started = time.process_time()

    # A roomy budget: this test is about the loop being cut, not about the clock (a loaded
    # machine's first parse pays for pypdf's lazy imports).
    text = read_all(crafted_pdfs.self_drawing_form(), cpu_seconds=2)
    assert text[0].startswith("RefundHelper")
    assert time.process_time() - started < 2


def test_it_stops_at_the_cpu_budget_when_every_step_is_under_its_limit():
    forms = crafted_pdfs.many_forms()
    # The reader's budget leaves out garbage collections (5dfdca8): so does this clock. Late
    # in a long test worker a full collection of its heap can spend the bound on its own.
    gc.collect()
    gc.disable()
    try:
        started = time.process_time()
        with pytest.raises(TooCostly):
            read_all(forms, cpu_seconds=0.05)
        spent = time.process_time() - started
    finally:
        gc.enable()

    # The old reader spent about 30 s on this file; each step alone stays under the limits.
    assert spent < 0.5


def test_it_counts_the_budget_from_opening_the_file():
    plain = document(pages([SHOWN_TEXT]))

    with pytest.raises(TooCostly):
        read_all(plain, cpu_seconds=0)


def test_it_caps_what_one_stream_may_inflate_to():
    with pytest.raises(TooCostly) as refused:
        read_all(crafted_pdfs.flate_bomb(megabytes=1), cpu_seconds=60)

    assert "decompressing" in str(refused.value.__cause__)


def test_it_leaves_pypdf_unbounded_outside_the_reader():
    from pypdf import get_configuration

    read_all(document(pages([SHOWN_TEXT])))

    assert get_configuration().zlib_maximum_output_length > 10 * 1024 * 1024


def test_it_is_the_only_module_that_opens_a_pdf():
    """Every parse of an uploaded PDF anywhere in the app goes through a bounded reader."""
    importers = set()
    for path in CLAIMS.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            if any(name.split(".")[0] in PDF_LIBRARIES for name in names):
                importers.add(path.relative_to(CLAIMS.parent).as_posix())

    # evidence.active opens uploads with qpdf under its own limits (memory, CPU, nesting).
    assert importers == {"claims/evidence/pdfs.py", "claims/evidence/active.py"}


def test_a_garbage_collection_during_the_read_does_not_count_against_its_budget():
    """The budget bounds what the file makes us do; a full collection of a large heap that
    happens to start meanwhile (late in a long test run, or in a busy worker) is not that."""
    heap = [[number] for number in range(1_500_000)]
    deadline = pdfs._Deadline(0.05)
    began = time.thread_time()
    gc.collect()
    assert time.thread_time() - began > 0.05  # the collection alone spent the budget
    assert not deadline.passed
    del heap

    spent = pdfs._Deadline(0.05)
    while time.thread_time() - began < 1.0 and not spent.passed:
        sum(range(10_000))  # the reader's own work still runs out of time
    assert spent.passed
