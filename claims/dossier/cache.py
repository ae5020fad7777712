"""Rendered dossiers, kept in the evidence storage until what goes into them changes.

A claim's folder dossiers/<pk>/ holds at most one generation: <digest>.json (its manifest),
<digest>.pdf (the dossier) and <digest>-archive.pdf (the archive copy). The digest covers
everything that goes into the document but the generation time and the fingerprint: the HTML,
the stylesheet, the print copies, the pages and frames of PDFs and videos, the renderer's
version and the archive's size cap. Both files of one generation share the manifest, so they
carry the same fingerprint. A new digest deletes the old generation; Claim.delete_with_files
deletes the folder.
"""

import hashlib
import tempfile
from datetime import UTC, datetime

import weasyprint
from django.conf import settings
from django.core.files.base import ContentFile, File

from claims.dossier.manifest import Manifest, new_manifest, numbered_exhibits, record
from claims.dossier.render import STYLESHEET, prepare, render_archive, render_dossier, require_font
from claims.dossier.stored import (
    DOSSIER_CACHE_FOLDER,
    delete_cached_dossiers,
    dossier_cache_storage,
)
from claims.evidence.exhibit_images import ready_names

# The date and fingerprint are left out of the digest: the first render fixes them.
PLACEHOLDER = Manifest(reference="", generated_at=datetime(2000, 1, 1, tzinfo=UTC), exhibits=())


def content_digest(claim, *, english_headings=False) -> str:
    """SHA-256 over everything that decides the document's content, except its date."""
    prepared = prepare(claim, manifest=PLACEHOLDER, english_headings=english_headings)
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


def cached_dossier(claim, *, archive=False, english_headings=False) -> str:
    """The storage name of the claim's current dossier (or archive copy), rendered if needed."""
    require_font()
    storage = dossier_cache_storage()
    digest = content_digest(claim, english_headings=english_headings)
    folder = f"{DOSSIER_CACHE_FOLDER}/{claim.pk}"
    names = {
        "manifest": f"{folder}/{digest}.json",
        "dossier": f"{folder}/{digest}.pdf",
        "archive": f"{folder}/{digest}-archive.pdf",
    }
    wanted = names["archive" if archive else "dossier"]
    if storage.exists(wanted):
        return wanted
    delete_cached_dossiers(claim.pk, keep=names.values())
    manifest = _manifest(storage, claim, names["manifest"])
    if not archive:
        pdf = render_dossier(claim, manifest=manifest, english_headings=english_headings)
        return storage.save(wanted, ContentFile(pdf))
    # The archive can be large: it goes through a temporary file, not memory.
    with tempfile.TemporaryFile() as spool:
        render_archive(claim, manifest=manifest, english_headings=english_headings, target=spool)
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
