from django.urls import re_path
from django.views.decorators.csrf import csrf_exempt

from . import openai_views as views

app_name = "openai"
urlpatterns = [
    re_path(r"^models(?:/)?$", views.ModelList.as_view(), name="models"),
    re_path(r"^chat/completions(?:/)?$", views.ChatCompletions.as_view(), name="chat-completions"),
    re_path(r"^images/generations(?:/)?$", views.ImageGenerations.as_view(), name="images"),
    re_path(r"^(?P<path>.*)$", csrf_exempt(views.not_found)),
]
