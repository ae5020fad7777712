"""What a hostile PDF posted to the public /verify/ page costs the worker, at worst.

Run: .venv/bin/python bench/verify_pdf.py [--rounds 3]

The crafted corpus of tests/evidence/crafted_pdfs.py (compression bombs, a looping page tree,
nested arrays, 60,000 pages, huge xref tables, a damaged deflate stream, forms just under every
size limit, ...) is posted as "the dossier PDF" through Django's test client, the way a browser
would. Each POST is timed in CPU seconds of this process (the client's multipart encoding
included, so the figure errs high); a file's figure is its median over the rounds. The last
line is JSON: the worst file and its CPU seconds; the goal is under 0.5 s per POST.
"""

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

GOAL_CPU_S = 0.5


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    rounds = parser.parse_args().rounds

    workdir = tempfile.TemporaryDirectory(prefix="rh-bench-")
    os.environ["VAR_DIR"] = workdir.name
    os.environ["RATE_LIMIT_UPLOADS"] = "off"  # measure the parse, not the rate limit
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "refundhelper.settings")
    import django

    django.setup()
    import logging

    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command
    from django.test import Client

    from tests.evidence.crafted_pdfs import CORPUS, huge_xref_table

    # Hostile files make pypdf chatty, and every refusal is logged as a bad request.
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    logging.getLogger("django.request").setLevel(logging.ERROR)
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)  # the rate limits' cache
    client = Client()
    corpus = {name: make() for name, make in CORPUS.items()}
    # The largest file the page reads at all (DOSSIER_ARCHIVE_MAX_BYTES, 50 MB by default).
    corpus["xref table of 2.4 million entries"] = huge_xref_table(2_400_000)

    def post(data: bytes) -> tuple[float, int]:
        fields = {
            "dossier": SimpleUploadedFile("dossier.pdf", data, "application/pdf"),
            "file": SimpleUploadedFile("exhibit.png", b"x"),
        }
        started = time.process_time()
        response = client.post("/verify/", fields)
        return time.process_time() - started, response.status_code

    post(corpus[next(iter(corpus))])  # warm-up: imports, templates, first queries
    medians = {}
    for name, data in corpus.items():
        seconds = []
        for _ in range(rounds):
            spent, status = post(data)
            seconds.append(spent)
        medians[name] = statistics.median(seconds)
        print(
            f"{name}: {len(data) / 1024:,.0f} KB, {medians[name]:.3f} s CPU, HTTP {status}",
            file=sys.stderr,
        )
    workdir.cleanup()

    worst = max(medians, key=medians.get)
    print(
        f"worst case: {worst}, {medians[worst]:.3f} s CPU per POST "
        f"({'under' if medians[worst] < GOAL_CPU_S else 'OVER'} the {GOAL_CPU_S} s goal)",
        file=sys.stderr,
    )
    print(
        json.dumps(
            {
                "worst_file": worst,
                "worst_cpu_s": round(medians[worst], 3),
                "goal_cpu_s": GOAL_CPU_S,
                "ok": medians[worst] < GOAL_CPU_S,
            },
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
