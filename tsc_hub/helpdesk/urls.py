"""Pages of the helpdesk app."""

from django.urls import path

from tsc_hub.helpdesk.views import enquiries, faq, threads

app_name = "helpdesk"
urlpatterns = [
    path("requests/<int:request_id>/", threads.thread, name="thread"),
    path("enquiries/", enquiries.enquiry_list, name="enquiries"),
    path("enquiries/new/", enquiries.enquiry_new, name="enquiry_new"),
    path("enquiries/<int:enquiry_id>/", enquiries.enquiry_detail, name="enquiry"),
    path("enquiries/<int:enquiry_id>/reply/", enquiries.enquiry_reply, name="enquiry_reply"),
    path("enquiries/<int:enquiry_id>/transition/", enquiries.enquiry_transition, name="enquiry_transition"),
    path("enquiries/<int:enquiry_id>/faq/", faq.faq_publish, name="faq_publish"),
    path("faq/", faq.faq, name="faq"),
]
