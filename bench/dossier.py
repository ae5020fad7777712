"""How much the dossier costs over WeasyPrint alone, and how big and heavy it is.

Run: .venv/bin/python bench/dossier.py [--rounds 5] [--skip-60]

A claim with 12 phone screenshots (1170x2532 PNG) and 3 twelve-megapixel JPEG photos, made in
memory and uploaded through the evidence pipeline. In the same run:
- render_dossier(claim) (context, HTML, fetcher reading the print copies from storage, PDF);
- WeasyPrint alone on the exact final HTML render_dossier produced, with the same prepared
  images already in memory and the same PDF options (bare);
- that HTML with the original images instead of the prepared ones (naive);
- the archive copy (render_archive), with the originals embedded;
- a 60-exhibit claim, to show it renders.
Peak RSS is the process's high-water mark during render_dossier (freed memory handed back
and the mark reset through /proc/self/clear_refs before each round; the largest is reported),
measured in rounds of render_dossier alone before the timed rounds, which alternate with the
bare render (their peaks, higher by what the bare render leaves cached, are printed too).
The last line is JSON; goals: render_s <= 1.15 x bare_render_s, pdf_bytes <= 8 MB,
peak_rss_mb <= 300.
"""

import argparse
import contextlib
import ctypes
import gc
import io
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.evidence import phone_photo, screenshot  # noqa: E402

SCREENSHOTS, PHOTOS, MANY = 12, 3, 60


def reset_peak_rss() -> bool:
    """Start a new high-water mark (Linux 4.0+); False where the kernel does not allow it."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def peak_rss_mb(field: str = "VmHWM") -> float:
    """The high-water mark (or, with field="VmRSS", the current resident size) in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def release_freed_memory() -> None:
    """Hand memory freed by the uploads back to the system, as a long-running server would."""
    gc.collect()
    with contextlib.suppress(OSError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def make_claim(screenshots: int, photos: int):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.utils import timezone

    from claims.demo.claim import complete_answers
    from claims.evidence.pipeline import store_upload
    from claims.models import Claim
    from claims.wizard.signature import sign

    claim = Claim.objects.create(
        consent_version="bench", consented_at=timezone.now(), answers=complete_answers()
    )
    categories = ["transaction", "product_state", "merchant_breach", "other"]
    for index in range(screenshots):
        upload = SimpleUploadedFile(f"Screenshot_{index:02d}.png", screenshot())
        store_upload(claim, upload, category=categories[index % 4], caption=f"截图 {index + 1}")
    for index in range(photos):
        upload = SimpleUploadedFile(f"IMG_{index:04d}.jpg", phone_photo())
        store_upload(claim, upload, category="product_state", caption=f"照片 {index + 1}")
    sign(claim, "李明")
    return claim


def bare_render(html: str, images: dict[str, bytes]) -> bytes:
    """WeasyPrint alone: the same HTML, stylesheet and options, images served from memory."""
    from weasyprint import CSS, HTML
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    from claims.dossier import render as dossier

    class MemoryFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            return URLFetcherResponse(url, images[url], headers={"Content-Type": "image/jpeg"})

    # The same options as render_dossier, tags included (until issue 16 the bare render was
    # untagged, so the ratio charged WeasyPrint's tagging to our code).
    fetcher = MemoryFetcher()
    document = HTML(string=html, url_fetcher=fetcher).render(
        color_profiles={dossier.OUTPUT_INTENT: dossier._srgb_profile()},
        stylesheets=[CSS(string=dossier.STYLESHEET.read_text(encoding="utf-8"))],
        **dossier.PDF_OPTIONS,
    )
    return document.write_pdf(**dossier.PDF_OPTIONS)


def files_of(claim, field: str) -> dict[str, bytes]:
    found = {}
    for item in claim.evidence.all():
        with getattr(item, field).open("rb") as handle:
            found[f"evidence:{item.pk}"] = handle.read()
    return found


def timed(function, *args, **kwargs):
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return time.perf_counter() - started, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--skip-60", action="store_true", help="skip the 60-exhibit claim")
    arguments = parser.parse_args()

    workdir = tempfile.TemporaryDirectory(prefix="rh-bench-")
    os.environ["VAR_DIR"] = workdir.name
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "refundhelper.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from pypdf import PdfReader

    from claims.dossier.manifest import new_manifest, numbered_exhibits
    from claims.dossier.render import prepare, render_archive, render_dossier

    call_command("migrate", verbosity=0)
    claim = make_claim(SCREENSHOTS, PHOTOS)
    manifest = new_manifest(claim, numbered_exhibits(claim))
    html = prepare(claim, manifest=manifest).html
    prepared_images = files_of(claim, "print_image")
    originals_mb = sum(item.size for item in claim.evidence.all()) / 1e6
    print(
        f"{SCREENSHOTS + PHOTOS} exhibits: originals {originals_mb:.1f} MB, "
        f"print copies {sum(map(len, prepared_images.values())) / 1e6:.1f} MB",
        file=sys.stderr,
    )

    render_dossier(claim, manifest=manifest)  # warm-up: fonts, imports, template cache
    release_freed_memory()
    print(f"resident before rendering: {peak_rss_mb('VmRSS'):.0f} MB", file=sys.stderr)
    # Memory first, render_dossier alone, as a server process runs it: a bare render between
    # two of ours leaves WeasyPrint's caches warm with its own objects (about 15 MB more).
    peaks = []
    for _round in range(arguments.rounds):
        release_freed_memory()
        can_reset = reset_peak_rss()
        render_dossier(claim, manifest=manifest)
        peaks.append(peak_rss_mb() if can_reset else float("nan"))
    print(f"peak RSS per render: {', '.join(f'{peak:.0f}' for peak in peaks)} MB", file=sys.stderr)
    render_times, bare_times, interleaved_peaks = [], [], []
    for index in range(arguments.rounds):
        # Alternate the order so neither side always runs on a warmer cache.
        steps = ["ours", "bare"] if index % 2 == 0 else ["bare", "ours"]
        for step in steps:
            if step == "ours":
                release_freed_memory()
                can_reset = reset_peak_rss()
                seconds, pdf = timed(render_dossier, claim, manifest=manifest)
                render_times.append(seconds)
                interleaved_peaks.append(peak_rss_mb() if can_reset else float("nan"))
            else:
                seconds, bare_pdf = timed(bare_render, html, prepared_images)
                bare_times.append(seconds)
        print(
            f"round {index + 1}: render_dossier {render_times[-1]:.3f} s, "
            f"bare {bare_times[-1]:.3f} s, peak {interleaved_peaks[-1]:.0f} MB",
            file=sys.stderr,
        )
    # Read only now, so that the originals in memory do not count in render_dossier's peak.
    naive_s, naive_pdf = timed(bare_render, html, files_of(claim, "original"))
    release_freed_memory()
    reset_peak_rss()
    with tempfile.TemporaryFile() as spool:  # as the download view does
        archive_s, _none = timed(render_archive, claim, manifest=manifest, target=spool)
        archive_bytes = spool.tell()
    archive_peak = peak_rss_mb()
    print(
        f"naive {naive_s:.3f} s; archive {archive_s:.3f} s, peak {archive_peak:.0f} MB",
        file=sys.stderr,
    )

    result = {}
    if not arguments.skip_60:
        many = make_claim(MANY, 0)
        many_s, many_pdf = timed(render_dossier, many)
        result.update(
            exhibits_60_render_s=round(many_s, 3),
            exhibits_60_pages=len(PdfReader(io.BytesIO(many_pdf)).pages),
            exhibits_60_pdf_bytes=len(many_pdf),
        )
        many.delete_with_files()
    claim.delete_with_files()
    workdir.cleanup()

    render_s, bare_s = statistics.median(render_times), statistics.median(bare_times)
    result = {
        "render_s": round(render_s, 3),
        "bare_render_s": round(bare_s, 3),
        "ratio": round(render_s / bare_s, 3),
        "pdf_bytes": len(pdf),
        "bare_pdf_bytes": len(bare_pdf),
        "naive_pdf_bytes": len(naive_pdf),
        "naive_render_s": round(naive_s, 3),
        "archive_bytes": archive_bytes,
        "archive_render_s": round(archive_s, 3),
        "archive_peak_rss_mb": round(archive_peak, 1),
        "peak_rss_mb": round(max(peaks), 1),
        "interleaved_peak_rss_mb": round(max(interleaved_peaks), 1),
        "pages": len(PdfReader(io.BytesIO(pdf)).pages),
        **result,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
