"""Grooya settings: one file, driven by environment variables (see README "Configuration").

Every variable is optional. A bad value stops the start with a message naming the variable.
"""

import os
import sys
import tempfile
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from project.env import (
    env_bool,
    env_choice,
    env_float,
    env_int,
    env_list,
    env_str,
    env_url,
    mailers_from_url,
    read_dotenv,
)

BASE_DIR = Path(__file__).resolve().parent.parent
TESTING = "pytest" in sys.modules or sys.argv[1:2] == ["test"]


# Tests are hermetic: they never read a developer's .env.
if not TESTING:
    read_dotenv(BASE_DIR / ".env")


# --- Core -----------------------------------------------------------------------------------

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if DEBUG or TESTING:
        SECRET_KEY = "insecure-development-key-only-for-debug-and-tests"  # noqa: S105
    else:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is false (`make run` writes one into .env)."
        )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "django_htmx",
    "crispy_forms",
    "crispy_tailwind",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "allauth.socialaccount",  # providers are added below when configured
    "corsheaders",
    "rest_framework",
    "rest_framework_simplejwt.token_blacklist",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_tasks_db",
    "apps.core",
    "apps.accounts",
    "apps.assets",
    "apps.library",
    "apps.blocks",
    "apps.portfolios",
    "apps.resumes",
    "apps.ai",
    "apps.api",
    "apps.audience",
]

MIDDLEWARE = [
    "apps.core.middleware.security_headers",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",  # before CommonMiddleware, as it asks
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "apps.accounts.middleware.UserSessionsMiddleware",  # allauth's, at most once a minute
    "apps.api.ratelimit.rate_limit_middleware",  # after auth: counts per person as well as IP
]

ROOT_URLCONF = "project.urls"
WSGI_APPLICATION = "project.wsgi.application"
ASGI_APPLICATION = "project.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "apps.core.context_processors.site",
                "apps.audience.context_processors.unread",
            ],
        },
    },
]
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

# --- Data -----------------------------------------------------------------------------------

try:
    DATABASES = {
        "default": dj_database_url.parse(
            env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
            conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
            conn_health_checks=True,
        )
    }
except ValueError as exc:
    raise ImproperlyConfigured(f"DATABASE_URL is not a valid database URL: {exc}") from None
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {"transaction_mode": "IMMEDIATE", "timeout": 20}
    # A file, not shared-cache memory: the browser tests' live server handles requests in
    # parallel threads, and shared-cache SQLite fails them with "table is locked".
    # One file per test process, so parallel runs never share (and delete) each other's.
    _test_db = Path(tempfile.gettempdir()) / f"grooya-test-{os.getpid()}.sqlite3"
    DATABASES["default"]["TEST"] = {"NAME": str(_test_db)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    if urlsplit(REDIS_URL).scheme not in {"redis", "rediss", "unix"}:
        raise ImproperlyConfigured("REDIS_URL must start with redis://, rediss:// or unix://.")
    _worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    if TESTING and _worker.startswith("gw"):
        # Parallel test processes each clear the cache between tests: one Redis db each.
        _url = urlsplit(REDIS_URL)
        _db = int(_url.path.strip("/") or 0) + int(_worker[2:])
        REDIS_URL = _url._replace(path=f"/{_db}").geturl()
    CACHES = {
        "default": {
            "BACKEND": "apps.core.redis_cache.RedisCache",  # Django's, one client kept
            "LOCATION": REDIS_URL,
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Files ----------------------------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not (DEBUG or TESTING)
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG or TESTING
WHITENOISE_AUTOREFRESH = DEBUG or TESTING
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_HANDLERS = [
    "apps.assets.uploads.SizeLimitUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
ASSET_MAX_BYTES = env_int("ASSET_MAX_BYTES", 10 * 1024 * 1024)
ASSET_QUOTA_FREE_BYTES = env_int("ASSET_QUOTA_FREE_MB", 200) * 1024 * 1024
ASSET_QUOTA_PRO_BYTES = env_int("ASSET_QUOTA_PRO_MB", 5000) * 1024 * 1024

STORAGE_BACKEND = env_str("STORAGE_BACKEND", "filesystem")
if STORAGE_BACKEND == "s3":
    if not env_str("S3_BUCKET"):
        raise ImproperlyConfigured("S3_BUCKET must be set when STORAGE_BACKEND=s3.")
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env_str("S3_BUCKET"),
            "endpoint_url": env_str("S3_ENDPOINT_URL") or None,
            "region_name": env_str("S3_REGION") or None,
            "custom_domain": env_str("S3_CUSTOM_DOMAIN") or None,
            "querystring_auth": env_bool("S3_SIGNED_URLS", False),
            "querystring_expire": env_int("S3_SIGNED_URL_SECONDS", 3600),
            "addressing_style": env_str("S3_ADDRESSING_STYLE", "path"),
            "signature_version": "s3v4",
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
        },
    }
elif STORAGE_BACKEND != "filesystem":
    raise ImproperlyConfigured("STORAGE_BACKEND must be filesystem or s3.")

# Background work: the database-backed queue in production (run `manage.py db_worker`),
# immediate in development and tests.
TASK_BACKEND = env_str("TASK_BACKEND", "immediate" if DEBUG or TESTING else "database")
if TASK_BACKEND not in {"immediate", "database"}:
    raise ImproperlyConfigured("TASK_BACKEND must be immediate or database.")
TASKS = {
    "default": {
        "BACKEND": "django.tasks.backends.immediate.ImmediateBackend"
        if TASK_BACKEND == "immediate"
        else "django_tasks_db.DatabaseBackend"
    }
}

# --- AI -------------------------------------------------------------------------------------
# The browser never talks to a model provider: the server does, with these keys, and charges
# the person's credits. Without a key the offline writer answers (deterministic, labelled).

GEMINI_API_KEY = env_str("GEMINI_API_KEY").strip()
GEMINI_BASE_URL = env_url("GEMINI_BASE_URL")  # a stand-in server (tests); Google's by default
OPENAI_API_KEY = env_str("OPENAI_API_KEY").strip()
OPENAI_BASE_URL = env_url("OPENAI_BASE_URL")  # any OpenAI-compatible server (Ollama, vLLM…)
OPENAI_MODEL = env_str("OPENAI_MODEL", "gpt-4o-mini")
# Default: gemini with a Gemini key, else openai when an OpenAI-compatible server or key is
# named, else offline. Tests are hermetic: offline unless a test chooses otherwise.
if TESTING:
    _default_provider = "offline"
elif GEMINI_API_KEY:
    _default_provider = "gemini"
elif OPENAI_BASE_URL or OPENAI_API_KEY:
    _default_provider = "openai"
else:
    _default_provider = "offline"
AI_PROVIDER = env_choice("AI_PROVIDER", ("gemini", "openai", "offline"), _default_provider)
if AI_PROVIDER == "gemini" and not GEMINI_API_KEY:
    raise ImproperlyConfigured("AI_PROVIDER=gemini needs GEMINI_API_KEY.")
if AI_PROVIDER == "openai" and not (OPENAI_BASE_URL or OPENAI_API_KEY):
    raise ImproperlyConfigured(
        "AI_PROVIDER=openai needs OPENAI_BASE_URL (a compatible server) or OPENAI_API_KEY."
    )
AI_TEXT_MODEL = env_str("AI_TEXT_MODEL", "gemini-2.5-flash")
AI_IMAGE_MODEL = env_str(
    "AI_IMAGE_MODEL", "gpt-image-1" if AI_PROVIDER == "openai" else "gemini-2.5-flash-image"
)
AI_CONNECT_TIMEOUT = env_float("AI_CONNECT_TIMEOUT", 5.0)  # seconds
AI_READ_TIMEOUT = env_float("AI_READ_TIMEOUT", 60.0)  # seconds, between bytes of an answer
AI_MAX_RETRIES = min(env_int("AI_MAX_RETRIES", 2), 2)  # non-streaming calls; 429/5xx/timeouts
AI_RETRY_BACKOFF = env_float("AI_RETRY_BACKOFF", 1.0)  # seconds before the first retry; doubles
AI_OFFLINE_STREAM_DELAY = 0.0 if TESTING else 0.03  # seconds between offline words
# Credits: a request reserves its task's most, then is charged by tokens used (at least 1).
AI_TOKENS_PER_CREDIT = env_int("AI_TOKENS_PER_CREDIT", 2000)
AI_LOW_CREDITS = {  # a charge leaving less than this sends a "credits low" notification
    "text": env_int("AI_LOW_TEXT_CREDITS", 5),
    "image": env_int("AI_LOW_IMAGE_CREDITS", 2),
}
AI_RESERVATION_SECONDS = env_int("AI_RESERVATION_SECONDS", 600)  # then refunded by a task
AI_MONTHLY_CREDITS = {  # each month the balance is topped up to these
    "free": {
        "text": env_int("AI_FREE_TEXT_CREDITS", 50),
        "image": env_int("AI_FREE_IMAGE_CREDITS", 10),
    },
    "pro": {
        "text": env_int("AI_PRO_TEXT_CREDITS", 500),
        "image": env_int("AI_PRO_IMAGE_CREDITS", 100),
    },
}
AI_RATE_LIMITS = {  # requests per window: (count, seconds)
    "user": [
        (env_int("AI_USER_PER_MINUTE", 10), 60),
        (env_int("AI_USER_PER_DAY", 300), 86_400),
    ],
    "ip": [(env_int("AI_IP_PER_MINUTE", 30), 60)],
}

# --- Accounts -------------------------------------------------------------------------------

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/dashboard/"
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*"]
ACCOUNT_SIGNUP_FORM_CLASS = "apps.accounts.forms.SignupForm"
ACCOUNT_FORMS = {"signup": "apps.accounts.signup.AccountSignupForm"}
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Grooya] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http" if DEBUG or TESTING else "https"
ACCOUNT_RATE_LIMITS_ENABLED = True  # allauth's defaults: login, signup, reset, code requests
ACCOUNT_USER_DISPLAY = "apps.accounts.models.user_display"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
# People with two-factor on can still add (then verify by link) a new email address.
MFA_ALLOW_UNVERIFIED_EMAIL = True
MFA_TOTP_ISSUER = "Grooya"
# "Last seen" on the Sessions page; recorded by apps.accounts.middleware, not allauth's own.
USERSESSIONS_TRACK_ACTIVITY = True

SOCIAL_LOGIN_HOSTS = {"google": "https://accounts.google.com", "github": "https://github.com"}
SOCIALACCOUNT_PROVIDERS: dict = {}
for _provider in SOCIAL_LOGIN_HOSTS:
    _prefix = _provider.upper()
    _client_id = env_str(f"{_prefix}_CLIENT_ID")
    if _client_id:
        _secret = env_str(f"{_prefix}_CLIENT_SECRET")
        if not _secret:
            raise ImproperlyConfigured(
                f"{_prefix}_CLIENT_SECRET must be set with {_prefix}_CLIENT_ID."
            )
        SOCIALACCOUNT_PROVIDERS[_provider] = {
            "APPS": [{"client_id": _client_id, "secret": _secret}],
            "SCOPE": ["profile", "email"] if _provider == "google" else ["user:email"],
        }
# Only configured providers are installed: an unconfigured one has no sign-in or callback URL
# (404), instead of a view that fails with "SocialApp matching query does not exist" (500).
INSTALLED_APPS += [f"allauth.socialaccount.providers.{p}" for p in SOCIALACCOUNT_PROVIDERS]
SOCIALACCOUNT_EMAIL_AUTHENTICATION = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = True

REST_FRAMEWORK = {
    # An API key, else the browser's session (with CSRF). The first names the 401 challenge.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "apps.api.authentication.ApiKeyAuthentication",
        "rest_framework_simplejwt.authentication.JWTAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [
        "rest_framework.parsers.JSONParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "EXCEPTION_HANDLER": "apps.api.errors.problem_exception_handler",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "apps.api.pagination.PageNumberPagination",
    "PAGE_SIZE": 24,
    "UNAUTHENTICATED_USER": None,
}

SIMPLE_JWT = {
    "ACCESS_TOKEN_LIFETIME": timedelta(minutes=15),
    "REFRESH_TOKEN_LIFETIME": timedelta(days=30),
    "ROTATE_REFRESH_TOKENS": True,
    "BLACKLIST_AFTER_ROTATION": True,
    "UPDATE_LAST_LOGIN": False,
    "USER_ID_FIELD": "id",
    "USER_ID_CLAIM": "user_id",
    "AUTH_HEADER_TYPES": ("Bearer",),
    "TOKEN_REFRESH_SERIALIZER": "apps.api.jwt.RefreshSerializer",
    "TOKEN_VERIFY_SERIALIZER": "apps.api.jwt.VerifySerializer",
}

# Cross-origin API calls only from these origins (none by default); never with cookies.
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS", [])
CORS_URLS_REGEX = r"^/(api|v1)/.*$"
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_HEADERS = ["authorization", "content-type", "idempotency-key"]
CORS_EXPOSE_HEADERS = [
    "X-RateLimit-Limit",
    "X-RateLimit-Remaining",
    "X-RateLimit-Reset",
    "Retry-After",
    "Location",
    "Idempotent-Replayed",
]

# API requests a minute, per API key or person, and per IP address (apps/api/ratelimit.py).
API_RATE_LIMITS = {
    "user": env_int("API_RATE_LIMIT_PER_MINUTE", 120),
    "ip": env_int("API_IP_RATE_LIMIT_PER_MINUTE", 300),
}

API_DOCS_ENABLED = env_bool("API_DOCS_ENABLED", DEBUG)  # ReDoc at /api/docs/

SPECTACULAR_SETTINGS = {
    "TITLE": "Grooya API",
    "DESCRIPTION": (
        "Your account and credits, AI writing and images, your assets, and published "
        "portfolios and resumes, as JSON; plus OpenAI-compatible endpoints under `/v1/`.\n\n"
        "**Sign in** with an API key (`Authorization: Bearer gry_…`, made in Settings → API "
        "keys, limited to its scopes), a JWT from `/api/auth/jwt/token/`, or the browser's "
        "session (with its CSRF token).\n\n"
        "**Bodies** are JSON with camelCase names. **Errors** are RFC 7807 "
        "`application/problem+json` with a machine-readable `code` (the `/v1/` endpoints "
        "answer in OpenAI's error shape). **Lists** are paged: `page`, `pageSize`, and "
        "`count`/`next`/`previous` in the answer.\n\n"
        "**Retries**: send `Idempotency-Key` on a POST; the same key with the same body answers "
        "what the first answered, without a second charge, for 24 hours. **Limits**: every "
        "answer carries `X-RateLimit-Limit`, `X-RateLimit-Remaining` and `X-RateLimit-Reset`; "
        "past a limit it is 429 with `Retry-After`."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "apps.api.schema.add_errors_and_limits",
    ],
    "TAGS": [
        {"name": "Account", "description": "Your profile and your AI credits."},
        {"name": "AI", "description": "Writing tasks and images; they spend credits."},
        {"name": "Assets", "description": "Your images: upload, list, describe, delete."},
        {"name": "Published", "description": "Published portfolios and resumes; no sign-in."},
        {"name": "OpenAI-compatible", "description": "For tools that speak OpenAI's protocol."},
        {"name": "Authentication", "description": "JSON Web Tokens for first-party clients."},
    ],
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "tailwind"
CRISPY_TEMPLATE_PACK = "tailwind"

# --- Email ----------------------------------------------------------------------------------

MAILERS = mailers_from_url(env_str("EMAIL_URL", "console://"))
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Grooya <hello@grooya.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Security -------------------------------------------------------------------------------

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Browser features nobody here uses are switched off for every page and every frame in it
# (a portfolio's video embed included). Only names Chromium recognises: others log warnings.
# Passkeys (publickey-credentials-*) need their entries removed when they are turned on.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in [
        "accelerometer",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "identity-credentials-get",
        "idle-detection",
        "interest-cohort",
        "local-fonts",
        "magnetometer",
        "microphone",
        "midi",
        "otp-credentials",
        "payment",
        "publickey-credentials-create",
        "publickey-credentials-get",
        "serial",
        "usb",
        "window-management",
        "xr-spatial-tracking",
    ]
)
CSRF_FAILURE_VIEW = "apps.core.views.csrf_failure"

if not (DEBUG or TESTING):
    # __Host- cookies must be Secure, path "/" and have no Domain: the browser enforces it.
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
if env_bool("SECURE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Images may come from the object storage's own origin (or its CDN domain).
MEDIA_ORIGINS = []
if STORAGE_BACKEND == "s3":
    _media = env_str("S3_CUSTOM_DOMAIN")
    MEDIA_ORIGINS = [f"https://{_media}"] if _media else []
    if not _media and env_str("S3_ENDPOINT_URL"):
        _parts = urlsplit(env_str("S3_ENDPOINT_URL"))
        MEDIA_ORIGINS = [f"{_parts.scheme}://{_parts.netloc}"]
    elif not _media:
        MEDIA_ORIGINS = ["https://*.amazonaws.com"]

# The whole app runs without inline script or style; social sign-in posts to the provider.
SECURE_CSP = {
    "default-src": [CSP.NONE],
    "script-src": [CSP.SELF],
    # The nonce appears only on pages that use it: Trix's own <style> (components/richtext_head).
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:", *MEDIA_ORIGINS],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "manifest-src": [CSP.SELF],
    "form-action": [CSP.SELF, *(SOCIAL_LOGIN_HOSTS[p] for p in SOCIALACCOUNT_PROVIDERS)],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.NONE],
}

# --- Logging: everything to stdout; Django's reporter filter hides settings and POST secrets.

LOG_LEVEL = env_str("LOG_LEVEL", "INFO").upper()
if LOG_LEVEL not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
    raise ImproperlyConfigured("LOG_LEVEL must be DEBUG, INFO, WARNING, ERROR or CRITICAL.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {
        "stdout": {"class": "logging.StreamHandler", "stream": sys.stdout, "formatter": "plain"}
    },
    "root": {"handlers": ["stdout"], "level": LOG_LEVEL},
    "loggers": {
        "django": {"handlers": ["stdout"], "level": LOG_LEVEL, "propagate": False},
        "django.db.backends": {"level": "WARNING"},
        "django.tasks": {"level": "WARNING"},
        # WeasyPrint logs every step of every PDF and each CSS rule it ignores (the resume web
        # page's); the PDFs are checked by tests instead.
        "weasyprint": {"level": "ERROR"},
        "fontTools": {"level": "ERROR"},
    },
}

# --- Internationalisation -------------------------------------------------------------------

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True
