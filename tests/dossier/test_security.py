"""What a dossier can reach: only the claim's own print copies, whatever the user typed."""

import io
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from pypdf import PdfReader

from claims.demo.claim import sample_answers
from claims.dossier.fetcher import BlockedResource, DossierFetcher
from claims.dossier.manifest import new_manifest, numbered_exhibits
from claims.dossier.render import render_archive, render_dossier
from claims.evidence.pipeline import store_upload
from claims.models import Claim
from claims.wizard.signature import sign
from tests.factories import add_evidence, make_claim, png


class Trap:
    """A web server on the loopback interface that counts every request it gets."""

    def __init__(self):
        hits = self.hits = []

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                hits.append(self.path)
                if self.path.startswith("/redirect"):
                    self.send_response(302)
                    self.send_header("Location", "file:///etc/passwd")
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", "text/css")
                self.end_headers()
                self.wfile.write(b"body { background: red }")

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)


@pytest.fixture
def trap():
    with Trap() as running:
        yield running


def hostile_urls(trap) -> list[str]:
    return [
        "file:///etc/passwd",
        f"{trap.url}/asset.css",
        f"{trap.url}/redirect",
        "http://169.254.169.254/latest/meta-data/",
        "https://example.com/logo.png",
        "data:text/html;base64,PGgxPmhpPC9oMT4=",
        f"data:image/png;base64,{'iVBORw0KGgo='}",
        "ftp://127.0.0.1/x",
        "/etc/passwd",
        "../../etc/passwd",
        "//127.0.0.1/x",
        "evidence:../../etc/passwd",
        "evidence:999999",
        "EVIDENCE:1",
    ]


def payloads(trap) -> list[str]:
    """Markup and CSS that would fetch or attach something if it were ever interpreted."""
    return [
        f'<link rel="attachment" href="file:///etc/passwd"><img src="{trap.url}/img.png">',
        f"<style>@import url({trap.url}/import.css);</style>",
        f'<svg><image href="{trap.url}/svg.png"/></svg>',
        f'<a rel="attachment" href="{trap.url}/redirect">x</a>',
        '<img src="data:image/png;base64,iVBORw0KGgo=">',
        "<img src=http://169.254.169.254/latest/meta-data/>",
        f"');@import '{trap.url}/css.css';",
    ]


@pytest.mark.django_db
def test_the_fetcher_serves_the_claims_own_print_copies():
    claim = make_claim(signed_name="李明")
    item = add_evidence(claim)

    response = DossierFetcher([item]).fetch(f"evidence:{item.pk}")

    with item.print_image.open("rb") as handle:
        assert response.read() == handle.read()
    assert response.content_type == "image/jpeg"


@pytest.mark.django_db
def test_the_fetcher_refuses_everything_else_and_opens_nothing(trap):
    claim = make_claim(signed_name="李明")
    item = add_evidence(claim)
    fetcher = DossierFetcher([item])

    for url in hostile_urls(trap):
        with pytest.raises(BlockedResource):
            fetcher.fetch(url)
        with pytest.raises(BlockedResource):
            fetcher(url)  # how WeasyPrint calls it
        with pytest.raises(BlockedResource):
            fetcher.open(url)  # urllib's entry point, in case anything reaches it

    assert trap.hits == []
    assert len(fetcher.refused) == 3 * len(hostile_urls(trap))


@pytest.mark.django_db
def test_the_fetcher_refuses_another_claims_evidence():
    claim, other = make_claim(signed_name="李明"), make_claim(signed_name="王芳")
    add_evidence(claim)
    theirs = add_evidence(other, color=(200, 0, 0))

    with pytest.raises(BlockedResource):
        DossierFetcher(claim.evidence.all()).fetch(f"evidence:{theirs.pk}")


def hostile_claim(trap) -> Claim:
    """A completed claim with markup typed into every free-text field the dossier prints."""
    first, *more = payloads(trap)
    joined = "".join(payloads(trap))
    answers = sample_answers()
    answers["order"]["platform_name"] = [first[:100]]
    answers["order"]["shop_name"] = [more[0][:100]]
    answers["order"]["product_name"] = [more[1][:100]]
    answers["order"]["site_address"] = [f"{trap.url}/site"]
    answers["problem"]["description"] = [joined[:1000]]
    answers["contact"]["merchant_response_text"] = [joined[:1000]]
    answers["policy"]["clause_text"] = [joined[:500]]
    answers["messages"] = {"merchant_chat": [joined]}
    claim = make_claim(answers=answers)
    for index, text in enumerate(payloads(trap)):
        name = f"{text.replace('/', '_')[:80]}.png"
        upload = SimpleUploadedFile(name, png(color=(index * 30, 90, 160)))
        store_upload(claim, upload, category="merchant_breach", caption=text[:200])
    sign(claim, more[2][:100])
    claim.events.create(kind="replied", happened_on=timezone.localdate(), note=joined[:500])
    return claim


@pytest.mark.django_db
def test_markup_typed_into_any_field_fetches_nothing_and_attaches_nothing(trap, monkeypatch):
    claim = hostile_claim(trap)
    own = {f"evidence:{item.pk}" for item in claim.evidence.all()}
    asked = []
    original_fetch = DossierFetcher.fetch

    def spy(self, url, headers=None):
        asked.append(url)
        return original_fetch(self, url, headers)

    monkeypatch.setattr(DossierFetcher, "fetch", spy)
    exhibits = numbered_exhibits(claim)
    manifest = new_manifest(claim, exhibits)

    dossier = PdfReader(io.BytesIO(render_dossier(claim, manifest=manifest)))
    archive = PdfReader(io.BytesIO(render_archive(claim, manifest=manifest)))

    assert set(asked) == own  # each print copy, and nothing else was even asked for
    assert trap.hits == []
    assert dossier.attachments == {}
    assert sorted(archive.attachments) == sorted(
        ["manifest.json"] + [f"exhibit-{n:02d}-original.png" for n in range(1, len(own) + 1)]
    )
    text = "".join(page.extract_text() for page in dossier.pages)
    assert "@import" in text and "rel=" in text  # printed as the text it is
    assert b"/URI" not in b"".join(page.get_contents().get_data() for page in dossier.pages)
    annotations = [
        annotation.get_object()
        for page in dossier.pages
        for annotation in page.get("/Annots") or []
    ]
    assert all(annotation["/Subtype"] == "/Link" for annotation in annotations)
    assert all("/URI" not in annotation.get("/A", {}) for annotation in annotations)
