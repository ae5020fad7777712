"""The claim dossier: context -> HTML -> PDF. The only module that calls WeasyPrint.

Two documents come from one template: the dossier to send (the print copies of the evidence)
and the archive copy (the same pages, plus the original files and the manifest embedded as
attachments). Both are tagged PDF/A-3b (docs/decisions/0006-dossier-archive.md). Resources
come only through DossierFetcher; no base_url, no presentational hints, attachments only from
storage.
"""

import io
from dataclasses import dataclass
from datetime import UTC
from functools import lru_cache
from importlib.resources import files

import pydyf
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import CSS, HTML, Attachment
from weasyprint.css import ColorProfile

from claims.domain.eligibility import assess
from claims.dossier import fonts
from claims.dossier.context import build_context, seller_demand
from claims.dossier.english import english_statement
from claims.dossier.fetcher import DossierFetcher
from claims.dossier.manifest import Exhibit, Manifest, new_manifest, numbered_exhibits
from claims.wizard.facts import facts_for_claim

TEMPLATE = "dossier/dossier.html"
STYLESHEET = settings.BASE_DIR / "templates" / "dossier" / "dossier.css"
ENGLISH_TEMPLATE = "dossier/statement_en.html"
ENGLISH_STYLESHEET = settings.BASE_DIR / "templates" / "dossier" / "statement_en.css"
PDF_VARIANT = "pdf/a-3b"
# PDF/A needs an output intent. WeasyPrint's own "srgb" opens its ICC file on every render and
# never closes it (a ResourceWarning each time); we hand it the same profile from memory.
OUTPUT_INTENT = "srgb-iec61966-2-1"
# Tagged, so that a screen reader follows headings, tables and pictures with their alt text
# (with the tags come MarkInfo and DisplayDocTitle). We claim level B, not A: level A's extra
# rules need a validator we do not have (docs/decisions/0006).
PDF_OPTIONS = {"pdf_variant": PDF_VARIANT, "pdf_tags": True, "output_intent": OUTPUT_INTENT}
MANIFEST_NAME = "manifest.json"
PRIVATE_NOTE = "私密：原始文件未遮盖个人信息（拍摄地点已去除），仅供申请人留存，请勿外发。"


class DossierUnavailable(Exception):
    """The system lacks what a readable Chinese PDF needs (a CJK font)."""


@dataclass
class Prepared:
    """The final HTML of one document and what rendering it needs."""

    html: str
    manifest: Manifest
    exhibits: list[Exhibit]
    fetcher: DossierFetcher


def prepare(
    claim, *, manifest=None, english_headings=False, embedded=None, now=None, recipient=None
) -> Prepared:
    """Number the exhibits, fix the manifest (a new one unless given) and write the HTML.

    `embedded`: None for the dossier to send; for the archive copy, the exhibits it embeds.
    `recipient`: who the statement is addressed to (claims/dossier/statement.py).
    """
    exhibits = numbered_exhibits(claim)
    manifest = manifest or new_manifest(claim, exhibits, now)
    # Always Chinese, context included (answers and captions are translated when they are
    # read): the dossier's readers are merchants, payment platforms and 12315.
    with translation.override("zh-hans"):
        context = build_context(
            claim,
            manifest,
            exhibits,
            english_headings=english_headings,
            embedded=embedded,
            recipient=recipient,
        )
        html = render_to_string(TEMPLATE, context)
    fetcher = DossierFetcher([exhibit.item for exhibit in exhibits])
    return Prepared(html, manifest, exhibits, fetcher)


def render_dossier(claim, *, english_headings=False, manifest=None, recipient=None) -> bytes:
    """The dossier to send, always in Chinese; an English UI may add English headings."""
    require_font()
    prepared = prepare(
        claim, manifest=manifest, english_headings=english_headings, recipient=recipient
    )
    return _document(prepared).write_pdf(finisher=_info_outside_object_stream, **PDF_OPTIONS)


def render_archive(
    claim, *, manifest, english_headings=False, target=None, recipient=None
) -> bytes | None:
    """The same document with the originals and the manifest embedded, within the size cap.

    Originals are embedded in exhibit order while the file stays within
    DOSSIER_ARCHIVE_MAX_BYTES; the index marks those left out. With a binary file `target`
    the PDF is written there (None is returned), which spares a copy of a large file in memory.
    """
    require_font()
    cap = settings.DOSSIER_ARCHIVE_MAX_BYTES
    exhibits = numbered_exhibits(claim)
    pages = sum(e.item.print_image.size for e in exhibits if e.item.print_image)
    embedded = _fitting(exhibits, cap - pages - cap // 20)
    output = target if target is not None else io.BytesIO()
    while True:
        prepared = prepare(
            claim,
            manifest=manifest,
            english_headings=english_headings,
            embedded=embedded,
            recipient=recipient,
        )
        output.seek(0)
        output.truncate()
        _document(prepared).write_pdf(
            output,
            attachments=[_manifest_attachment(manifest), *map(_original_attachment, embedded)],
            finisher=_info_outside_object_stream,
            **PDF_OPTIONS,
        )
        if output.tell() <= cap or not embedded:
            return output.getvalue() if target is None else None
        embedded = embedded[:-1]  # the pages took more room than estimated: one fewer


def render_english_statement(claim, *, recipient: str) -> bytes:
    """The user's English reading of the statement to `recipient` (an offered reader): a
    plain one-page PDF, never sent, so neither tagged for archiving nor cached."""
    require_font()
    facts = facts_for_claim(claim)
    assessment = assess(facts)
    demand, due = seller_demand(claim, facts, assessment)
    statement = english_statement(recipient, facts, assessment, demand=demand, due=due)
    with translation.override("en"):
        html = render_to_string(
            ENGLISH_TEMPLATE,
            {"claim": claim, "facts": facts, "s": statement, "exhibits": numbered_exhibits(claim)},
        )
    fetcher = DossierFetcher([])
    stylesheet = CSS(string=ENGLISH_STYLESHEET.read_text(encoding="utf-8"), url_fetcher=fetcher)
    return HTML(string=html, url_fetcher=fetcher).write_pdf(stylesheets=[stylesheet])


def _fitting(exhibits: list[Exhibit], budget: int) -> list[Exhibit]:
    chosen, used = [], 0
    for exhibit in exhibits:
        if used + exhibit.item.size <= budget:
            chosen.append(exhibit)
            used += exhibit.item.size
    return chosen


def require_font() -> None:
    """DossierUnavailable unless a CJK font is installed: no tofu boxes, ever."""
    if not fonts.cjk_font_available():
        raise DossierUnavailable


def _document(prepared: Prepared):
    """Lay out the pages: our HTML and stylesheet, our fetcher, no base_url."""
    stylesheet = CSS(string=STYLESHEET.read_text(encoding="utf-8"), url_fetcher=prepared.fetcher)
    html = HTML(string=prepared.html, url_fetcher=prepared.fetcher)
    return html.render(
        color_profiles={OUTPUT_INTENT: _srgb_profile()}, stylesheets=[stylesheet], **PDF_OPTIONS
    )


def _info_outside_object_stream(_document, pdf) -> None:
    """A finisher: write the document information (and so /Keywords) as a plain object.

    The verify page reads the fingerprint from /Keywords, and pypdf unpacks a whole object
    stream to reach one object in it. pydyf writes a single one, and tagging fills it with a
    structure element per line: for a 60-exhibit dossier, more than the verify page may inflate.
    """
    pdf.info = _PlainDictionary(pdf.info)


class _PlainDictionary(pydyf.Dictionary):
    compressible = False  # pydyf writes it outside the object stream


def _srgb_profile() -> ColorProfile:
    """A fresh profile per document: WeasyPrint writes the PDF's reference onto it."""
    return ColorProfile(
        io.BytesIO(_srgb_icc()), "sRGB2014.icc", "relative-colorimetric", (["r"], ["g"], ["b"])
    )


@lru_cache(maxsize=1)
def _srgb_icc() -> bytes:
    return (files("weasyprint.pdf") / "sRGB2014.icc").read_bytes()


def _manifest_attachment(manifest: Manifest) -> Attachment:
    created = manifest.generated_at.astimezone(UTC)
    return Attachment(
        string=manifest.canonical_json(),
        name=MANIFEST_NAME,
        description="材料清单：此文件的 SHA-256 即本材料指纹。",
        created=created,
        modified=created,
        relationship="Data",
    )


def _original_attachment(exhibit: Exhibit) -> Attachment:
    """An original as uploaded, named by its number only: no user text reaches attachments."""
    item = exhibit.item
    extension = item.original.name.rsplit(".", 1)[-1].lower()
    with item.original.open("rb") as handle:
        data = handle.read()
    uploaded = item.uploaded_at.astimezone(UTC)
    return Attachment(
        string=data,
        name=f"exhibit-{exhibit.number:02d}-original.{extension}",
        description=f"证据{exhibit.number}原始文件，SHA-256 {item.sha256}。{PRIVATE_NOTE}",
        created=uploaded,
        modified=uploaded,
        relationship="Source",
    )
