"""Permissions of the help desk, added to the role policy when the app is ready.

Who may write in a request's conversation is decided by the roles held for that request (see
services.thread); who may act on an enquiry by the roles held for its centre (workflow.py). These
rules cover reading everything and managing the shared texts.
"""

from tsc_hub.accounts.policy import Rule
from tsc_hub.accounts.roles import Role

A, C, H = Role.PLATFORM_ADMIN, Role.COORDINATION_STAFF, Role.HELPDESK_OFFICER

RULES: tuple[Rule, ...] = (
    # Conversations on every request, internal notes included.
    Rule("helpdesk.read_all_threads", C, "any"),
    Rule("helpdesk.read_all_threads", A, "any"),
    # Answer templates: read and used by the whole help desk, written by coordination.
    Rule("helpdesk.use_templates", H, "any"),
    Rule("helpdesk.use_templates", C, "any"),
    Rule("helpdesk.use_templates", A, "any"),
    Rule("helpdesk.manage_templates", C, "any"),
    Rule("helpdesk.manage_templates", A, "any"),
    # Every enquiry, global ones included.
    Rule("helpdesk.read_all_enquiries", C, "any"),
    Rule("helpdesk.read_all_enquiries", A, "any"),
    # The FAQ: publish, unpublish and edit any entry (officers publish answers of their own enquiries).
    Rule("helpdesk.manage_faq", C, "any"),
    Rule("helpdesk.manage_faq", A, "any"),
)
