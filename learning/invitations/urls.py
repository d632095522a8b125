"""The invitation pages. Their paths and names are older than this package and are kept:

- `leader_urlpatterns` are the chair's and facilitator's pages, included in the development
  app's URLs (so served under /sessions/ and named `development:invitation_…`);
- `accept_urlpatterns` is the link in the email, included at the top level (`invitation_accept`).
"""

from django.urls import URLPattern, path

from . import views

leader_urlpatterns: list[URLPattern] = [
    path("boards/<int:board_id>/invitations/", views.invitation_list, name="invitation_list"),
    path(
        "boards/<int:board_id>/invitations/template.csv",
        views.invitation_template,
        name="invitation_template",
    ),
    path(
        "boards/<int:board_id>/invitations/upload/",
        views.invitation_upload,
        name="invitation_upload",
    ),
    path(
        "invitations/<int:invitation_id>/resend/",
        views.invitation_resend,
        name="invitation_resend",
    ),
    path(
        "invitations/<int:invitation_id>/revoke/",
        views.invitation_revoke,
        name="invitation_revoke",
    ),
]

accept_urlpatterns: list[URLPattern] = [
    path("invitations/<str:token>/", views.invitation_accept, name="invitation_accept"),
]
