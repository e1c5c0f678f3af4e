"""Production settings: secure cookies, HSTS, a secret key that must be set."""

from config.env import ConfigurationError, env_bool, env_int
from config.settings.base import *  # noqa: F403
from config.settings.base import DEBUG, SECRET_KEY

if SECRET_KEY.startswith("insecure-") or DEBUG:
    raise ConfigurationError("Production needs TSC_HUB_SECRET_KEY set and TSC_HUB_DEBUG false.")

SECURE_SSL_REDIRECT = env_bool("TSC_HUB_SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("TSC_HUB_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
