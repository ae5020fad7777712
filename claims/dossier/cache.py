"""Rendered dossiers, kept in the evidence storage until what goes into them changes.

A claim's folder dossiers/<pk>/ holds at most one generation: <digest>.json (its manifest),
and per reader (claims/dossier/statement.py) <digest>-<reader>.pdf (the dossier) and
<digest>-<reader>-archive.pdf (the archive copy), each rendered when first asked for. A
reader's digest covers everything that goes into its document but the generation time and
the fingerprint: the HTML, the stylesheet, the print copies, the pages and frames of PDFs and
videos, the renderer's version and the archive's size cap; the generation's digest covers the
digests of every reader the assessment offers. All files of one generation share the
manifest, so they carry the same fingerprint. A new digest deletes the old generation;
Claim.delete_with_files deletes the folder.
"""

import hashlib
import tempfile
from datetime import UTC, datetime

import weasyprint
from django.conf import settings
from django.core.files.base import ContentFile, File

from claims.domain.eligibility import assess
from claims.dossier.manifest import Manifest, new_manifest, numbered_exhibits, record
from claims.dossier.render import STYLESHEET, prepare, render_archive, render_dossier, require_font
from claims.dossier.statement import DEFAULT_RECIPIENT, offered_recipients
from claims.dossier.stored import (
    DOSSIER_CACHE_FOLDER,
    cached_dossier_names,
    delete_cached_dossiers,
    dossier_cache_storage,
)
from claims.evidence.exhibit_images import ready_names
from claims.wizard.facts import facts_for_claim

# The date and fingerprint are left out of the digest: the first render fixes them.
PLACEHOLDER = Manifest(reference="", generated_at=datetime(2000, 1, 1, tzinfo=UTC), exhibits=())


def content_digest(claim, *, english_headings=False, recipient=None) -> str:
    """SHA-256 over everything that decides the document's content, except its date."""
    prepared = prepare(
        claim, manifest=PLACEHOLDER, english_headings=english_headings, recipient=recipient
    )
    digest = hashlib.sha256()
    for part in (
        prepared.html,
        STYLESHEET.read_text(encoding="utf-8"),
        weasyprint.__version__,
        str(settings.DOSSIER_ARCHIVE_MAX_BYTES),
        *(exhibit.item.print_image.name or "-" for exhibit in prepared.exhibits),
        # A PDF's pages or a video's frames, once the task worker has made them.
        *(name for exhibit in prepared.exhibits for name in ready_names(exhibit.item)),
    ):
        digest.update(part.encode())
        digest.update(b"\0")
    return digest.hexdigest()


def generation_digest(claim, *, english_headings=False) -> str:
    """One digest over every offered reader's: a change for any of them is a new generation."""
    facts = facts_for_claim(claim)
    readers = offered_recipients(facts, assess(facts) if facts else None) or [DEFAULT_RECIPIENT]
    digest = hashlib.sha256()
    for reader in readers:
        digest.update(f"{reader}:".encode())
        digest.update(
            content_digest(claim, english_headings=english_headings, recipient=reader).encode()
        )
    return digest.hexdigest()


def cached_dossier(claim, *, archive=False, english_headings=False, recipient=None) -> str:
    """The storage name of the claim's current dossier (or archive copy) for one reader (an
    offered key of RECIPIENTS, None for the default), rendered if needed."""
    require_font()
    storage = dossier_cache_storage()
    recipient = recipient or DEFAULT_RECIPIENT
    digest = generation_digest(claim, english_headings=english_headings)
    folder = f"{DOSSIER_CACHE_FOLDER}/{claim.pk}"
    manifest_name = f"{folder}/{digest}.json"
    wanted = f"{folder}/{digest}-{recipient}{'-archive' if archive else ''}.pdf"
    if storage.exists(wanted):
        return wanted
    current = [
        name for name in cached_dossier_names(claim.pk) if name.startswith(folder + "/" + digest)
    ]
    delete_cached_dossiers(claim.pk, keep=current)
    manifest = _manifest(storage, claim, manifest_name)
    options = {"manifest": manifest, "english_headings": english_headings, "recipient": recipient}
    if not archive:
        return storage.save(wanted, ContentFile(render_dossier(claim, **options)))
    # The archive can be large: it goes through a temporary file, not memory.
    with tempfile.TemporaryFile() as spool:
        render_archive(claim, target=spool, **options)
        spool.seek(0)
        return storage.save(wanted, File(spool))


def _manifest(storage, claim, name: str) -> Manifest:
    """This generation's manifest: the stored one, or a new one recorded for the verify page."""
    if storage.exists(name):
        with storage.open(name, "rb") as handle:
            return Manifest.from_json(handle.read())
    manifest = new_manifest(claim, numbered_exhibits(claim))
    storage.save(name, ContentFile(manifest.canonical_json()))
    record(manifest)
    return manifest
