"""Bilingual strings for the pure modules, which cannot use Django's gettext."""

from typing import NamedTuple


class Text(NamedTuple):
    """One user-facing sentence in Chinese and English; the caller picks the language."""

    zh: str
    en: str

    def get(self, language: str) -> str:
        """Return English for any "en*" language code and Chinese for everything else."""
        return self.en if language.lower().startswith("en") else self.zh
