"""What plans hold about a person, for their personal data export.

Their own commitments with milestones, updates and the chair's comments on them; appraisal
notes about them; what they wrote as a chair (without the member's commitments, which are the
member's data); the board actions they own; and the reminders sent to them.
"""

from learning.audit.personal_data import covers, export_rows
from learning.extension_points import PersonalData
from learning.models import User

from .models import (
    ActionMilestone,
    AppraisalNote,
    BoardAction,
    ChairReview,
    Commitment,
    CommitmentUpdate,
    Milestone,
    SentReminder,
)


@covers(
    "plans.Commitment",
    "plans.Milestone",
    "plans.CommitmentUpdate",
    "plans.ChairReview",
    "plans.AppraisalNote",
    "plans.BoardAction",
    "plans.ActionMilestone",
    "plans.SentReminder",
)
def plans_personal_data(user: User) -> PersonalData:
    mine = Commitment.objects.filter(owner__user=user)
    actions = BoardAction.objects.filter(owner__user=user)
    sections = {
        "Development plan commitments": export_rows(
            mine.select_related("owner__board__organisation", "module")
        ),
        "Commitment milestones": export_rows(Milestone.objects.filter(commitment__in=mine)),
        "Commitment updates": export_rows(CommitmentUpdate.objects.filter(commitment__in=mine)),
        # Who wrote a comment or note is another person's name, so it is left out.
        "Review comments on your commitments": export_rows(
            ChairReview.objects.filter(commitment__in=mine), exclude=["author"]
        ),
        "Appraisal notes about you": export_rows(
            AppraisalNote.objects.filter(member__user=user), exclude=["author"]
        ),
        "Review comments you wrote as chair": export_rows(
            ChairReview.objects.filter(author=user), exclude=["commitment", "author"]
        ),
        "Appraisal notes you wrote as chair": export_rows(
            AppraisalNote.objects.filter(author=user), exclude=["member", "author"]
        ),
        "Board actions you own": export_rows(actions.select_related("board__organisation")),
        "Milestones of board actions you own": export_rows(
            ActionMilestone.objects.filter(action__in=actions)
        ),
        "Reminders sent to you": export_rows(
            SentReminder.objects.filter(recipient=user), exclude=["recipient"]
        ),
    }
    return PersonalData(key="plans", sections=sections)
