"""Writes of the help desk; every function runs in one transaction, checks permission and is audited."""

from tsc_hub.helpdesk.services.answers import save_answer_template
from tsc_hub.helpdesk.services.enquiries import EnquiryData, submit_enquiry
from tsc_hub.helpdesk.services.enquiry_flow import assign_enquiry, reply_to_enquiry, transition_enquiry
from tsc_hub.helpdesk.services.faq import may_publish_faq, publish_faq, set_faq_published
from tsc_hub.helpdesk.services.people import enquiry_roles
from tsc_hub.helpdesk.services.thread import (
    may_post,
    post_message,
    post_message_from_template,
    render_answer,
    thread_roles,
)

__all__ = [
    "EnquiryData",
    "assign_enquiry",
    "enquiry_roles",
    "may_post",
    "may_publish_faq",
    "post_message",
    "post_message_from_template",
    "publish_faq",
    "render_answer",
    "reply_to_enquiry",
    "save_answer_template",
    "set_faq_published",
    "submit_enquiry",
    "thread_roles",
    "transition_enquiry",
]
