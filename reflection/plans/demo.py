"""Demo commitments, reviews, an action plan and suggested commitments. Safe to run twice."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from learning.models import Membership
from modules.areas import GoodPracticeArea as Area

from .models import (
    ActionMilestone,
    AppraisalNote,
    BoardAction,
    ChairReview,
    Commitment,
    CommitmentUpdate,
    CompetencyDomain,
    Milestone,
    Status,
    SuggestedCommitment,
)

SUGGESTIONS = [
    (
        Area.ACCOUNTABILITY,
        "Add a race equality measure to my area of the board assurance framework",
        "Agree one measure with the relevant committee and report it each quarter.",
    ),
    (
        Area.EDUCATION,
        "Finish every pre-reading module before each board development session",
        "Each module is marked complete before its session.",
    ),
    (
        Area.SAFE_SPACES,
        "Hold an open conversation with staff about their experience of racism",
        "The conversation has taken place and I have shared what I heard with the board.",
    ),
    (
        Area.VALUES,
        "Take part in reverse mentoring with an ethnic minority colleague",
        "We have met at least four times and I can name one thing I now do differently.",
    ),
    (
        Area.CHALLENGE_DISCRIMINATION,
        "Ask about race equality at every committee I chair",
        "The minutes of each meeting record the question and the answer.",
    ),
    (
        Area.CHALLENGE_YOURSELVES,
        "Invite an outside view on the board's progress on race equality",
        "An external reviewer has reported to the board and we have agreed actions.",
    ),
    (
        Area.NETWORKS,
        "Become the executive sponsor of a staff network",
        "I have met the network's leads each quarter and reported their views to the board.",
    ),
    (
        Area.HR_PROCESSES,
        "Make sure every senior interview panel I sit on is diverse",
        "Each panel I join includes at least one ethnic minority member.",
    ),
    (
        Area.DATA,
        "Ask for our waiting-list data cut by ethnicity and deprivation",
        "The data has been presented to the board with what it tells us.",
    ),
    (
        Area.HEALTH_INEQUALITIES,
        "Link one annual plan objective to a health inequality in our population",
        "The annual plan names the inequality, the objective and how progress is measured.",
    ),
]

# (email, title, area, status, due in days, explanation, milestones [(title, days, done)], update)
COMMITMENTS = [
    (
        "ceo@northbridge.example",
        "Chair the staff network listening events",
        Area.NETWORKS,
        Status.IN_PROGRESS,
        60,
        "",
        [("Agree dates with network leads", -20, True), ("Hold the first event", 20, False)],
        "Dates agreed with the three network leads.",
    ),
    (
        "exec1@northbridge.example",
        "Present WRES indicator 2 with a plan to close the gap",
        Area.DATA,
        Status.AT_RISK,
        -10,
        "",
        [("Get the shortlisting data by band", -30, True), ("Draft the board paper", -12, False)],
        "The data arrived late; the paper slipped to next month.",
    ),
    (
        "exec2@northbridge.example",
        "Put a diverse panel on every band 8c and above interview",
        Area.HR_PROCESSES,
        Status.PLANNED,
        90,
        "",
        [("Agree the panel rule with HR", 30, False)],
        "",
    ),
    (
        "exec3@northbridge.example",
        "Review disciplinary cases by ethnicity each quarter",
        Area.HR_PROCESSES,
        Status.DONE,
        -5,
        "",
        [("First quarterly review", -60, True), ("Second quarterly review", -8, True)],
        "Both reviews reported to the people committee.",
    ),
    (
        "ned1@northbridge.example",
        "Ask about race equality at every quality committee I chair",
        Area.CHALLENGE_DISCRIMINATION,
        Status.IN_PROGRESS,
        120,
        "",
        [("Add a standing item to the agenda", -14, True), ("Review the minutes", 5, False)],
        "The standing item is on the agenda from this month.",
    ),
    (
        "ned2@northbridge.example",
        "Take part in reverse mentoring",
        Area.VALUES,
        Status.NOT_DONE,
        -20,
        "My mentor moved to another trust and the scheme paused. I will rejoin in the spring.",
        [("First meeting", -50, True)],
        "",
    ),
    (
        "ned3@northbridge.example",
        "Visit two community engagement events",
        Area.HEALTH_INEQUALITIES,
        Status.PLANNED,
        -3,
        "",
        [],
        "",
    ),
]

ACTIONS = [
    (
        "chair@northbridge.example",
        "Put race equality into the board assurance framework",
        Area.ACCOUNTABILITY,
        Status.IN_PROGRESS,
        75,
        [("Draft the risk wording", -10, True), ("Agree it at the audit committee", 30, False)],
    ),
    (
        "ceo@northbridge.example",
        "Appoint an executive sponsor for each staff network",
        Area.NETWORKS,
        Status.DONE,
        -15,
        [("Sponsors named", -20, True)],
    ),
    (
        "exec1@northbridge.example",
        "Report the WRES indicators to the board twice a year",
        Area.DATA,
        Status.AT_RISK,
        -4,
        [("First report", -6, False)],
    ),
    (
        "ned4@northbridge.example",
        "Hold a data workshop with ethnic minority colleagues",
        Area.DATA,
        Status.PLANNED,
        100,
        [("Book the room and invite colleagues", 40, False)],
    ),
]


def _seat(people, email) -> Membership:
    return Membership.objects.get(user=people.user(email), board=people.northbridge)


def _milestones(model, parent_field, parent, rows, today, now):
    for title, days, done in rows:
        model.objects.get_or_create(
            **{parent_field: parent},
            title=title,
            defaults={
                "due_date": today + timedelta(days=days),
                "completed_at": now if done else None,
            },
        )


# The Leadership Competency Framework domain each demo commitment evidences, by its area.
DOMAIN_FOR_AREA = {
    Area.ACCOUNTABILITY: CompetencyDomain.GOVERNANCE,
    Area.DATA: CompetencyDomain.GOVERNANCE,
    Area.SAFE_SPACES: CompetencyDomain.CULTURE,
    Area.VALUES: CompetencyDomain.CULTURE,
    Area.NETWORKS: CompetencyDomain.PARTNERS,
    Area.HEALTH_INEQUALITIES: CompetencyDomain.OUTCOMES,
}


@transaction.atomic
def seed_plans(people) -> None:
    """Northbridge: shared commitments in every status, some overdue, reviews, an action plan."""
    today = timezone.localdate()
    now = timezone.now()
    for area, title, measure in SUGGESTIONS:
        SuggestedCommitment.objects.get_or_create(
            title=title, defaults={"area": area, "success_measure": measure}
        )
    chair = people.user("chair@northbridge.example")
    for email, title, area, status, days, explanation, milestones, update in COMMITMENTS:
        seat = _seat(people, email)
        commitment, created = Commitment.objects.get_or_create(
            owner=seat,
            title=title,
            defaults={
                "area": area,
                "competency_domain": DOMAIN_FOR_AREA.get(area, CompetencyDomain.EQUALITY),
                "status": status,
                "due_date": today + timedelta(days=days),
                "explanation": explanation,
                "success_measure": "Recorded in my appraisal with evidence from the minutes.",
                "shared_at": now,
                "created_at": now - timedelta(days=90),
            },
        )
        _milestones(Milestone, "commitment", commitment, milestones, today, now)
        if update:
            CommitmentUpdate.objects.get_or_create(
                commitment=commitment, text=update, defaults={"date": today - timedelta(days=7)}
            )
        if created and status in (Status.AT_RISK, Status.NOT_DONE, Status.DONE):
            ChairReview.objects.create(
                commitment=commitment,
                author=chair,
                text="Thank you for the honest update. Let us talk it through at your appraisal.",
            )
    Commitment.objects.get_or_create(
        owner=_seat(people, "ned1@northbridge.example"),
        title="Read the lexicon before each session",
        defaults={
            "area": Area.EDUCATION,
            "due_date": today + timedelta(days=45),
            "success_measure": "I can explain each key term in my own words.",
        },
    )
    AppraisalNote.objects.get_or_create(
        member=_seat(people, "ned1@northbridge.example"),
        year=today.year,
        defaults={
            "author": chair,
            "text": "Samuel has made race equality a standing item at the quality committee. "
            "Next year we agreed he will lead the board's conversation on the patient data.",
        },
    )
    for email, title, _area, status, days, milestones in ACTIONS:
        action, _ = BoardAction.objects.get_or_create(
            board=people.northbridge,
            title=title,
            defaults={
                "owner": _seat(people, email),
                "status": status,
                "due_date": today + timedelta(days=days),
            },
        )
        _milestones(ActionMilestone, "action", action, milestones, today, now)
