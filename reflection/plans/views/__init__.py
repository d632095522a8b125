"""Pages for a member's development plan, the chair's review and the board's action plan.

- `plan`: the member's own plan, the suggestions library, the chair's view of the board;
- `documents`: the plan and the appraisal pack as PDF and Word downloads;
- `commitments`: a commitment, its updates and the chair's review comments;
- `actions`: the board's action plan;
- `milestones`: milestones of either, one pair of views per kind in `kinds.PLAN_ITEM_KINDS`.
"""

from .actions import action_create, action_detail, action_edit, action_plan
from .commitments import (
    commitment_create,
    commitment_detail,
    commitment_edit,
    commitment_share,
    review_add,
    review_delete,
    review_edit,
    update_add,
)
from .documents import appraisal_pack, appraisal_pack_docx, appraisal_pack_pdf, plan_docx, plan_pdf
from .milestones import action_milestone_add, action_milestone_done, milestone_add, milestone_done
from .plan import board_plans, library, member_review, my_plan

__all__ = [
    "action_create",
    "action_detail",
    "action_edit",
    "action_milestone_add",
    "action_milestone_done",
    "action_plan",
    "appraisal_pack",
    "appraisal_pack_docx",
    "appraisal_pack_pdf",
    "board_plans",
    "commitment_create",
    "commitment_detail",
    "commitment_edit",
    "commitment_share",
    "library",
    "member_review",
    "milestone_add",
    "milestone_done",
    "my_plan",
    "plan_docx",
    "plan_pdf",
    "review_add",
    "review_delete",
    "review_edit",
    "update_add",
]
