"""Non-page views for modules; Wagtail serves the pages themselves."""

from django.urls import path

from . import views

app_name = "modules"
urlpatterns = [
    path("modules/<int:page_id>/read/", views.module_read, name="module_read"),
    path("search/", views.search, name="search"),
]
