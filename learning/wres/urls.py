from django.urls import path

from . import views

app_name = "wres"
urlpatterns = [
    path("template.csv", views.template_download, name="template_csv"),
    path("boards/<int:board_id>/", views.workbook, name="workbook"),
    path("boards/<int:board_id>/years/<str:year>/", views.workbook, name="workbook_year"),
    path("boards/<int:board_id>/figures/new/", views.figures_enter, name="figures_enter"),
    path("boards/<int:board_id>/years/<str:year>/change/", views.figures_edit, name="figures_edit"),
    path("boards/<int:board_id>/upload/", views.figures_upload, name="figures_upload"),
]
