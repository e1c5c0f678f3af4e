"""Pages of the advisory committee."""

from django.urls import path

from tsc_hub.advisory.views import committee, forums, meetings, members

app_name = "advisory"
urlpatterns = [
    path("", committee.index, name="index"),
    path("members/", committee.members, name="members"),
    path("members/appoint/", members.appoint, name="appoint"),
    path("members/<int:member_id>/", members.member_detail, name="member"),
    path("members/<int:member_id>/terms/", members.member_renew, name="member_renew"),
    path("members/<int:member_id>/co-chair/", members.member_co_chair, name="member_co_chair"),
    path("members/<int:member_id>/end/", members.member_end_term, name="member_end_term"),
    path("members/<int:member_id>/subcommittees/", members.member_seat, name="member_seat"),
    path("composition/", committee.composition, name="composition"),
    path("forums/", forums.forum_list, name="forums"),
    path("forums/<int:forum_id>/", forums.forum_detail, name="forum"),
    path("forums/<int:forum_id>/threads/", forums.thread_create, name="thread_create"),
    path("threads/<int:thread_id>/", forums.thread_detail, name="thread"),
    path("threads/<int:thread_id>/replies/", forums.thread_reply, name="thread_reply"),
    path("threads/<int:thread_id>/moderation/", forums.thread_moderate, name="thread_moderate"),
    path("replies/<int:reply_id>/hide/", forums.reply_hide, name="reply_hide"),
    path("follow/", forums.follow, name="follow"),
    path("meetings/", meetings.meeting_list, name="meetings"),
    path("meetings/new/", meetings.meeting_create, name="meeting_create"),
    path("meetings/<int:meeting_id>/", meetings.meeting_detail, name="meeting"),
    path("meetings/<int:meeting_id>/minutes/", meetings.minutes_publish, name="minutes_publish"),
    path("meetings/<int:meeting_id>/publish/", meetings.meeting_publish, name="meeting_publish"),
    path("meetings/<int:meeting_id>/documents/", meetings.document_upload, name="document_upload"),
    path("documents/<int:document_id>/", meetings.document_download, name="document"),
]
