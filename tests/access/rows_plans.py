"""Access rows for development plans: a member's commitments, the chair's review and the
board's action plan. The chair can read and comment on shared commitments but never change
them (403); drafts are the owner's alone; the facilitator sees counts only."""

from django.urls import reverse

from tests.access.table import Row, signed_in
from tests.plans.factories import (
    ActionMilestoneFactory,
    MilestoneFactory,
    draft_commitment,
    in_days,
    members_action,
    shared_commitment,
)

# A page of one's own plan: a board seat is needed (not a facilitator's, not an editor's).
OWN_PLAN = signed_in(200, facilitator=404, editor=404)
# A shared commitment of `member`: the owner changes it, the chair gets 403, the rest 404.
OWNER_WRITES = signed_in(404, member=302, chair=403)
CHAIR_WRITES = signed_in(404, chair=302, member=403)
BOARD_SEES = signed_in(200, other_chair=404, editor=404)


def _commitment_url(name, factory=shared_commitment):
    return lambda w: reverse(f"plans:{name}", args=[factory(w).pk])


def _commitment_data(w):
    return {
        "title": "Changed by someone",
        "area": 1,
        "success_measure": "A measure",
        "due_date": in_days(30).isoformat(),
        "status": "in_progress",
    }


def _milestone_done(w):
    milestone = MilestoneFactory(commitment=shared_commitment(w))
    return reverse("plans:milestone_done", args=[milestone.pk])


def _action_milestone_done(w):
    milestone = ActionMilestoneFactory(action=members_action(w))
    return reverse("plans:action_milestone_done", args=[milestone.pk])


def _review_url(name):
    def url(w):
        from reflection.plans.services import chair_review_add

        review = chair_review_add(commitment=shared_commitment(w), author=w.chair, text="Good")
        return reverse(f"plans:{name}", args=[review.pk])

    return url


# A review comment: its author (the chair) changes or deletes it; everyone else gets 404.
AUTHOR_ONLY = signed_in(404, chair=200)
AUTHOR_WRITES = signed_in(404, chair=302)


def _member_review(w):
    return reverse("plans:member_review", args=[w.board_a.pk, w.membership(w.member).pk])


def _pack_url(name):
    return lambda w: reverse(f"plans:{name}", args=[w.membership(w.member).pk])


OWN_PACK = signed_in(404, member=200)


ROWS = [
    Row("my plan", lambda w: reverse("plans:my_plan"), OWN_PLAN),
    Row("my plan PDF", lambda w: reverse("plans:plan_pdf"), OWN_PLAN),
    Row("my plan PDF with drafts", lambda w: reverse("plans:plan_pdf") + "?drafts=on", OWN_PLAN),
    Row("my plan Word document", lambda w: reverse("plans:plan_docx"), OWN_PLAN),
    # The member's appraisal pack: their own seat only; anyone else, the chair too, gets 404.
    Row("member's appraisal pack", _pack_url("appraisal_pack"), OWN_PACK),
    Row("member's appraisal pack PDF", _pack_url("appraisal_pack_pdf"), OWN_PACK),
    Row("member's appraisal pack Word", _pack_url("appraisal_pack_docx"), OWN_PACK),
    Row("suggested commitments", lambda w: reverse("plans:library"), OWN_PLAN),
    Row("new commitment", lambda w: reverse("plans:commitment_create"), OWN_PLAN),
    Row(
        "new commitment with forged ids",
        lambda w: (
            reverse("plans:commitment_create")
            + "?module=999999&prompt=abc&response=999999&dimension=drive&suggestion=x"
        ),
        OWN_PLAN,
    ),
    Row(
        "shared commitment",
        _commitment_url("commitment_detail"),
        signed_in(404, member=200, chair=200),
    ),
    Row(
        "draft commitment",
        _commitment_url("commitment_detail", draft_commitment),
        signed_in(404, member=200),
    ),
    Row(
        "change commitment (form)",
        _commitment_url("commitment_edit"),
        signed_in(404, member=200, chair=403),
    ),
    Row(
        "change commitment",
        _commitment_url("commitment_edit"),
        OWNER_WRITES,
        method="post",
        data=_commitment_data,
    ),
    Row(
        "share commitment",
        _commitment_url("commitment_share", draft_commitment),
        signed_in(404, member=302),
        method="post",
        data=lambda w: {"share": "1"},
    ),
    Row(
        "stop sharing commitment",
        _commitment_url("commitment_share"),
        OWNER_WRITES,
        method="post",
        data=lambda w: {"share": "0"},
    ),
    Row(
        "add milestone",
        _commitment_url("milestone_add"),
        OWNER_WRITES,
        method="post",
        data=lambda w: {"title": "A step", "due_date": in_days(5).isoformat()},
    ),
    Row(
        "mark milestone done",
        _milestone_done,
        OWNER_WRITES,
        method="post",
        data=lambda w: {"done": "1"},
    ),
    Row(
        "add update",
        _commitment_url("update_add"),
        OWNER_WRITES,
        method="post",
        data=lambda w: {"text": "Progress", "evidence_url": ""},
    ),
    Row(
        "add chair review",
        _commitment_url("review_add"),
        CHAIR_WRITES,
        method="post",
        data=lambda w: {"text": "Well done"},
    ),
    Row("change review comment", _review_url("review_edit"), AUTHOR_ONLY),
    Row(
        "change review comment (save)",
        _review_url("review_edit"),
        AUTHOR_WRITES,
        method="post",
        data=lambda w: {"text": "Better"},
    ),
    Row("delete review comment", _review_url("review_delete"), AUTHOR_ONLY),
    Row(
        "delete review comment (confirm)",
        _review_url("review_delete"),
        AUTHOR_WRITES,
        method="post",
    ),
    Row(
        "board commitments (chair and facilitator)",
        lambda w: reverse("plans:board_plans", args=[w.board_a.pk]),
        signed_in(404, chair=200, facilitator=200),
    ),
    Row("member's commitments (chair)", _member_review, signed_in(404, chair=200)),
    Row(
        "appraisal note",
        _member_review,
        signed_in(404, chair=302),
        method="post",
        data=lambda w: {"text": "A good year"},
    ),
    Row(
        "board action plan",
        lambda w: reverse("plans:action_plan", args=[w.board_a.pk]),
        BOARD_SEES,
    ),
    Row(
        "new board action (form)",
        lambda w: reverse("plans:action_create", args=[w.board_a.pk]),
        signed_in(403, chair=200, other_chair=404, editor=404),
    ),
    Row(
        "board action",
        lambda w: reverse("plans:action_detail", args=[members_action(w).pk]),
        BOARD_SEES,
    ),
    Row(
        "change board action (form)",
        lambda w: reverse("plans:action_edit", args=[members_action(w).pk]),
        signed_in(403, member=200, chair=200, other_chair=404, editor=404),
    ),
    Row(
        "add board action milestone",
        lambda w: reverse("plans:action_milestone_add", args=[members_action(w).pk]),
        signed_in(403, member=302, chair=302, other_chair=404, editor=404),
        method="post",
        data=lambda w: {"title": "A step", "due_date": in_days(5).isoformat()},
    ),
    Row(
        "mark board action milestone done",
        _action_milestone_done,
        signed_in(403, member=302, chair=302, other_chair=404, editor=404),
        method="post",
        data=lambda w: {"done": "1"},
    ),
    Row(
        "forged commitment",
        lambda w: reverse("plans:commitment_detail", args=[999999]),
        signed_in(404),
    ),
]
