"""RefundHelper settings, read from the environment.

Zero configuration gives a working development site (SQLite, local files). Production
sets DEBUG=0 and a real SECRET_KEY; a half-configured production refuses to start.
"""

import ipaddress
import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
DEV_SECRET_KEY = "dev-only-secret-key-do-not-use-in-production"


def env_bool(name: str, default: str) -> bool:
    value = os.environ.get(name, default).strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off", ""}:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), got {value!r}")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be an integer, got {value!r}") from exc


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_networks(name: str, default: str) -> list[str]:
    """Addresses or networks such as 10.0.0.0/8, or "*", checked the way gunicorn checks them."""
    entries = env_list(name, default)
    for entry in entries:
        try:
            if entry != "*":
                ipaddress.ip_network(entry)
        except ValueError as exc:
            raise ImproperlyConfigured(
                f"{name} must list addresses or networks, got {entry!r}"
            ) from exc
    return entries


RATE_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def env_site_url(name: str, default: str) -> str:
    """An absolute http(s) address with no path, query or fragment, kept without a slash."""
    value = os.environ.get(name, default).strip().rstrip("/")
    parts = urlsplit(value)
    if parts.scheme not in {"http", "https"} or not parts.hostname or parts.path:
        raise ImproperlyConfigured(
            f"Set {name} to the site's public address, such as https://refund.example.cn "
            f"(it is printed on every dossier), got {value!r}"
        )
    if parts.query or parts.fragment or parts.username or parts.password:
        raise ImproperlyConfigured(f"{name} must be a plain address without a query, got {value!r}")
    return value


def env_rate(name: str, default: str) -> tuple[int, int] | None:
    """A rate such as "20/h" (20 per hour; units s, m, h, d) as (count, seconds); "off" is None."""
    value = os.environ.get(name, default).strip().lower()
    if value in {"off", "0", ""}:
        return None
    count, _slash, unit = value.partition("/")
    if not count.isdigit() or int(count) < 1 or unit not in RATE_UNITS:
        raise ImproperlyConfigured(f"{name} must look like 20/h (units s, m, h, d), got {value!r}")
    return int(count), RATE_UNITS[unit]


DEBUG = env_bool("DEBUG", "1")
SECRET_KEY = os.environ.get("SECRET_KEY", DEV_SECRET_KEY)
MAKE_A_KEY = "python3 -c 'import secrets; print(secrets.token_urlsafe(50))'"
if not DEBUG and SECRET_KEY == DEV_SECRET_KEY:
    raise ImproperlyConfigured(
        f"Set SECRET_KEY: the development key is refused when DEBUG is off. Make one: {MAKE_A_KEY}"
    )
# Django's own rule for a usable key (check --deploy, security.W009), refused here at start-up
# already: sessions, form tokens and the rate limits' address hashes are only as good as the key.
if not DEBUG and (
    len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5 or SECRET_KEY.startswith("django-insecure-")
):
    raise ImproperlyConfigured(
        f"SECRET_KEY must be 50 random characters or more when DEBUG is off. Make one: {MAKE_A_KEY}"
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
# The site's public address, without a path: what a dossier prints for its readers (the verify
# page), rendered by a task worker that has no request to ask. Required in production.
SITE_URL = env_site_url("SITE_URL", "" if not DEBUG else "http://127.0.0.1:8000")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "formtools",
    "csp",
    "refundhelper.apps.RefundHelperConfig",
    "claims",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages gzipped (BREACH: docs/decisions/0014); below WhiteNoise, which serves static files
    # compressed ahead of time and answers before this runs.
    "refundhelper.compression.TextGZipMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "refundhelper.middleware.CookieLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "refundhelper.csrf.NoReferrerCsrfViewMiddleware",
    "claims.ratelimit.UploadRateLimitMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "refundhelper.middleware.PrivateCacheMiddleware",
    "refundhelper.middleware.ClaimGoneMiddleware",
]

ROOT_URLCONF = "refundhelper.urls"
WSGI_APPLICATION = "refundhelper.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Widgets drawn in Python with the markup of Django's widget templates, at a fraction of the
# time (refundhelper/form_renderer.py); forms and fields still come from templates.
FORM_RENDERER = "refundhelper.form_renderer.WidgetRenderer"

# Data lives under var/ by default: outside the web root and ignored by git.
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": VAR_DIR / "refundhelper.sqlite3",
        "OPTIONS": {
            # WAL and a busy timeout let web workers and a task worker share the file; IMMEDIATE
            # takes the write lock as a transaction begins, so one that read first never has to
            # upgrade (SQLite refuses that at once with "database is locked", without waiting).
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        },
    }
}
if os.environ.get("DATABASE_URL"):
    sqlite_options = DATABASES["default"]["OPTIONS"]
    DATABASES["default"] = dj_database_url.parse(
        os.environ["DATABASE_URL"], conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60)
    )
    if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
        DATABASES["default"]["OPTIONS"] = {
            **sqlite_options,
            **DATABASES["default"].get("OPTIONS", {}),
        }
    # Test runs that share one server (several checkouts on one machine) each name their own.
    if os.environ.get("TEST_DATABASE_NAME"):
        DATABASES["default"]["TEST"] = {"NAME": os.environ["TEST_DATABASE_NAME"]}
else:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The shared cache: a table in the database (`manage.py createcachetable`), so that every
# worker on every machine sees the same rate-limit counters.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "refundhelper_cache",
        # Culling past MAX_ENTRIES would reset counters: keep it far above the clients of a day.
        "OPTIONS": {"MAX_ENTRIES": env_int("CACHE_MAX_ENTRIES", 100_000)},
    }
}

# Evidence goes to the "evidence" storage: a private folder that no URL maps to, or a
# private bucket of S3-compatible object storage when S3_BUCKET is set (several app servers).
# Files are read back only through views that check the claim's token.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", VAR_DIR / "private"))
S3_BUCKET = os.environ.get("S3_BUCKET", "")


def private_storage(folder: str) -> dict:
    if not S3_BUCKET:
        return {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": PRIVATE_MEDIA_ROOT / folder, "base_url": None},
        }
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "location": folder,
            "endpoint_url": os.environ.get("S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("S3_REGION") or None,
            "access_key": os.environ.get("S3_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("S3_SECRET_ACCESS_KEY") or None,
            "addressing_style": os.environ.get("S3_ADDRESSING_STYLE") or None,
            "signature_version": "s3v4",
            "default_acl": "private",
            "file_overwrite": False,
            # Files reach users only through our views: bucket URLs, if ever made, expire fast.
            "querystring_auth": True,
            "querystring_expire": 60,
        },
    }


STORAGES = {
    "default": private_storage("default"),
    "evidence": private_storage("evidence"),
    # Production serves hashed, compressed copies (collectstatic) through WhiteNoise.
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        ),
    },
}
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
# Fixed at start-up (tests switch DEBUG off later): development needs no collectstatic.
WHITENOISE_AUTOREFRESH = DEBUG

# Language: Chinese by default, English beside it; no prefix in URLs, a cookie remembers.
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_NAME = "rh_language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_SAMESITE = "Lax"
USE_I18N = True
TIME_ZONE = "Asia/Shanghai"
USE_TZ = True

# Limits on what a user may send us (sizes per file by type, then per claim).
EVIDENCE_MAX_IMAGE_BYTES = env_int("EVIDENCE_MAX_IMAGE_BYTES", 20 * 1024 * 1024)
EVIDENCE_MAX_PDF_BYTES = env_int("EVIDENCE_MAX_PDF_BYTES", 20 * 1024 * 1024)
EVIDENCE_MAX_VIDEO_BYTES = env_int("EVIDENCE_MAX_VIDEO_BYTES", 200 * 1024 * 1024)
EVIDENCE_MAX_CLAIM_BYTES = env_int("EVIDENCE_MAX_CLAIM_BYTES", 500 * 1024 * 1024)
EVIDENCE_MAX_PIXELS = env_int("EVIDENCE_MAX_PIXELS", 40_000_000)
EVIDENCE_MAX_FILES_PER_CLAIM = env_int("EVIDENCE_MAX_FILES_PER_CLAIM", 60)
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
# Django does not limit file parts: this handler stops writing a file to disk past the
# largest per-file limit (it still counts the bytes, so the user gets the size message).
FILE_UPLOAD_HANDLERS = [
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "claims.uploads.CappedTemporaryFileUploadHandler",
]

# Retention (PIPL art. 19, 47), stated in the privacy notice: an unfinished claim goes this many
# days after its last change; a finished one this many days after its last change or after
# the last date of its escalation plan, whichever is later (purge_expired_claims deletes).
CLAIM_RETENTION_DAYS = env_int("CLAIM_RETENTION_DAYS", 7)
COMPLETED_CLAIM_RETENTION_DAYS = env_int("COMPLETED_CLAIM_RETENTION_DAYS", 30)
PRIVACY_CONTACT = os.environ.get("PRIVACY_CONTACT", "privacy@refundhelper.example")
PRIVACY_NOTICE_VERSION = "2026-11-25"

# Security headers. The claim token lives in URLs, so no page may leak a Referer.
SECURE_REFERRER_POLICY = "no-referrer"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# Forms carry their token; no script of ours reads a cookie (a test reads static/ for it).
CSRF_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_HTTPONLY = True
# Production is HTTPS only (behind a TLS proxy: BEHIND_TLS_PROXY=1); development is plain HTTP.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", "0" if DEBUG else "1")
# The health checker on the machine itself asks the app port over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^livez$"]
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = LANGUAGE_COOKIE_SECURE = env_bool(
    "SECURE_COOKIES", "0" if DEBUG else "1"
)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 365 * 24 * 3600)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", "0" if DEBUG else "1")
# The header alone enrols nobody: a domain joins browsers' preload lists only when submitted.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", "0" if DEBUG else "1")
BEHIND_TLS_PROXY = env_bool("BEHIND_TLS_PROXY", "0")
# The proxies whose X-Forwarded-For the rate limits believe: the same variable, default and
# syntax as gunicorn's forwarded_allow_ips (addresses or networks, or "*" for any peer).
FORWARDED_ALLOW_IPS = env_networks("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_TLS_PROXY else None
# Django's deploy check looks for its CSRF middleware by name; ours subclasses it
# (refundhelper.csrf) and refundhelper.checks makes sure it stays in MIDDLEWARE.
SILENCED_SYSTEM_CHECKS = ["security.W003"]

# Content-Security-Policy (django-csp): our own script, stylesheet and images and nothing else;
# no inline script or style anywhere, no other origin, no framing.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
    }
}

# Rate limits per client (its address; from a FORWARDED_ALLOW_IPS proxy, the right-most
# X-Forwarded-For hop that is not one), a sliding window counted in the shared cache. Uploads
# count every request that carries files.
RATE_LIMITS = {
    "claims": env_rate("RATE_LIMIT_CLAIMS", "20/h"),
    "uploads": env_rate("RATE_LIMIT_UPLOADS", "200/h"),
}
RATE_LIMIT_CACHE = "default"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact_tokens": {"()": "refundhelper.logging.RedactClaimTokens"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["redact_tokens"],
        },
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # The filter also sits on these loggers so that a handler added later still gets
        # redacted records.
        "django.server": {
            "handlers": ["console"],
            "filters": ["redact_tokens"],
            "level": "INFO",
            "propagate": False,
        },
        "django.request": {
            "handlers": ["console"],
            "filters": ["redact_tokens"],
            "level": "WARNING",
            "propagate": False,
        },
        # WeasyPrint reports each rendering stage at INFO: noise in the server log.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

APP_NAME = _("RefundHelper")

# Dossier (issue 6): the archive copy's size cap, how long verify records are kept, and
# where the dossier tells its readers to check evidence. Only this block belongs to it.
# The archive copy embeds original files while the whole PDF stays within this many bytes.
DOSSIER_ARCHIVE_MAX_BYTES = env_int("DOSSIER_ARCHIVE_MAX_BYTES", 50 * 1024 * 1024)
# Fingerprint records (no personal data) outlive the claim; the privacy notice states it.
DOSSIER_RECORD_RETENTION_YEARS = env_int("DOSSIER_RECORD_RETENTION_YEARS", 3)

# Tasks and OCR ----------------------------------------------------------------------------
# Slow work (reading screenshots) runs off the request path through the Tasks API: the
# django-tasks backport with a database queue, worked by `manage.py db_worker` beside the web
# server (scripts/run-dev.sh) and on as many machines as needed in production. On Django 6
# the backport goes: claims/tasks.py imports django.tasks and this list loses "django_tasks".
INSTALLED_APPS += ["django_tasks", "django_tasks_db"]
TASKS = {
    "default": {
        # django_tasks.backends.immediate.ImmediateBackend runs each task in the request.
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}
# OCR threads per worker process (0: onnxruntime's default, one per core).
OCR_THREADS = env_int("OCR_THREADS", 0)
# After this long in the queue the page tells the user to type the details themselves.
OCR_SLOW_SECONDS = env_int("OCR_SLOW_SECONDS", 20)

# What the dossier prints of PDF and video exhibits, made by the task worker (issue 15): the
# first pages of a PDF, drawn at print resolution, and evenly spaced frames of a recording.
# Every picture is bounded in pixels, and each file's work in time (a child process that is
# stopped when its budget is spent).
EXHIBIT_PDF_MAX_PAGES = env_int("EXHIBIT_PDF_MAX_PAGES", 10)
EXHIBIT_PDF_DPI = env_int("EXHIBIT_PDF_DPI", 150)
EXHIBIT_MAX_PIXELS = env_int("EXHIBIT_MAX_PIXELS", 4_000_000)  # A4 at 150 dpi: 2.2 million
EXHIBIT_VIDEO_FRAMES = env_int("EXHIBIT_VIDEO_FRAMES", 8)
EXHIBIT_FRAME_MAX_SIDE = env_int("EXHIBIT_FRAME_MAX_SIDE", 960)
EXHIBIT_SECONDS = env_int("EXHIBIT_SECONDS", 60)
