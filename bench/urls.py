"""The benchmark's URLs: BoardReady's own, with the floor view in front of Wagtail's pages."""

from django.urls import path

from learning.urls import urlpatterns as boardready_urlpatterns

from . import views

urlpatterns = [path("bench/floor/", views.floor, name="bench_floor"), *boardready_urlpatterns]
