from django.urls import path

from .views import public

app_name = "public"
urlpatterns = [
    path("p/<slug:slug>/", public.public_page, name="page"),
    path("p/<slug:slug>/<slug:page_slug>/", public.public_page, name="page-slug"),
    path("sitemap.xml", public.sitemap, name="sitemap"),
    path("robots.txt", public.robots, name="robots"),
]
