"""Settings for `make run`: one machine, SQLite, debug on, demo mode on."""

import os

os.environ.setdefault("TSC_HUB_DEBUG", "true")
os.environ.setdefault("TSC_HUB_DEMO_MODE", "true")

from config.settings.base import *  # noqa: F403
from config.settings.base import STORAGES

# No manifest in development: static files are served straight from the apps.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
from config.settings.base import STATIC_ROOT  # noqa: E402

STATIC_ROOT.mkdir(parents=True, exist_ok=True)
