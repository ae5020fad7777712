from pathlib import Path

from django.core.management.base import BaseCommand

from claims.demo import create_sample_claim
from claims.dossier import render_dossier


class Command(BaseCommand):
    help = "Render the dossier of a realistic sample claim to a PDF file, then forget the claim."

    def add_arguments(self, parser):
        parser.add_argument("out", type=Path, help="where to write the PDF")

    def handle(self, *args, out: Path, **options):
        claim = create_sample_claim()
        try:
            pdf = render_dossier(claim)
        finally:
            claim.delete_with_files()
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(pdf)
        return f"Wrote {out} ({len(pdf) // 1024} KB, sample claim {claim.reference})."
