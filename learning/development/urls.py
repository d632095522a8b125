from django.urls import path

from learning.invitations.urls import leader_urlpatterns as invitation_urlpatterns

from . import views

app_name = "development"
urlpatterns = [
    *invitation_urlpatterns,
    path("", views.session_list, name="session_list"),
    path("digest/", views.digest_update, name="digest_update"),
    path("boards/<int:board_id>/new/", views.session_create, name="session_create"),
    path("boards/<int:board_id>/members/", views.member_list, name="member_list"),
    path(
        "boards/<int:board_id>/members/<int:membership_id>/",
        views.member_change,
        name="member_change",
    ),
    path(
        "boards/<int:board_id>/members/<int:membership_id>/end/",
        views.member_end,
        name="member_end",
    ),
    path("<int:session_id>/", views.session_detail, name="session_detail"),
    path("<int:session_id>/edit/", views.session_edit, name="session_edit"),
    path("<int:session_id>/cancel/", views.session_cancel, name="session_cancel"),
    path("<int:session_id>/delete/", views.session_delete, name="session_delete"),
    path("<int:session_id>/readiness.csv", views.session_csv, name="session_csv"),
    path("<int:session_id>/remind/", views.session_remind, name="session_remind"),
    path("<int:session_id>/attendance/", views.session_attendance, name="session_attendance"),
    path("<int:session_id>/calendar.ics", views.session_calendar, name="session_calendar"),
    path("<int:session_id>/reading/add/", views.assignment_add, name="assignment_add"),
    path(
        "<int:session_id>/reading/<int:assignment_id>/",
        views.assignment_edit,
        name="assignment_edit",
    ),
    path(
        "<int:session_id>/reading/<int:assignment_id>/withdraw/",
        views.assignment_withdraw,
        name="assignment_withdraw",
    ),
]
