"""The standard claim walked on a phone (390x844) in both languages: per-page figures.

Run: .venv/bin/python bench/walk.py

Runs tests/browser/test_walk_figures.py (Debian's chromium through Playwright, the live
server, screenshots read in the request) and prints, per page, the screens of scrolling,
taps, typed fields and bytes transferred, then the totals. The goals are the test's asserts:
no page but the check page over 2.5 screens, at most 35 taps and 12 typed fields.
"""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "walk.txt"
        env = {**os.environ, "WALK_REPORT_PATH": str(report)}
        command = [
            sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
            "tests/browser/test_walk_figures.py",
        ]  # fmt: skip
        result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
        print(report.read_text(encoding="utf-8") if report.exists() else "(no figures)")
        if result.returncode:
            print(result.stdout[-3000:], result.stderr[-2000:], sep="\n")
        return result.returncode


if __name__ == "__main__":
    sys.exit(main())
