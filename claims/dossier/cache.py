"""Rendered dossiers, kept in the evidence storage until what goes into them changes.

A claim's folder dossiers/<pk>/ holds at most one generation: <digest>.json (its manifest),
and per reader (claims/dossier/statement.py) <digest>-<reader digest>-<reader>.pdf (the
dossier) and <digest>-<reader digest>-<reader>-archive.pdf (the archive copy), each rendered
by the task worker (claims/dossier/queue.py). A download finds its file by the reader's digest
alone, which costs one reader's HTML instead of every offered reader's. A reader's digest
covers everything that goes into its document but the generation time and
the fingerprint: the HTML, the stylesheet, the print copies, the pages and frames of PDFs and
videos, the renderer's version and the archive's size cap; the generation's digest covers the
digests of every reader the assessment offers. All files of one generation share the
manifest, so they carry the same fingerprint. A new digest deletes the old generation;
Claim.delete_with_files deletes the folder.
"""

import hashlib
import tempfile
from dataclasses import dataclass
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
# Renders of one copy in a row while the claim keeps changing under them.
RENDER_ATTEMPTS = 3
# Of a reader's digest, the part in the file name: enough to tell its generations apart.
READER_DIGEST_CHARS = 16


class StaleRender(Exception):
    """The claim changed during every attempt to render it."""


class SettingsMismatch(Exception):
    """The task worker would print another dossier than the web server asked for (another
    SITE_URL, stylesheet, renderer or archive cap): its copy would never be found by the
    digest the server computes, and would be asked for again and again."""


def settings_fingerprint() -> str:
    """What, besides the claim, decides every dossier: servers and workers must agree on it."""
    return _sha256(
        settings.SITE_URL,
        STYLESHEET.read_text(encoding="utf-8"),
        weasyprint.__version__,
        str(settings.DOSSIER_ARCHIVE_MAX_BYTES),
    )


def _sha256(*parts: str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode())
        digest.update(b"\0")
    return digest.hexdigest()


@dataclass(frozen=True)
class Copy:
    """One downloadable document of a claim: its reader, archive or not, English headings."""

    recipient: str = DEFAULT_RECIPIENT
    archive: bool = False
    english: bool = False

    @property
    def ending(self) -> str:
        return f"{self.recipient}{'-archive' if self.archive else ''}.pdf"

    def as_args(self) -> list:
        return [self.recipient, self.archive, self.english]


def content_digest(claim, *, english_headings=False, recipient=None) -> str:
    """SHA-256 over everything that decides the document's content, except its date."""
    prepared = prepare(
        claim, manifest=PLACEHOLDER, english_headings=english_headings, recipient=recipient
    )
    return _sha256(
        prepared.html,
        settings_fingerprint(),
        *(exhibit.item.print_image.name or "-" for exhibit in prepared.exhibits),
        # A PDF's pages or a video's frames, once the task worker has made them.
        *(name for exhibit in prepared.exhibits for name in ready_names(exhibit.item)),
    )


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
    offered key of RECIPIENTS, None for the default), rendered here if needed: for the task
    worker, manage.py demo_dossier and tests, never for a web request."""
    copy = Copy(recipient or DEFAULT_RECIPIENT, archive, english_headings)
    for _attempt in range(RENDER_ATTEMPTS):
        name = ready_copy(claim, copy) or render_copy(claim, copy)
        if name is not None:
            return name
    raise StaleRender(claim.pk)


def ready_copy(claim, copy: Copy) -> str | None:
    """The stored file of `copy` as the claim reads now, or None: a file rendered from an
    older state of the claim (stale) is never returned."""
    reader = content_digest(claim, english_headings=copy.english, recipient=copy.recipient)
    tail = f"-{reader[:READER_DIGEST_CHARS]}-{copy.ending}"
    return next((name for name in cached_dossier_names(claim.pk) if name.endswith(tail)), None)


def render_copy(claim, copy: Copy) -> str | None:
    """Render `copy` into the cache and return its name; None when the claim changed while it
    was rendered (the file is then deleted: it would be stale from the start)."""
    require_font()
    storage = dossier_cache_storage()
    digest = generation_digest(claim, english_headings=copy.english)
    reader = content_digest(claim, english_headings=copy.english, recipient=copy.recipient)
    folder = f"{DOSSIER_CACHE_FOLDER}/{claim.pk}"
    manifest_name = f"{folder}/{digest}.json"
    wanted = f"{folder}/{digest}-{reader[:READER_DIGEST_CHARS]}-{copy.ending}"
    if storage.exists(wanted):
        return wanted
    current = [
        name for name in cached_dossier_names(claim.pk) if name.startswith(folder + "/" + digest)
    ]
    delete_cached_dossiers(claim.pk, keep=current)
    manifest = _manifest(storage, claim, manifest_name)
    options = {
        "manifest": manifest,
        "english_headings": copy.english,
        "recipient": copy.recipient,
    }
    if copy.archive:
        # The archive can be large: it goes through a temporary file, not memory.
        with tempfile.TemporaryFile() as spool:
            render_archive(claim, target=spool, **options)
            spool.seek(0)
            saved = storage.save(wanted, File(spool))
    else:
        saved = storage.save(wanted, ContentFile(render_dossier(claim, **options)))
    claim.refresh_from_db()
    now = content_digest(claim, english_headings=copy.english, recipient=copy.recipient)
    if now != reader:
        storage.delete(saved)
        return None
    return saved


def _manifest(storage, claim, name: str) -> Manifest:
    """This generation's manifest: the stored one, or a new one recorded for the verify page."""
    if storage.exists(name):
        with storage.open(name, "rb") as handle:
            return Manifest.from_json(handle.read())
    manifest = new_manifest(claim, numbered_exhibits(claim))
    storage.save(name, ContentFile(manifest.canonical_json()))
    record(manifest)
    return manifest
