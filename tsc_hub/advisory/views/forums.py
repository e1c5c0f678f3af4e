"""Pages of the forums: threads, replies, moderation and subscriptions."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tsc_hub.accounts.auth import signed_in_user
from tsc_hub.advisory import services
from tsc_hub.advisory.access import access_forum, access_reply, access_thread, require_committee
from tsc_hub.advisory.forms import ReplyForm, ThreadForm
from tsc_hub.advisory.models import Forum, Subscription
from tsc_hub.advisory.permissions import may_moderate, may_post
from tsc_hub.advisory.views.common import domain_pages, run


@login_required
@domain_pages
def forum_list(request: HttpRequest) -> HttpResponse:
    require_committee(request.user)
    forums = Forum.objects.visible_to(request.user).select_related("subcommittee")
    return render(request, "advisory/forums.html", {"forums": forums})


@login_required
@domain_pages
def forum_detail(request: HttpRequest, forum_id: int) -> HttpResponse:
    forum = access_forum(request.user, forum_id)
    context = {
        "forum": forum,
        "threads": forum.threads.visible_to(request.user).select_related("author"),
        "can_post": may_post(request.user, forum),
        "form": ThreadForm(),
        "following": Subscription.objects.filter(user=signed_in_user(request), forum=forum).exists(),
    }
    return render(request, "advisory/forum.html", context)


@login_required
@require_POST
@domain_pages
def thread_create(request: HttpRequest, forum_id: int) -> HttpResponse:
    forum = access_forum(request.user, forum_id)
    form = ThreadForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The thread could not be started; check the fields."))
        return redirect("advisory:forum", forum.pk)
    user, values = signed_in_user(request), form.cleaned_data
    thread = run(
        request,
        lambda: services.start_thread(forum=forum, title=values["title"], body=values["body"], by=user),
    )
    if thread is None:
        return redirect("advisory:forum", forum.pk)
    messages.success(request, _("The thread is open."))
    return redirect("advisory:thread", thread.pk)


@login_required
@domain_pages
def thread_detail(request: HttpRequest, thread_id: int) -> HttpResponse:
    thread = access_thread(request.user, thread_id)
    moderator = may_moderate(request.user)
    context = {
        "thread": thread,
        "replies": thread.replies.visible_to(request.user).select_related("author", "moderated_by"),
        "can_post": may_post(request.user, thread.forum) and not thread.locked and not thread.hidden,
        "moderator": moderator,
        "form": ReplyForm(),
        "following": Subscription.objects.filter(user=signed_in_user(request), thread=thread).exists(),
    }
    return render(request, "advisory/thread.html", context)


@login_required
@require_POST
@domain_pages
def thread_reply(request: HttpRequest, thread_id: int) -> HttpResponse:
    thread = access_thread(request.user, thread_id)
    form = ReplyForm(request.POST)
    if form.is_valid():
        user, body = signed_in_user(request), form.cleaned_data["body"]
        if run(request, lambda: services.reply_to_thread(thread=thread, body=body, by=user)):
            messages.success(request, _("Your reply is posted."))
    else:
        messages.error(request, _("Write a reply first."))
    return redirect("advisory:thread", thread.pk)


@login_required
@require_POST
@domain_pages
def thread_moderate(request: HttpRequest, thread_id: int) -> HttpResponse:
    thread = access_thread(request.user, thread_id)
    user = signed_in_user(request)
    action, reason = request.POST.get("action", ""), request.POST.get("reason", "")
    if run(request, lambda: services.moderate_thread(thread=thread, action=action, reason=reason, by=user)):
        messages.success(request, _("Done."))
    return redirect("advisory:thread", thread.pk)


@login_required
@require_POST
@domain_pages
def reply_hide(request: HttpRequest, reply_id: int) -> HttpResponse:
    reply = access_reply(request.user, reply_id)
    user, reason = signed_in_user(request), request.POST.get("reason", "")
    hidden = request.POST.get("action", "hide") == "hide"
    if run(request, lambda: services.hide_reply(reply=reply, reason=reason, by=user, hidden=hidden)):
        messages.success(request, _("Done."))
    return redirect("advisory:thread", reply.thread_id)


@login_required
@require_POST
@domain_pages
def follow(request: HttpRequest) -> HttpResponse:
    """Follow or stop following a forum or a thread (the form says which and whether)."""
    user = signed_in_user(request)
    forum = thread = None
    if request.POST.get("thread"):
        thread = access_thread(user, int(request.POST["thread"]))
    else:
        forum = access_forum(user, int(request.POST.get("forum") or 0))
    if request.POST.get("stop"):
        services.unsubscribe(user=user, forum=forum, thread=thread)
        messages.success(request, _("You no longer follow it."))
    else:
        services.subscribe(user=user, forum=forum, thread=thread)
        messages.success(request, _("You will be notified of new posts."))
    if thread is not None:
        return redirect("advisory:thread", thread.pk)
    assert forum is not None
    return redirect("advisory:forum", forum.pk)
