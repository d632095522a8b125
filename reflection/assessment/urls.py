from django.urls import path

from . import views

app_name = "assessment"
urlpatterns = [
    path("", views.index, name="index"),
    path("start/<int:instrument_id>/", views.start, name="start"),
    path("rounds/<int:round_id>/", views.round_detail, name="round_detail"),
    path("rounds/<int:round_id>/start/", views.round_start, name="round_start"),
    path("rounds/<int:round_id>/change/", views.round_edit, name="round_edit"),
    path("rounds/<int:round_id>/extend/", views.round_extend, name="round_extend"),
    path("rounds/<int:round_id>/close/", views.round_close, name="round_close"),
    path("rounds/<int:round_id>/delete/", views.round_delete, name="round_delete"),
    path("rounds/<int:round_id>/remind/", views.round_remind, name="round_remind"),
    path("responses/<int:response_id>/", views.result, name="result"),
    path("responses/<int:response_id>/part-<int:part>/", views.take, name="take"),
    path("responses/<int:response_id>/autosave/", views.autosave, name="autosave"),
    path("responses/<int:response_id>/share/", views.share, name="share"),
    path("boards/<int:board_id>/rounds/", views.board_rounds, name="board_rounds"),
    path("boards/<int:board_id>/rounds/new/", views.round_new, name="round_new"),
    path("boards/<int:board_id>/shared/", views.shared_results, name="shared"),
]
