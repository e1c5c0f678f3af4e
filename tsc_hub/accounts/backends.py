"""Django authentication backend that answers `has_perm` from the role policy."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import BaseBackend

from tsc_hub.accounts import policy

# Django admin permission names that stand for a tsc-hub permission.
ADMIN_EQUIVALENTS = {
    "accounts.add_roleassignment": "accounts.grant_role",
    "accounts.change_roleassignment": "accounts.revoke_role",
    "accounts.change_user": "accounts.grant_role",
}


class RolePolicyBackend(BaseBackend):
    """Grants the permissions of `tsc_hub.accounts.policy` to people holding the roles."""

    def has_perm(self, user_obj: Any, perm: str, obj: Any = None) -> bool:
        if perm in policy.permissions():
            return policy.allows(user_obj, perm, obj)
        if perm in ADMIN_EQUIVALENTS:
            return policy.allows(user_obj, ADMIN_EQUIVALENTS[perm], obj)
        if ".view_" in perm:
            return policy.allows(user_obj, "admin.view_records")
        return False

    def has_module_perms(self, user_obj: Any, app_label: str) -> bool:
        return policy.allows(user_obj, "admin.view_records")
