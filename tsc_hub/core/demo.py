"""What every app's demo seeding shares: the published demo credentials and the demo-mode guard. Here, at
the bottom of the layers, so that apps seeding their own demo records need not copy them."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext as _

from tsc_hub.core.exceptions import DomainError

DEMO_PASSWORD = "demo-tsc-hub-2026"
DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


class DemoModeRequired(DomainError):
    """Demo data with published passwords must never reach a real platform."""

    code = "demo_mode_required"


def require_demo_mode() -> None:
    """Refuse unless TSC_HUB_DEMO_MODE is on."""
    if not settings.DEMO_MODE:
        raise DemoModeRequired(_("Demo data can only be loaded when TSC_HUB_DEMO_MODE is true."))
