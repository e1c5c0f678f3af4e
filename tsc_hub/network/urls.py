"""Pages of the support-centre network."""

from django.urls import path

from tsc_hub.network import views
from tsc_hub.network.views import plan_items, plans, reports, space, tickets

app_name = "network"
urlpatterns = [
    path("", views.index, name="index"),
    path("plans/", plans.plan_list, name="plans"),
    path("plans/new/", plans.plan_create, name="plan_create"),
    path("plans/<int:plan_id>/", plans.plan_detail, name="plan"),
    path("plans/<int:plan_id>/outcomes/", plans.plan_add_outcome, name="plan_add_outcome"),
    path("plans/<int:plan_id>/outcomes/<int:outcome_id>/", plan_items.outcome_edit, name="outcome_edit"),
    path(
        "plans/<int:plan_id>/outcomes/<int:outcome_id>/activities/",
        plan_items.activity_add,
        name="activity_add",
    ),
    path(
        "plans/<int:plan_id>/outcomes/<int:outcome_id>/indicators/",
        plan_items.indicator_add,
        name="indicator_add",
    ),
    path("plans/<int:plan_id>/activities/<int:activity_id>/", plan_items.activity_edit, name="activity_edit"),
    path(
        "plans/<int:plan_id>/indicators/<int:indicator_id>/", plan_items.indicator_edit, name="indicator_edit"
    ),
    path(
        "plans/<int:plan_id>/<slug:kind>/<int:item_id>/remove/",
        plan_items.item_remove,
        name="plan_item_remove",
    ),
    path("plans/<int:plan_id>/transitions/", plans.plan_transition, name="plan_transition"),
    path("reports/", reports.report_list, name="reports"),
    path("reports/new/", reports.report_create, name="report_create"),
    path("reports/<int:report_id>/", reports.report_detail, name="report"),
    path("reports/<int:report_id>/narrative/", reports.report_narrative, name="report_narrative"),
    path("reports/<int:report_id>/refresh/", reports.report_refresh, name="report_refresh"),
    path("reports/<int:report_id>/transitions/", reports.report_transition, name="report_transition"),
    path("reports/<int:report_id>/print/", reports.report_print, name="report_print"),
    path("reports/<int:report_id>/pdf/", reports.report_pdf, name="report_pdf"),
    path("scores/", space.scorings, name="scorings"),
    path("scores/<slug:centre_code>/<int:year>/", space.score, name="score"),
    path("scores/<slug:centre_code>/<int:year>/revisions/", space.score_revisions, name="score_revisions"),
    path("space/", space.space, name="space"),
    path("space/documents/", space.document_upload, name="document_upload"),
    path("space/documents/<int:document_id>/", space.document_download, name="document"),
    path("space/exchanges/", space.exchange_record, name="exchange_record"),
    path("space/meetings/", space.meeting_record, name="meeting_record"),
    path("space/meetings/<int:meeting_id>/", space.meeting_detail, name="meeting"),
    path("tickets/", tickets.ticket_list, name="tickets"),
    path("tickets/new/", tickets.ticket_create, name="ticket_create"),
    path("tickets/<int:ticket_id>/", tickets.ticket_detail, name="ticket"),
    path("tickets/<int:ticket_id>/replies/", tickets.ticket_reply, name="ticket_reply"),
    path("tickets/<int:ticket_id>/assignee/", tickets.ticket_assign, name="ticket_assign"),
    path("tickets/<int:ticket_id>/transitions/", tickets.ticket_transition, name="ticket_transition"),
]
