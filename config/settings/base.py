"""Settings shared by every environment; values come from TSC_HUB_* environment variables.

See docs/configuration.md for every option and its default.
"""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from config.env import env_bool, env_int, env_list, env_path, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PACKAGE_DIR = BASE_DIR / "tsc_hub"
DATA_DIR = env_path("TSC_HUB_DATA_DIR", BASE_DIR / "var")

SECRET_KEY = env_str("TSC_HUB_SECRET_KEY", "insecure-development-key-change-me")
DEBUG = env_bool("TSC_HUB_DEBUG", False)
ALLOWED_HOSTS = env_list("TSC_HUB_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("TSC_HUB_CSRF_TRUSTED_ORIGINS", [])
# Demo mode is what lets `seed-demo` create people with published passwords.
DEMO_MODE = env_bool("TSC_HUB_DEMO_MODE", False)
SITE_NAME = "tsc-hub"
# Where people reach the site; links in e-mails start with it.
SITE_URL = env_str("TSC_HUB_SITE_URL", "http://127.0.0.1:8000")
# Matching embeddings: "auto" (the multilingual sentence encoder if installed, else the n-gram fallback),
# "use" (the encoder, required) or "char-ngram" (the fallback, for tests and small machines).
MATCHING_EMBEDDER = env_str("TSC_HUB_EMBEDDER", "auto")

# OAI-PMH provider at /oai: repository identifier (default: the host of SITE_URL), contact, page size.
OAI_REPOSITORY_ID = env_str("TSC_HUB_OAI_REPOSITORY_ID", "")
OAI_ADMIN_EMAIL = env_str("TSC_HUB_OAI_ADMIN_EMAIL", "")
OAI_PAGE_SIZE = env_int("TSC_HUB_OAI_PAGE_SIZE", 100)

INSTALLED_APPS = [
    # tsc-hub apps first so their templates override those of third-party apps.
    "tsc_hub.core",
    "tsc_hub.geography",
    "tsc_hub.vocabularies",
    "tsc_hub.accounts",
    "tsc_hub.organisations",
    "tsc_hub.centres",
    "tsc_hub.notifications",
    "tsc_hub.assistance",
    "tsc_hub.offers",
    "tsc_hub.matching",
    "tsc_hub.projects",
    "tsc_hub.helpdesk",
    "tsc_hub.knowledge",
    "tsc_hub.capacity",
    "tsc_hub.chm",
    "tsc_hub.harvest",
    "tsc_hub.proposals",
    "tsc_hub.hosting",
    "tsc_hub.network",
    "tsc_hub.advisory",
    "tsc_hub.portal",
    "tsc_hub.demo",
    "tsc_hub.search",
    "django.contrib.admin",
    "django.contrib.sitemaps",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_htmx",
    "ninja",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "tsc_hub.accounts.middleware.RequireMultiFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "tsc_hub.portal.context_processors.navigation",
            ],
        },
    }
]


def _database_config() -> dict[str, object]:
    default_url = f"sqlite:///{DATA_DIR / 'tsc-hub.sqlite3'}"
    config: dict[str, object] = dict(
        dj_database_url.parse(env_str("TSC_HUB_DATABASE_URL", default_url), conn_max_age=0)
    )
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # WAL lets the web process read while the job worker writes; IMMEDIATE avoids
        # "database is locked" upgrades from read to write transactions.
        config["OPTIONS"] = {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
            "transaction_mode": "IMMEDIATE",
        }
    else:
        config["CONN_MAX_AGE"] = env_int("TSC_HUB_DB_CONN_MAX_AGE", 60)
        config["CONN_HEALTH_CHECKS"] = True
    config["ATOMIC_REQUESTS"] = False
    return config


DATABASES = {"default": _database_config()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

TASKS = {
    "default": {
        "BACKEND": env_str("TSC_HUB_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default", "email"],
    }
}

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "tsc-hub",
    }
}

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
    "tsc_hub.accounts.backends.RolePolicyBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_REDIRECT_URL = "accounts:profile"
LOGIN_URL = "account_login"

# django-allauth: e-mail is the login; an address must be verified before signing in.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = env_str("TSC_HUB_EMAIL_VERIFICATION", "mandatory")
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_ADAPTER = "tsc_hub.accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[tsc-hub] "
ACCOUNT_RATE_LIMITS: dict[str, str] | bool = {"login_failed": "10/m/ip,5/5m/key"}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "tsc-hub"

EMAIL_BACKEND = env_str("TSC_HUB_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("TSC_HUB_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("TSC_HUB_EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("TSC_HUB_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("TSC_HUB_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("TSC_HUB_EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("TSC_HUB_DEFAULT_FROM_EMAIL", "tsc-hub <no-reply@localhost>")

# The six UN languages. Chinese is "zh-hans" for Django (its own translations live there);
# content fields use the CHM's two-letter keys (see tsc_hub.core.languages).
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("ar", _("Arabic")),
    ("en", _("English")),
    ("es", _("Spanish")),
    ("fr", _("French")),
    ("ru", _("Russian")),
    ("zh-hans", _("Chinese")),
]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

TSC_HUB_MAX_UPLOAD_MB = env_int("TSC_HUB_MAX_UPLOAD_MB", 10)
DATA_UPLOAD_MAX_MEMORY_SIZE = (TSC_HUB_MAX_UPLOAD_MB + 1) * 1024 * 1024

NINJA_PAGINATION_PER_PAGE = 50
NINJA_PAGINATION_MAX_LIMIT = 200

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("TSC_HUB_LOG_LEVEL", "INFO")},
    # WeasyPrint reports every layout step at INFO.
    "loggers": {"weasyprint": {"level": "WARNING"}, "fontTools": {"level": "WARNING"}},
}
