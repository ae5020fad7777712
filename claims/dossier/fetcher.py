"""The only way the dossier's HTML can reach a resource: deny by default.

WeasyPrint asks its URL fetcher for every image, stylesheet, font, SVG reference and
attachment link. This one answers only `evidence:<pk>` for the print copies of the claim being
rendered, and `evidence:<pk>/<n>` for the pictures of its PDFs and videos, read through the
storage API. No file:, http(s):, data: or any other URL, no redirects (nothing is ever
opened), and the document gets no base_url, so a relative URL has nothing to resolve against.
"""

from weasyprint.urls import URLFetcher, URLFetcherResponse

from claims.dossier.stored import dossier_cache_storage
from claims.evidence import exhibit_images
from claims.models import StoredFile

EVIDENCE_SCHEME = "evidence:"


class BlockedResource(ValueError):
    """A URL the dossier may not fetch; WeasyPrint logs it and leaves the resource out."""


class DossierFetcher(URLFetcher):
    def __init__(self, items):
        """`items`: the claim's evidence; only those with a print copy can be fetched."""
        super().__init__(allowed_protocols=[], allow_redirects=False)
        self.images = {
            f"{EVIDENCE_SCHEME}{item.pk}": item.print_image for item in items if item.print_image
        }
        # The pages and key frames of PDFs and videos: evidence:<pk>/<n>, n counted from 1.
        for item in items:
            for number, name in enumerate(exhibit_images.ready_names(item), start=1):
                stored = StoredFile(dossier_cache_storage(), name)
                self.images[f"{EVIDENCE_SCHEME}{item.pk}/{number}"] = stored
        self.refused: list[str] = []

    def fetch(self, url, headers=None):
        stored = self.images.get(url) if isinstance(url, str) else None
        if stored is None:
            self.refused.append(str(url)[:200])
            raise BlockedResource(f"Blocked resource in dossier: {str(url)[:40]}")
        with stored.storage.open(stored.name, "rb") as handle:
            body = handle.read()
        return URLFetcherResponse(url, body, headers={"Content-Type": "image/jpeg"})

    def open(self, url, data=None, timeout=None):
        # OpenerDirector.open would reach urllib's handlers; everything goes through fetch.
        return self.fetch(getattr(url, "full_url", url))
