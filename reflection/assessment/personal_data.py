"""What self-assessment holds about a person, for their export, and what it keeps when they
are erased."""

from learning.audit.personal_data import covers, export_rows
from learning.extension_points import PersonalData
from learning.models import User

from .models import Response, Round, RoundReminder


@covers("assessment.Response", "assessment.Round", "assessment.RoundReminder")
def assessment_personal_data(user: User) -> PersonalData:
    """The person's self-assessment responses with answers and scores, and rounds they opened."""
    responses = (
        Response.objects.filter(user=user)
        .select_related("board", "version__instrument", "round")
        .prefetch_related("answers", "scores")
        .order_by("started_at")
    )
    return PersonalData(
        key="assessment",
        sections={
            "Your self-assessments": [
                {
                    **export_rows([response], exclude=["user"])[0],
                    "instrument": str(response.version.instrument),
                    "answers": export_rows(response.answers.all(), exclude=["response"]),
                    "scores": export_rows(response.scores.all(), exclude=["response"]),
                }
                for response in responses
            ],
            "Self-assessment rounds you opened": export_rows(
                Round.objects.filter(opened_by=user).select_related("board", "version")
            ),
            "Reminders you sent for rounds": export_rows(
                RoundReminder.objects.filter(sent_by=user).select_related("round"),
                exclude=["sent_by"],
            ),
        },
    )


def assessment_erase_person(user: User) -> None:
    """Keeps the person's answers behind closed rounds' figures, without the link to them."""
    from .erasure import responses_detach_for_erasure

    responses_detach_for_erasure(user=user)
