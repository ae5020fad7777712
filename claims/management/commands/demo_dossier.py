from pathlib import Path

from django.core.management.base import BaseCommand

from claims.demo.claim import create_sample_claim
from claims.dossier.manifest import new_manifest, numbered_exhibits
from claims.dossier.render import render_archive, render_dossier


class Command(BaseCommand):
    help = "Render the dossier of a realistic sample claim to a PDF file, then forget the claim."

    def add_arguments(self, parser):
        parser.add_argument("out", type=Path, help="where to write the PDF")
        parser.add_argument(
            "--long-text", action="store_true", help="the longest answers the forms take"
        )
        parser.add_argument(
            "--archive", action="store_true", help="the archive copy, with the originals"
        )
        parser.add_argument("--english-headings", action="store_true", help="as for an English UI")

    def handle(self, *args, out: Path, long_text=False, archive=False, **options):
        claim = create_sample_claim(long_text=long_text)
        english = options["english_headings"]
        try:
            if archive:
                manifest = new_manifest(claim, numbered_exhibits(claim))
                pdf = render_archive(claim, manifest=manifest, english_headings=english)
            else:
                pdf = render_dossier(claim, english_headings=english)
        finally:
            claim.delete_with_files()
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(pdf)
        return f"Wrote {out} ({len(pdf) // 1024} KB, sample claim {claim.reference})."
