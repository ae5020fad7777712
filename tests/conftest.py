"""Storage and folders for the suite, one set per pytest-xdist worker.

Locally each test gets a private folder under its tmp_path. With S3_BUCKET set (make
test-postgres runs the suite through scripts/with-s3.sh, which starts a local S3-compatible
server) each test gets a folder of its own in its worker's bucket, through django-storages as
in production, so that uploads, derived copies, downloads, cached dossiers and the purges are
tested against the S3 API.
"""

import uuid

import boto3
import pytest
from django.conf import settings as django_settings
from django.core.cache import caches
from django.core.files.storage import FileSystemStorage
from django.test import override_settings
from storages.backends.s3 import S3Storage

from claims.models import Evidence

FILE_FIELDS = ("original", "print_image", "thumbnail", "small_thumbnail")


def s3_options() -> dict:
    return dict(django_settings.STORAGES["evidence"]["OPTIONS"])


@pytest.fixture(scope="session")
def s3_bucket(worker_id):
    """This worker's own bucket (None without S3_BUCKET), made at the start of the session."""
    if not django_settings.S3_BUCKET:
        return None
    options = s3_options()
    name = f"{django_settings.S3_BUCKET}-{worker_id}".lower()
    client = boto3.client(
        "s3",
        endpoint_url=options["endpoint_url"],
        region_name=options["region_name"],
        aws_access_key_id=options["access_key"],
        aws_secret_access_key=options["secret_key"],
    )
    existing = {bucket["Name"] for bucket in client.list_buckets().get("Buckets", [])}
    if name not in existing:
        client.create_bucket(Bucket=name)
    return name


@pytest.fixture(scope="session", autouse=True)
def worker_folders(tmp_path_factory, s3_bucket):
    """VAR_DIR, the private media folder and the bucket of this worker, for code that asks
    settings rather than the Evidence fields."""
    var_dir = tmp_path_factory.mktemp("var")
    overrides = {"VAR_DIR": var_dir, "PRIVATE_MEDIA_ROOT": var_dir / "private"}
    storages = dict(django_settings.STORAGES)
    for name in ("default", "evidence"):
        if s3_bucket:
            options = {**s3_options(), "bucket_name": s3_bucket, "location": f"settings/{name}"}
            storages[name] = {**storages[name], "OPTIONS": options}
        else:
            options = {"location": var_dir / "private" / name, "base_url": None}
            storages[name] = {**storages[name], "OPTIONS": options}
    overrides["STORAGES"] = storages
    with override_settings(**overrides):
        yield var_dir


@pytest.fixture(autouse=True)
def private_storage(tmp_path, monkeypatch, s3_bucket):
    """Every test gets its own private evidence folder (a prefix of its own in S3)."""
    if s3_bucket:
        prefix = uuid.uuid4().hex
        storage = S3Storage(**{**s3_options(), "bucket_name": s3_bucket, "location": prefix})
    else:
        storage = FileSystemStorage(location=tmp_path / "private", base_url=None)
    for name in FILE_FIELDS:
        monkeypatch.setattr(Evidence._meta.get_field(name), "storage", storage)
    yield storage
    if s3_bucket:  # the server keeps everything in memory
        storage.bucket.objects.filter(Prefix=f"{prefix}/").delete()


@pytest.fixture(autouse=True)
def rate_limits_start_empty(request, django_db_blocker):
    """The rate limits count in the cache table. A transactional test's flush empties only
    the models' tables, so its claim starts stayed counted for every later test of the
    worker: past 20 an hour (RATE_LIMIT_CLAIMS) those tests were refused with a 429."""
    yield
    marker = request.node.get_closest_marker("django_db")
    transactional = bool(marker and marker.kwargs.get("transaction")) or bool(
        {"transactional_db", "live_server"} & set(request.fixturenames)
    )
    if transactional:
        with django_db_blocker.unblock():
            caches[django_settings.RATE_LIMIT_CACHE].clear()
