"""The verify page's work: which dossier a fingerprint or a PDF names, and whether a file is
one of its exhibits.

The answer is only "exhibit N of a dossier generated at T" or "no match": the records hold
hashes and dates, nothing about the claim or its people.
"""

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime

from claims.evidence.pdfs import BoundedPdf, TooCostly
from claims.models import DossierRecord

FINGERPRINT = re.compile(r"[0-9a-f]{64}")
IN_KEYWORDS = re.compile(r"sha256:([0-9a-f]{64})")
# On the cover and in every footer, after the label; text extraction may break the line.
ON_PAGE = re.compile(r"材料指纹(?:（SHA-256）)?([0-9a-f]{64})")
PAGES_TO_READ = 2


@dataclass(frozen=True)
class Verdict:
    known: bool  # a dossier with this fingerprint was generated here (within retention)
    generated_at: datetime | None = None
    exhibit_number: int | None = None  # the file's exhibit number, None when it is not one


def normalise_fingerprint(text: str) -> str | None:
    """The fingerprint as typed or pasted (spaces, line breaks, capitals allowed), or None."""
    compact = "".join(text.split()).lower()
    return compact if FINGERPRINT.fullmatch(compact) else None


def fingerprint_from_pdf(fileobj) -> str | None:
    """The fingerprint a dossier carries: in its metadata, else printed on its first pages.

    TooCostly when the file asks for more work than a dossier ever needs (a hostile PDF).
    """
    try:
        pdf = BoundedPdf(fileobj)
        keywords = pdf.metadata().get("/Keywords", "")
        if found := IN_KEYWORDS.search(keywords):
            return found.group(1)
        for text in pdf.page_texts(PAGES_TO_READ):
            if found := ON_PAGE.search("".join(text.split())):
                return found.group(1)
    except TooCostly:
        raise
    except Exception:  # a damaged PDF, or not a PDF, may fail anywhere in the parser
        return None
    return None


def sha256_of(uploaded) -> str:
    digest = hashlib.sha256()
    for chunk in uploaded.chunks():
        digest.update(chunk)
    return digest.hexdigest()


def check(fingerprint: str, sha256: str) -> Verdict:
    record = DossierRecord.objects.current().filter(fingerprint=fingerprint).first()
    if record is None:
        return Verdict(known=False)
    return Verdict(
        known=True,
        generated_at=record.generated_at,
        exhibit_number=record.exhibit_number(sha256),
    )
