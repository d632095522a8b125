"""Forms for commitments, milestones, updates, reviews, appraisal notes and board actions."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from learning.forms import NHSUKFormMixin
from learning.models import Membership

from .models import (
    ActionMilestone,
    AppraisalNote,
    BoardAction,
    ChairReview,
    Commitment,
    CommitmentUpdate,
    CompetencyDomain,
    Milestone,
)

DATE = forms.DateInput(format="%Y-%m-%d")
SHARE_CHOICES = [
    ("chair", _("Me and the chair of my board (recommended)")),
    ("draft", _("Only me, for now: keep it as a private draft")),
]


def _due_today_or_later(form):
    """A new commitment, milestone or action cannot be due in the past (an existing one may be
    overdue already, and is changed as it is)."""
    due = form.cleaned_data["due_date"]
    if form.instance.pk is None and due < timezone.localdate():
        raise forms.ValidationError(_("The due date must be today or in the future"))
    return due


class CommitmentForm(NHSUKFormMixin, forms.ModelForm):
    """A commitment's fields, as its owner writes and changes them."""

    field_nouns = {
        "title": _("what you will do"),
        "description": _("the detail"),
        "success_measure": _("how you will know you have done it"),
        "explanation": _("why it was not done"),
    }

    class Meta:
        model = Commitment
        fields = [
            "title",
            "description",
            "area",
            "competency_domain",
            "success_measure",
            "due_date",
            "status",
            "explanation",
        ]
        labels = {
            "title": _("What will you do?"),
            "description": _("More detail (optional)"),
            "area": _("Area of good practice"),
            "competency_domain": _("Leadership competency domain"),
            "success_measure": _("How will you know you have done it?"),
            "due_date": _("Due date"),
            "status": _("Status"),
            "explanation": _("If it was not done, why not?"),
        }
        help_texts = {
            "title": _("Make it specific, for example “Chair the staff network listening event”."),
            "success_measure": _("Something you or others can check, such as a date or a number."),
            "explanation": _("Needed when the status is “Not done”. Comply or explain."),
            "competency_domain": _(
                "The domain of the NHS Leadership Competency Framework this evidences, for "
                "your appraisal pack."
            ),
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "success_measure": forms.Textarea(attrs={"rows": 3}),
            "explanation": forms.Textarea(attrs={"rows": 3}),
            "due_date": DATE,
            # Six long names: radios show each in full, where a select cuts them off on phones.
            "competency_domain": forms.RadioSelect,
        }
        error_messages = {
            "title": {"required": _("Enter what you will do")},
            "area": {"required": _("Choose an area of good practice")},
            "success_measure": {"required": _("Enter how you will know you have done it")},
            "due_date": {
                "required": _("Enter a due date"),
                "invalid": _("Enter a real date, for example 31/3/2026"),
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].choices = [
            ("", _("Choose an area")),
            *Commitment._meta.get_field("area").choices,
        ]
        # Always answered (it starts on the equality domain); a post without it, from an
        # older page, keeps the commitment's domain.
        self.fields["competency_domain"].required = False

    def clean_competency_domain(self) -> str:
        return (
            self.cleaned_data.get("competency_domain")
            or self.instance.competency_domain
            or CompetencyDomain.EQUALITY
        )

    clean_due_date = _due_today_or_later


class NewCommitmentForm(CommitmentForm):
    """A new commitment, with who may see it; a new commitment always starts as planned."""

    share = forms.ChoiceField(
        label=_("Who can see this commitment?"),
        choices=SHARE_CHOICES,
        initial="chair",
        widget=forms.RadioSelect,
        help_text=_(
            "The chair sees shared commitments and may comment on them, but cannot change "
            "them. No one else on the board sees them. The facilitator sees only how many "
            "there are."
        ),
    )

    class Meta(CommitmentForm.Meta):
        fields = [
            "title",
            "description",
            "area",
            "competency_domain",
            "success_measure",
            "due_date",
        ]


class MilestoneForm(NHSUKFormMixin, forms.ModelForm):
    field_nouns = {"title": _("the milestone")}

    class Meta:
        model = Milestone
        fields = ["title", "due_date"]
        labels = {"title": _("Milestone"), "due_date": _("Due date")}
        widgets = {"due_date": DATE}
        error_messages = {
            "title": {"required": _("Enter the milestone")},
            "due_date": {
                "required": _("Enter a due date"),
                "invalid": _("Enter a real date, for example 31/3/2026"),
            },
        }

    clean_due_date = _due_today_or_later


class ActionMilestoneForm(MilestoneForm):
    class Meta(MilestoneForm.Meta):
        # The stubs hold Meta.model to the base form's model; a subclass may name another.
        model = ActionMilestone  # type: ignore[assignment]


class CommitmentUpdateForm(NHSUKFormMixin, forms.ModelForm):
    field_nouns = {"text": _("the update"), "evidence_url": _("the link to evidence")}

    evidence_url = forms.URLField(
        label=_("Link to evidence (optional)"),
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text=_("For example, a board paper or a published report."),
        error_messages={"invalid": _("Enter a full web address, starting https://")},
    )

    class Meta:
        model = CommitmentUpdate
        fields = ["text", "evidence_url"]
        labels = {"text": _("What has happened since the last update?")}
        widgets = {"text": forms.Textarea(attrs={"rows": 4})}
        error_messages = {"text": {"required": _("Enter the update")}}


class ChairReviewForm(NHSUKFormMixin, forms.ModelForm):
    class Meta:
        model = ChairReview
        fields = ["text"]
        labels = {"text": _("Your review comment")}
        help_texts = {"text": _("The member sees this comment on their plan.")}
        widgets = {"text": forms.Textarea(attrs={"rows": 4})}
        error_messages = {"text": {"required": _("Enter your comment")}}


class AppraisalNoteForm(NHSUKFormMixin, forms.ModelForm):
    class Meta:
        model = AppraisalNote
        fields = ["text"]
        labels = {"text": _("Appraisal note")}
        help_texts = {
            "text": _("The member sees this note. Saving again replaces this year's note.")
        }
        widgets = {"text": forms.Textarea(attrs={"rows": 6})}
        error_messages = {"text": {"required": _("Enter the appraisal note")}}


class BoardActionForm(NHSUKFormMixin, forms.ModelForm):
    field_nouns = {
        "title": _("the action"),
        "description": _("the detail"),
        "explanation": _("why it was not done"),
    }

    class Meta:
        model = BoardAction
        fields = ["title", "description", "owner", "due_date", "status", "explanation"]
        labels = {
            "title": _("Action"),
            "description": _("More detail (optional)"),
            "owner": _("Owner"),
            "due_date": _("Due date"),
            "explanation": _("If it was not done, why not?"),
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "explanation": forms.Textarea(attrs={"rows": 3}),
            "due_date": DATE,
        }
        error_messages = {
            "title": {"required": _("Enter the action")},
            "owner": {"required": _("Choose the board member who owns this action")},
            "due_date": {
                "required": _("Enter a due date"),
                "invalid": _("Enter a real date, for example 31/3/2026"),
            },
        }

    def __init__(self, *args, board, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.board = board
        owner = self.fields["owner"]
        owner.queryset = (
            Membership.objects.board_members().filter(board=board).select_related("user")
        )
        owner.label_from_instance = lambda m: f"{m.user} ({m.get_role_display()})"
        owner.empty_label = _("Choose a board member")

    clean_due_date = _due_today_or_later
