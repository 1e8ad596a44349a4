"""Settings for Concordat, read from the environment.

Defaults suit a newcomer's machine: SQLite under var/, debug on only when DJANGO_DEBUG says so,
emails printed to the console. Production sets DATABASE_URL, DJANGO_SECRET_KEY,
DJANGO_ALLOWED_HOSTS and DJANGO_PRODUCTION=1 (secure cookies, HSTS).
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("CONCORDAT_VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def env_str(name, default=""):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name, default):
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


def env_list(name, default=()):
    value = os.environ.get(name)
    if not value:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", False)
PRODUCTION = env_bool("DJANGO_PRODUCTION", False)

SECRET_KEY = env_str("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set in production.")
    SECRET_KEY = "concordat-development-key-not-for-production"  # noqa: S105

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # django.contrib.admin, with its sign-in under the site's sign-in rate limit.
    "concordat.accounts.admin_site.ConcordatAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "concordat.core",
    "concordat.imports",
    "concordat.reports",
    "concordat.accounts",
    "concordat.public",
    "concordat.workspace",
    "concordat.api",
    "concordat.search",
    "concordat.goodpractice",
    "concordat.pagecache",
    "concordat.files",
    "concordat.alerts",
    "concordat.voice",
    "concordat.seeds",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Public pages from the shared cache (concordat/pagecache), stored compressed: the cache
    # keys on Accept-Encoding and sits before compression.
    "concordat.pagecache.middleware.PublicPageCacheMiddleware",
    # HTML, CSV and JSON gzipped for clients that accept it (concordat/compression.py); ETags
    # set after it are made weak when the body is compressed, so revalidation still answers 304.
    "concordat.compression.CompressTextMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # Its check runs after the CSRF check, before the view.
    "concordat.core.middleware.CleanInputMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Before anything reads the body: an oversized one is refused unread.
    "concordat.core.middleware.RequestSizeLimitMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Near the end, so it can turn a locked-out sign-in into the lock-out page.
    "axes.middleware.AxesMiddleware",
    # Last, so the transaction it opens for a form post holds the view alone.
    "concordat.core.middleware.OncePerFormMiddleware",
]

ROOT_URLCONF = "concordat.urls"
WSGI_APPLICATION = "concordat.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "concordat" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "concordat.core.context_processors.site",
            ],
            # {% form_token %} in every form that saves something, without a {% load %}.
            "builtins": ["concordat.core.templatetags.concordat_forms"],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'concordat.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
    ),
}
# The England-scale benchmark data lives in its own file, never in the working database.
BENCH_DATABASE_PATH = Path(env_str("CONCORDAT_BENCH_DB", str(VAR_DIR / "bench.sqlite3")))
DATABASES["bench"] = dj_database_url.parse(f"sqlite:///{BENCH_DATABASE_PATH}")
DATABASES["bench"]["TEST"] = {"MIRROR": "default"}

for _db in DATABASES.values():
    if _db["ENGINE"] == "django.db.backends.sqlite3":
        _db.setdefault("OPTIONS", {})
        # WAL lets readers carry on while an import or publication writes.
        _db["OPTIONS"].setdefault(
            "init_command", "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
        )
        _db["OPTIONS"].setdefault("transaction_mode", "IMMEDIATE")
        # Writers queue for the one write lock rather than failing after SQLite's 5 seconds.
        _db["OPTIONS"].setdefault("timeout", 20)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Accounts (concordat/accounts): the email address is the username, stored lower-cased.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "workspace:home"
LOGOUT_REDIRECT_URL = "public:home"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24
CONCORDAT_INVITATION_DAYS = env_int("CONCORDAT_INVITATION_DAYS", 7)
# Behind a load balancer, the number of proxies that append to X-Forwarded-For; 0 trusts
# REMOTE_ADDR alone. Sign-in lock-out and rate limits count by this address.
CONCORDAT_TRUSTED_PROXY_COUNT = env_int("CONCORDAT_TRUSTED_PROXY_COUNT", 0)
# Sign-in attempts (and password-reset requests) one address may make in a window.
CONCORDAT_SIGNIN_RATE = (env_int("CONCORDAT_SIGNIN_RATE", 30), 15 * 60)
CONCORDAT_PASSWORD_RESET_RATE = (env_int("CONCORDAT_PASSWORD_RESET_RATE", 5), 60 * 60)
# Email alert sign-ups allowed per client address an hour.
CONCORDAT_ALERTS_RATE = (env_int("CONCORDAT_ALERTS_RATE", 10), 60 * 60)
# Days an address that asked for alerts and never confirmed is kept (send_alert_digests deletes it).
CONCORDAT_ALERTS_UNCONFIRMED_DAYS = env_int("CONCORDAT_ALERTS_UNCONFIRMED_DAYS", 7)
# django-axes: after repeated failed sign-ins to one account from one address, that account
# is locked there for a cool-off period (a password reset ends it early).
AXES_FAILURE_LIMIT = env_int("CONCORDAT_SIGNIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("CONCORDAT_SIGNIN_COOLOFF_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_CALLABLE = "concordat.accounts.security.axes_username"
AXES_CLIENT_IP_CALLABLE = "concordat.accounts.security.client_ip"
AXES_LOCKOUT_CALLABLE = "concordat.accounts.views.locked_out"
AXES_VERBOSE = False

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# "shared" holds what every app server must see (uploaded plans waiting for confirmation, the
# open-data ZIP, files of evidence on progress updates): the database by default, S3-compatible
# object storage (django-storages) with CONCORDAT_SHARED_STORAGE=s3. "default" (model file
# fields) is the same backend, so no file is ever kept on one server's disk.
SHARED_STORAGE_BACKENDS = {
    "database": {"BACKEND": "concordat.files.storage.DatabaseStorage"},
    "s3": {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env_str("CONCORDAT_S3_BUCKET"),
            "endpoint_url": env_str("CONCORDAT_S3_ENDPOINT_URL") or None,
            "region_name": env_str("CONCORDAT_S3_REGION") or None,
            "location": env_str("CONCORDAT_S3_PREFIX", "concordat"),
            "default_acl": "private",
            "file_overwrite": True,
            "querystring_auth": True,
        },
    },
}
SHARED_STORAGE = env_str("CONCORDAT_SHARED_STORAGE", "database")
if SHARED_STORAGE not in SHARED_STORAGE_BACKENDS:
    raise ImproperlyConfigured("CONCORDAT_SHARED_STORAGE must be database or s3.")
if SHARED_STORAGE == "s3" and not env_str("CONCORDAT_S3_BUCKET"):
    raise ImproperlyConfigured("CONCORDAT_SHARED_STORAGE=s3 needs CONCORDAT_S3_BUCKET.")
STORAGES = {
    "shared": SHARED_STORAGE_BACKENDS[SHARED_STORAGE],
    "default": SHARED_STORAGE_BACKENDS[SHARED_STORAGE],
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "/media/"

EMAIL_BACKEND = env_str("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Concordat <no-reply@concordat.test>")
SITE_URL = env_str("CONCORDAT_SITE_URL", "http://127.0.0.1:8000")

# The cache holds the public pages and the sign-in and password-reset counts, so every worker
# process and every app server must share it: the database by default (its table is created by
# a migration), Redis when DJANGO_CACHE is a redis:// address, and per-process memory (locmem)
# only for a single process.
CACHE_BACKENDS = {
    "locmem": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "concordat"},
    "database": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "concordat_cache",
        "OPTIONS": {"MAX_ENTRIES": env_int("CONCORDAT_CACHE_MAX_ENTRIES", 2000)},
    },
}
CACHE_NAME = env_str("DJANGO_CACHE", "database")
if CACHE_NAME.startswith(("redis://", "rediss://", "unix://")):
    CACHE_BACKENDS[CACHE_NAME] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": CACHE_NAME,
    }
if CACHE_NAME not in CACHE_BACKENDS:
    raise ImproperlyConfigured(
        f"DJANGO_CACHE must be database, locmem or a redis:// address, not {CACHE_NAME!r}."
    )
CACHES = {"default": CACHE_BACKENDS[CACHE_NAME]}

# Public pages (concordat/pagecache): served from the cache above to readers who are not
# signed in, until the publication counter moves or the day changes.
CONCORDAT_PAGE_CACHE = env_bool("CONCORDAT_PAGE_CACHE", True)
CONCORDAT_PAGE_CACHE_ALIAS = "default"
CONCORDAT_PAGE_CACHE_SECONDS = env_int("CONCORDAT_PAGE_CACHE_SECONDS", 6 * 60 * 60)
# Larger responses (big CSV listings, the PDF exports of the longest plans) are not kept.
CONCORDAT_PAGE_CACHE_MAX_BYTES = env_int("CONCORDAT_PAGE_CACHE_MAX_BYTES", 4 * 1024 * 1024)
# Each process also keeps the pages it served last in memory, up to this many bytes.
CONCORDAT_PAGE_CACHE_LOCAL_BYTES = env_int("CONCORDAT_PAGE_CACHE_LOCAL_BYTES", 32 * 1024 * 1024)
# Rendered action cards each process keeps, keyed by what they show (concordat/public/cards.py),
# in characters; 0 renders every card every time.
CONCORDAT_CARD_CACHE_CHARS = env_int("CONCORDAT_CARD_CACHE_CHARS", 16 * 1024 * 1024)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "WARNING")},
}

# Security headers; production turns on the parts that need HTTPS.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# django-csp: no inline scripts or styles; everything from this site.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}
if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    # X-Forwarded-Proto says the request came over HTTPS only when a proxy of ours set it:
    # with no trusted proxy in front, anyone could send it.
    if CONCORDAT_TRUSTED_PROXY_COUNT > 0:
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    # Asking browsers to preload HSTS for the domain is hard to undo: only when told to.
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", False)
    if not SECURE_HSTS_PRELOAD:
        SILENCED_SYSTEM_CHECKS = ["security.W021"]  # "SECURE_HSTS_PRELOAD is not set"

# Domain settings (DESIGN.md).
# An open action with no progress update for this many months is stale.
CONCORDAT_STALE_MONTHS = env_int("CONCORDAT_STALE_MONTHS", 6)
# Most areas review their plan about six months after publishing it.
CONCORDAT_DEFAULT_REVIEW_MONTHS = env_int("CONCORDAT_DEFAULT_REVIEW_MONTHS", 6)
# Uploaded plans larger than this are refused before they are read.
CONCORDAT_UPLOAD_MAX_BYTES = env_int("CONCORDAT_UPLOAD_MAX_BYTES", 20 * 1024 * 1024)
# A .docx/.xlsx/.odt whose contents expand past this is refused as a decompression bomb.
CONCORDAT_UPLOAD_MAX_UNPACKED_BYTES = env_int(
    "CONCORDAT_UPLOAD_MAX_UNPACKED_BYTES", 200 * 1024 * 1024
)
# Reading one plan (concordat/imports/limits.py): past any of these a file is refused with a
# plain message. The defaults hold the largest real plan (a few hundred rows of a dozen
# columns) many times over.
CONCORDAT_IMPORT_MAX_ROWS = env_int("CONCORDAT_IMPORT_MAX_ROWS", 50_000)
CONCORDAT_IMPORT_MAX_CELLS = env_int("CONCORDAT_IMPORT_MAX_CELLS", 1_000_000)
CONCORDAT_IMPORT_MAX_COLUMNS = env_int("CONCORDAT_IMPORT_MAX_COLUMNS", 200)
CONCORDAT_IMPORT_MAX_SHEETS = env_int("CONCORDAT_IMPORT_MAX_SHEETS", 50)
CONCORDAT_IMPORT_MAX_TABLES = env_int("CONCORDAT_IMPORT_MAX_TABLES", 1_000)
CONCORDAT_IMPORT_MAX_PAGES = env_int("CONCORDAT_IMPORT_MAX_PAGES", 500)
CONCORDAT_IMPORT_MAX_REPEATED_CHARACTERS = env_int(
    "CONCORDAT_IMPORT_MAX_REPEATED_CHARACTERS", 1_000
)
CONCORDAT_IMPORT_MAX_CHARACTERS = env_int("CONCORDAT_IMPORT_MAX_CHARACTERS", 20_000_000)
CONCORDAT_IMPORT_MAX_PART_BYTES = env_int("CONCORDAT_IMPORT_MAX_PART_BYTES", 50 * 1024 * 1024)
# Reading runs in a child process with these ceilings (off: in the server's own process).
CONCORDAT_IMPORT_ISOLATED = env_bool("CONCORDAT_IMPORT_ISOLATED", True)
CONCORDAT_IMPORT_CPU_SECONDS = env_int("CONCORDAT_IMPORT_CPU_SECONDS", 60)
CONCORDAT_IMPORT_MEMORY_MB = env_int("CONCORDAT_IMPORT_MEMORY_MB", 1024)
CONCORDAT_SEEDS_DIR = Path(
    env_str("CONCORDAT_SEEDS_DIR", str(BASE_DIR.parent / "shared" / "seeds"))
)
# Area leads are reminded this many days before their plan's review is due.
CONCORDAT_REVIEW_NOTICE_DAYS = env_int("CONCORDAT_REVIEW_NOTICE_DAYS", 28)
# An uploaded plan waits this many seconds for its preview to be confirmed.
CONCORDAT_IMPORT_UPLOAD_LIFETIME = env_int("CONCORDAT_IMPORT_UPLOAD_LIFETIME", 2 * 60 * 60)
# Metric value CSVs larger than this are refused.
CONCORDAT_METRICS_CSV_MAX_BYTES = env_int("CONCORDAT_METRICS_CSV_MAX_BYTES", 1024 * 1024)
# Rebuild the open-data ZIP after each publication (off: leave it to build_downloads --if-stale).
CONCORDAT_BUILD_DOWNLOADS_ON_PUBLISH = env_bool("CONCORDAT_BUILD_DOWNLOADS_ON_PUBLISH", True)
# Files of evidence on progress updates (PDF, PNG, JPEG) larger than this are refused.
CONCORDAT_EVIDENCE_MAX_BYTES = env_int("CONCORDAT_EVIDENCE_MAX_BYTES", 5 * 1024 * 1024)
# Questions from the public: how many one client address, and one email address, may ask
# (attempts, window in seconds).
CONCORDAT_QUESTIONS_RATE = (env_int("CONCORDAT_QUESTIONS_PER_HOUR", 5), 3600)
CONCORDAT_QUESTIONS_PER_EMAIL_RATE = (env_int("CONCORDAT_QUESTIONS_PER_EMAIL_DAY", 10), 86400)
CONCORDAT_SERVICE_NAME = "Crisis Care Concordat action plans"
DATA_UPLOAD_MAX_MEMORY_SIZE = CONCORDAT_UPLOAD_MAX_BYTES + 1024 * 1024
# A request body larger than this is refused from its Content-Length, before it is read: the
# largest upload and room for the form's other fields.
CONCORDAT_REQUEST_MAX_BYTES = env_int(
    "CONCORDAT_REQUEST_MAX_BYTES", CONCORDAT_UPLOAD_MAX_BYTES + 1024 * 1024
)
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
