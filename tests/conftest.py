import pytest
from django.core.files.storage import FileSystemStorage

from claims.models import Evidence


@pytest.fixture(autouse=True)
def private_storage(tmp_path, monkeypatch):
    """Every test gets its own private evidence folder."""
    storage = FileSystemStorage(location=tmp_path / "private", base_url=None)
    for name in ("original", "print_image", "thumbnail"):
        monkeypatch.setattr(Evidence._meta.get_field(name), "storage", storage)
    return storage
