"""Fixtures of the dossier tests."""

import pytest
import weasyprint


@pytest.fixture
def renders(monkeypatch):
    """How many times WeasyPrint laid out a document."""
    count = []
    original = weasyprint.HTML.render

    def counting(self, *args, **kwargs):
        count.append(1)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(weasyprint.HTML, "render", counting)
    return count
