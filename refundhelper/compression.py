"""Compressed pages (docs/decisions/0014-compressed-pages.md).

Django's GZipMiddleware, with its BREACH mitigation (random bytes in the gzip header, Django
4.2+), for text only: pages, the calendar file, the QR code's SVG. PDFs, pictures and videos
are compressed already; gzipping them again would spend CPU on every download for nothing and
drop the Content-Length that download progress bars need.
"""

from django.middleware.gzip import GZipMiddleware

COMPRESSED_TYPES = ("text/", "application/json", "image/svg+xml")


class TextGZipMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        if not response.get("Content-Type", "").startswith(COMPRESSED_TYPES):
            return response
        return super().process_response(request, response)
