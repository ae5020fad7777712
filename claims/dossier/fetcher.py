"""The only way the dossier's HTML can reach a resource: deny by default.

WeasyPrint asks its URL fetcher for every image, stylesheet, font, SVG reference and
attachment link. This one answers only `evidence:<pk>` for the print copies of the claim being
rendered, read through the storage API. No file:, http(s):, data: or any other URL, no
redirects (nothing is ever opened), and the document gets no base_url, so a relative URL has
nothing to resolve against.
"""

from weasyprint.urls import URLFetcher, URLFetcherResponse

EVIDENCE_SCHEME = "evidence:"


class BlockedResource(ValueError):
    """A URL the dossier may not fetch; WeasyPrint logs it and leaves the resource out."""


class DossierFetcher(URLFetcher):
    def __init__(self, items):
        """`items`: the claim's evidence; only those with a print copy can be fetched."""
        super().__init__(allowed_protocols=[], allow_redirects=False)
        self.images = {f"{EVIDENCE_SCHEME}{item.pk}": item for item in items if item.print_image}
        self.refused: list[str] = []

    def fetch(self, url, headers=None):
        item = self.images.get(url) if isinstance(url, str) else None
        if item is None:
            self.refused.append(str(url)[:200])
            raise BlockedResource(f"Blocked resource in dossier: {str(url)[:40]}")
        with item.print_image.open("rb") as handle:
            body = handle.read()
        return URLFetcherResponse(url, body, headers={"Content-Type": "image/jpeg"})

    def open(self, url, data=None, timeout=None):
        # OpenerDirector.open would reach urllib's handlers; everything goes through fetch.
        return self.fetch(getattr(url, "full_url", url))
