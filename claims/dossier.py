"""The claim dossier: context -> HTML -> PDF. The only module that calls WeasyPrint.

The fetcher denies every URL except the claim's own derived evidence images, read through
the storage API; no base_url is given, so the document can reach nothing else.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from weasyprint import CSS, HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from .answers import FORMS, STEP_FORMS, facts_for_claim, prefixed_step_data
from .eligibility import assess
from .fonts import CJK_FAMILY, cjk_font_available
from .summary import answer_sections

EVIDENCE_SCHEME = "evidence:"
STYLESHEET = settings.BASE_DIR / "templates" / "dossier" / "dossier.css"


class DossierUnavailable(Exception):
    """The system lacks what a readable Chinese PDF needs (a CJK font)."""


class EvidenceOnlyFetcher(URLFetcher):
    def __init__(self, claim):
        super().__init__(allowed_protocols=[])
        self.images = {str(item.pk): item for item in claim.evidence.all()}

    def fetch(self, url, headers=None):
        if url.startswith(EVIDENCE_SCHEME):
            item = self.images.get(url.removeprefix(EVIDENCE_SCHEME))
            if item is not None:
                with item.print_image.open("rb") as handle:
                    body = handle.read()
                return URLFetcherResponse(url, body, headers={"Content-Type": "image/jpeg"})
        raise ValueError(f"Blocked resource in dossier: {url[:40]}")


def dossier_context(claim) -> dict:
    facts = facts_for_claim(claim)
    assessment = assess(facts) if facts else None
    step_data = prefixed_step_data(claim.answers)
    steps = [step for step, _form in STEP_FORMS]
    messages = step_data.get("messages")
    evidence = list(claim.evidence.all())
    return {
        "claim": claim,
        "facts": facts,
        "assessment": assessment,
        "sections": answer_sections(
            step_data,
            steps,
            form_for=lambda step, data: FORMS[step](data=data, prefix=step),
        ),
        "merchant_message": messages.get("messages-merchant_message", "") if messages else "",
        "evidence": evidence,
        "evidence_scheme": EVIDENCE_SCHEME,
        "generated_at": timezone.localtime(),
        "font_family": CJK_FAMILY,
    }


def render_dossier(claim) -> bytes:
    """The dossier of a completed claim, always in Chinese: its readers are Chinese offices."""
    if not cjk_font_available():
        raise DossierUnavailable
    with translation.override("zh-hans"):
        html = render_to_string("dossier/dossier.html", dossier_context(claim))
    fetcher = EvidenceOnlyFetcher(claim)
    stylesheet = CSS(string=STYLESHEET.read_text(encoding="utf-8"), url_fetcher=fetcher)
    document = HTML(string=html, url_fetcher=fetcher)
    return document.write_pdf(stylesheets=[stylesheet])
