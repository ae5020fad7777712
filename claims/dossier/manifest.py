"""The dossier's manifest and fingerprint, and the numbers its exhibits carry.

The fingerprint is the SHA-256 of the manifest's canonical JSON (claim reference, generation
time, each exhibit's number and the SHA-256 of its original), not of the PDF, so it can be
printed inside the PDF. The archive copy embeds these exact bytes as manifest.json: anyone can
hash that file and get the fingerprint back.
"""

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone

from claims.evidence.capture_time import Capture, capture_of
from claims.models import DossierRecord, Evidence

MANIFEST_FORMAT = "refundhelper-dossier/1"
# The order of the exhibit index: what was paid, what was delivered, what the seller said.
CATEGORY_ORDER = [value for value, _label in Evidence.Category.choices]


@dataclass(frozen=True)
class Exhibit:
    number: int
    item: Evidence

    @property
    def anchor(self) -> str:
        return f"exhibit-{self.number}"

    @property
    def capture(self) -> Capture | None:
        """When it was taken: the file's own record, else the time in its name."""
        return capture_of(self.item)


@dataclass(frozen=True)
class Manifest:
    reference: str
    generated_at: datetime
    exhibits: tuple[tuple[int, str], ...]  # (number, SHA-256 of the original)

    def canonical_json(self) -> bytes:
        body = {
            "format": MANIFEST_FORMAT,
            "reference": self.reference,
            "generated_at": timezone.localtime(self.generated_at).isoformat(),
            "exhibits": [{"number": number, "sha256": sha} for number, sha in self.exhibits],
        }
        return json.dumps(body, sort_keys=True, separators=(",", ":")).encode("ascii")

    @property
    def fingerprint(self) -> str:
        return hashlib.sha256(self.canonical_json()).hexdigest()

    @classmethod
    def from_json(cls, data: bytes) -> "Manifest":
        body = json.loads(data)
        return cls(
            reference=body["reference"],
            generated_at=datetime.fromisoformat(body["generated_at"]),
            exhibits=tuple((entry["number"], entry["sha256"]) for entry in body["exhibits"]),
        )


def numbered_exhibits(claim) -> list[Exhibit]:
    """Every evidence item with its number (证据1…): by category, then in upload order."""
    items = sorted(
        claim.evidence.all(),
        key=lambda item: (CATEGORY_ORDER.index(item.category), item.uploaded_at, item.pk),
    )
    return [Exhibit(number, item) for number, item in enumerate(items, start=1)]


def new_manifest(claim, exhibits: list[Exhibit], now: datetime | None = None) -> Manifest:
    generated_at = timezone.localtime(now).replace(microsecond=0)
    return Manifest(
        reference=claim.reference,
        generated_at=generated_at,
        exhibits=tuple((exhibit.number, exhibit.item.sha256) for exhibit in exhibits),
    )


def record(manifest: Manifest) -> DossierRecord:
    """Keep what the verify page needs, and drop the records past their retention."""
    DossierRecord.objects.expired().delete()
    found, _created = DossierRecord.objects.get_or_create(
        fingerprint=manifest.fingerprint,
        defaults={
            "generated_at": manifest.generated_at,
            "exhibit_hashes": [
                {"number": number, "sha256": sha} for number, sha in manifest.exhibits
            ],
        },
    )
    return found
