"""A stand-in for a file that keeps PDFium or FFmpeg busy; imported by a child process."""

import time


def hang(path: str, *, seconds: float) -> None:
    time.sleep(600)
