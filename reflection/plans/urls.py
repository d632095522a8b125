from django.urls import path

from . import views

app_name = "plans"
urlpatterns = [
    path("", views.my_plan, name="my_plan"),
    path("my-plan.pdf", views.plan_pdf, name="plan_pdf"),
    path("my-plan.docx", views.plan_docx, name="plan_docx"),
    path("appraisal-pack/<int:membership_id>/", views.appraisal_pack, name="appraisal_pack"),
    path(
        "appraisal-pack/<int:membership_id>/pack.pdf",
        views.appraisal_pack_pdf,
        name="appraisal_pack_pdf",
    ),
    path(
        "appraisal-pack/<int:membership_id>/pack.docx",
        views.appraisal_pack_docx,
        name="appraisal_pack_docx",
    ),
    path("suggestions/", views.library, name="library"),
    path("commitments/new/", views.commitment_create, name="commitment_create"),
    path("commitments/<int:pk>/", views.commitment_detail, name="commitment_detail"),
    path("commitments/<int:pk>/edit/", views.commitment_edit, name="commitment_edit"),
    path("commitments/<int:pk>/share/", views.commitment_share, name="commitment_share"),
    path("commitments/<int:pk>/milestones/", views.milestone_add, name="milestone_add"),
    path("commitments/<int:pk>/updates/", views.update_add, name="update_add"),
    path("commitments/<int:pk>/reviews/", views.review_add, name="review_add"),
    path("reviews/<int:pk>/edit/", views.review_edit, name="review_edit"),
    path("reviews/<int:pk>/delete/", views.review_delete, name="review_delete"),
    path("milestones/<int:pk>/done/", views.milestone_done, name="milestone_done"),
    path("board/<int:board_id>/", views.board_plans, name="board_plans"),
    path(
        "board/<int:board_id>/members/<int:membership_id>/",
        views.member_review,
        name="member_review",
    ),
    path("board/<int:board_id>/actions/", views.action_plan, name="action_plan"),
    path("board/<int:board_id>/actions/new/", views.action_create, name="action_create"),
    path("actions/<int:pk>/", views.action_detail, name="action_detail"),
    path("actions/<int:pk>/edit/", views.action_edit, name="action_edit"),
    path("actions/<int:pk>/milestones/", views.action_milestone_add, name="action_milestone_add"),
    path(
        "action-milestones/<int:pk>/done/",
        views.action_milestone_done,
        name="action_milestone_done",
    ),
]
