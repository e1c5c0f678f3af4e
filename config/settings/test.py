"""Settings for the test suite: fast hashing, in-memory e-mail, tasks run immediately."""

import os
import tempfile

os.environ.setdefault("TSC_HUB_DATA_DIR", tempfile.mkdtemp(prefix="tsc-hub-test-"))
os.environ.setdefault("TSC_HUB_DEMO_MODE", "true")

from config.settings.base import *  # noqa: F403
from config.settings.base import STORAGES, TASKS

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {**TASKS["default"], "BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
ACCOUNT_RATE_LIMITS = False
# The sentence encoder takes seconds to load; tests of the database side use the n-gram fallback.
MATCHING_EMBEDDER = "char-ngram"
from config.settings.base import STATIC_ROOT  # noqa: E402

STATIC_ROOT.mkdir(parents=True, exist_ok=True)
