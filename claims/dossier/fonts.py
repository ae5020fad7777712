"""What the PDF renderer needs from the system, checked for real (healthz and the PDF step)."""

import shutil
import subprocess
from functools import lru_cache

from weasyprint.text import ffi


@lru_cache(maxsize=1)
def cjk_font_available() -> bool:
    """Whether fontconfig knows a font covering Simplified Chinese (no tofu boxes)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return False
    try:
        out = subprocess.run(
            [fc_list, ":lang=zh-cn", "family"], capture_output=True, text=True, timeout=10
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return False
    return bool(out.strip())


def harfbuzz_subset_available() -> bool:
    """Without HarfBuzz-subset WeasyPrint subsets fonts in Python: ~4 s per page of Chinese."""
    return ffi.harfbuzz_subset is not None
