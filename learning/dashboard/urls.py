from django.urls import path

from . import views

app_name = "dashboard"
urlpatterns = [
    path("<int:board_id>/", views.board_dashboard, name="board_dashboard"),
    path("<int:board_id>/board-paper/", views.board_paper_form, name="board_paper_form"),
    path("<int:board_id>/board-paper.pdf", views.board_paper, name="board_paper"),
    path("<int:board_id>/board-paper.docx", views.board_paper_docx, name="board_paper_docx"),
    path("<int:board_id>/readiness.csv", views.readiness_export, name="readiness_csv"),
    path("<int:board_id>/commitments.csv", views.commitments_export, name="commitments_csv"),
    path("<int:board_id>/scores.csv", views.scores_export, name="scores_csv"),
]
