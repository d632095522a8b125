"""What knowledge checks hold about a person, for their personal data export."""

from learning.audit.personal_data import covers, export_rows
from learning.extension_points import PersonalData
from learning.models import User

from .models import Attempt, AttemptAnswer


@covers("quizzes.Attempt", "quizzes.AttemptAnswer")
def quizzes_personal_data(user: User) -> PersonalData:
    """The person's knowledge-check attempts with every answer, and the marks they gave."""
    attempts = (
        Attempt.objects.filter(user=user)
        .select_related("quiz")
        .prefetch_related("answers__options")
        .order_by("started_at")
    )
    return PersonalData(
        key="knowledge_checks",
        sections={
            "Your knowledge-check attempts": [
                {
                    **export_rows([attempt], exclude=["user"])[0],
                    "answers": [
                        {
                            **export_rows([answer], exclude=["attempt", "question", "marked_by"])[
                                0
                            ],
                            "options": export_rows(
                                answer.options.all(), exclude=["attempt_answer", "answer"]
                            ),
                        }
                        for answer in attempt.answers.all()
                    ],
                }
                for attempt in attempts
            ],
            # As a marker, only what the person wrote: never the member's own answer text.
            "Free-text answers you marked": export_rows(
                AttemptAnswer.objects.filter(marked_by=user).select_related("attempt__quiz"),
                exclude=["free_text", "text", "explanation", "question", "marked_by", "flagged"],
            ),
        },
    )
