from django.urls import path

from .views import analytics, chat, contact, inbox, notifications, recruiters, share

app_name = "audience"
urlpatterns = [
    # Public: share links, the contact form's target, the analytics beacon.
    path("s/<str:token>/", share.share_page, name="share"),
    path("s/<str:token>/pdf/", share.share_pdf, name="share-pdf"),
    path("s/<str:token>/<slug:page_slug>/", share.share_page, name="share-page"),
    path("contact/<uuid:pk>/", contact.contact_send, name="contact"),
    path("ask/<uuid:pk>/", chat.chat_ask, name="chat"),
    path("a/b.gif", analytics.beacon, name="beacon"),
    # The creator's.
    path("portfolios/<uuid:pk>/share/", share.portfolio_share, name="portfolio-share"),
    path("resumes/<uuid:pk>/share/", share.resume_share, name="resume-share"),
    path("share/<uuid:pk>/revoke/", share.share_revoke, name="share-revoke"),
    path("notifications/", notifications.notification_list, name="notifications"),
    path("notifications/read/", notifications.notification_read_all, name="notifications-read"),
    path(
        "notifications/<uuid:pk>/read/",
        notifications.notification_read,
        name="notification-read",
    ),
    path(
        "settings/notifications/",
        notifications.notification_settings,
        name="notification-settings",
    ),
    path("inbox/", inbox.inbox_list, name="inbox"),
    path("inbox/<uuid:pk>/", inbox.message_detail, name="message"),
    path("inbox/<uuid:pk>/<str:action>/", inbox.message_action, name="message-action"),
    path("analytics/", analytics.analytics_page, name="analytics"),
    path("saved/", recruiters.saved_home, name="saved"),
    path("saved/add/", recruiters.saved_add, name="saved-add"),
    path("saved/lists/new/", recruiters.list_create, name="saved-list-create"),
    path("saved/lists/<uuid:pk>/delete/", recruiters.list_delete, name="saved-list-delete"),
    path("saved/items/<uuid:pk>/", recruiters.item_edit, name="saved-item"),
    path("saved/items/<uuid:pk>/delete/", recruiters.item_delete, name="saved-item-delete"),
    path("saved/items/<uuid:pk>/summary/", recruiters.item_summary, name="saved-item-summary"),
]
