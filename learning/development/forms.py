"""Forms for sessions, pre-reading, attendance and invitations (NHS.UK rendering)."""

from datetime import time
from typing import TYPE_CHECKING, cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from learning.forms import NHSUKFormMixin, widget_css_class
from learning.models import Role
from learning.permissions import SENIOR_SEATS, user_can_appoint
from learning.services import seat_holders
from modules.models import ModulePage

from .dates import default_due_date, london, london_datetime, london_today
from .models import AGENDA_MAX, due_date_problem, session_date_problem, two_years_after

DURATIONS = [
    (60, _("1 hour")),
    (90, _("1 hour 30 minutes")),
    (120, _("2 hours")),
    (180, _("3 hours")),
    (240, _("4 hours")),
    (420, _("A full day (7 hours)")),
]


class SessionForm(NHSUKFormMixin, forms.Form):
    """A session's details. The date and time are London time."""

    field_nouns = {
        "title": _("a title"),
        "date": _("a date"),
        "start_time": _("a start time"),
        "duration_minutes": _("a length"),
        "location": _("the location"),
    }

    title = forms.CharField(label=_("Title"), max_length=200)
    date = forms.DateField(
        label=_("Date"),
        widget=forms.DateInput(format="%Y-%m-%d"),
        help_text=_("Between today and two years from today"),
    )
    start_time = forms.TimeField(
        label=_("Start time"),
        help_text=_("UK time, for example 09:30"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    duration_minutes = forms.TypedChoiceField(
        label=_("Length"), choices=DURATIONS, coerce=int, initial=120
    )
    location = forms.CharField(
        label=_("Location (optional)"),
        max_length=300,
        required=False,
        help_text=_("For example, the boardroom at Trust headquarters"),
    )
    online_link = forms.URLField(
        label=_("Online meeting link (optional)"), required=False, assume_scheme="https"
    )
    agenda = forms.CharField(
        label=_("Agenda (optional)"),
        required=False,
        max_length=AGENDA_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Put each item on its own line. Members see it on their calendar."),
    )

    def __init__(self, *args, future_only: bool = False, session=None, **kwargs):
        self.future_only = future_only
        self.session = session
        super().__init__(*args, **kwargs)
        today = london_today()
        self.fields["date"].widget.attrs.update(
            {"min": today.isoformat(), "max": two_years_after(today).isoformat()}
        )

    @classmethod
    def initial_for(cls, session) -> dict:
        starts = london(session.starts_at)
        return {
            "title": session.title,
            "date": starts.date(),
            "start_time": starts.time().replace(second=0, microsecond=0),
            "duration_minutes": session.duration_minutes,
            "location": session.location,
            "online_link": session.online_link,
            "agenda": session.agenda,
        }

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("date") and cleaned.get("start_time") is not None:
            start: time = cleaned["start_time"]
            cleaned["starts_at"] = london_datetime(cleaned["date"], start)
            moved = self.session is None or self.session.starts_at != cleaned["starts_at"]
            problem = session_date_problem(cleaned["starts_at"]) if moved else None
            if problem:
                self.add_error("date", problem)
            elif self.future_only and cleaned["starts_at"] <= timezone.now():
                self.add_error("date", _("The session must be in the future."))
        return cleaned

    def session_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "title": data["title"],
            "starts_at": data["starts_at"],
            "duration_minutes": data["duration_minutes"],
            "location": data["location"],
            "online_link": data["online_link"],
            "agenda": data["agenda"],
        }


class AssignmentForm(NHSUKFormMixin, forms.Form):
    """A published module set as reading, with the day it is due."""

    field_nouns = {"module": _("a module"), "due_date": _("a due date")}

    module = forms.ModelChoiceField(
        label=_("Module"), queryset=ModulePage.objects.none(), empty_label=_("Choose a module")
    )
    due_date = forms.DateField(
        label=_("Due date"),
        widget=forms.DateInput(format="%Y-%m-%d"),
        help_text=_(
            "Members should finish it by the end of this day. It must not be after the session."
        ),
    )

    def __init__(self, *args, session, assignment=None, **kwargs):
        self.session = session
        self.assignment = assignment
        super().__init__(*args, **kwargs)
        modules = ModulePage.objects.live().order_by("path")
        if assignment is not None:
            modules = modules.filter(pk=assignment.module_id)
            self.fields["module"].disabled = True
            self.fields["module"].empty_label = None
        else:
            modules = modules.exclude(assignments__session=session)
        self.fields["module"].queryset = modules
        if not self.is_bound and assignment is None:
            self.initial.setdefault("due_date", default_due_date(session.starts_at))

    def clean_due_date(self):
        due_date = self.cleaned_data["due_date"]
        problem = due_date_problem(due_date, self.session.starts_at)
        if problem:
            raise forms.ValidationError(problem)
        changed = self.assignment is None or self.assignment.due_date != due_date
        if changed and due_date < london_today():
            raise forms.ValidationError(_("The due date must be today or later."))
        return due_date


class AttendanceForm(NHSUKFormMixin, forms.Form):
    """Who came to the session, ticked from the board's members."""

    attended = forms.MultipleChoiceField(
        label=_("Who came to the session?"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave a name unticked if they did not come."),
    )

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attended"].choices = [
            (str(membership.user_id), f"{membership.user} ({membership.get_role_display()})")
            for membership in members
        ]

    def attended_ids(self) -> set[int]:
        return {int(value) for value in self.cleaned_data["attended"]}


if TYPE_CHECKING:
    _FormBase = forms.Form
else:
    _FormBase = object


class SecondSeatMixin(_FormBase):
    """When the chosen role is a chair's or chief executive's seat someone already holds, a box
    to tick appears by the role, saying who holds it now; the form is refused until it is
    ticked (learning.services.appointment_check says the same)."""

    def add_confirmation(self, board, *, by, exclude=None) -> None:
        role = self.data.get(self.add_prefix("role")) if self.is_bound else None
        if not role or not user_can_appoint(by, board, role):
            return  # refused by the service, by the role, whatever is ticked
        holders = seat_holders(board, role, exclude=exclude) if role in SENIOR_SEATS else []
        if holders:
            label = Role(role).label.lower()
            names = ", ".join(str(seat.user) for seat in holders)
            field = forms.BooleanField(
                label=_("Yes, the board will have a second %(role)s") % {"role": label},
                help_text=_(
                    "%(names)s is the board's %(role)s now. You can change their role or end "
                    "their seat afterwards."
                )
                % {"names": names, "role": label},
                error_messages={
                    "required": _("Select the box to confirm the board will have a second %(role)s")
                    % {"role": label}
                },
            )
            # Styled as NHSUKFormMixin styles the fields it found.
            field.widget.attrs["class"] = widget_css_class(field.widget)
            auto_id = cast(str, self.auto_id)  # Django's default "id_%s": never turned off here
            field.widget.attrs["aria-describedby"] = f"{auto_id % 'confirm'}-hint"
            # Read by NHSUKFormMixin's templates, which the stubs do not know of.
            field.character_count = None  # type: ignore[attr-defined]
            self.fields["confirm"] = field

    def confirmed(self) -> bool:
        return bool(self.cleaned_data.get("confirm"))


class SeatRoleForm(SecondSeatMixin, NHSUKFormMixin, forms.Form):
    """A board member's new role."""

    role = forms.ChoiceField(
        label=_("Role"),
        choices=Role.choices,
        error_messages={"required": _("Choose the role this person will have on the board")},
    )

    def __init__(self, *args, membership, by, **kwargs):
        kwargs.setdefault("initial", {"role": membership.role})
        super().__init__(*args, **kwargs)
        self.add_confirmation(membership.board, by=by, exclude=membership)


class DigestForm(forms.Form):
    wanted = forms.BooleanField(required=False)


REMINDER_MESSAGE_MAX = 500


class ReminderForm(NHSUKFormMixin, forms.Form):
    """Who gets the facilitator's reminder (everyone outstanding, ticked at first) and an
    optional short message of the facilitator's own."""

    recipients = forms.MultipleChoiceField(
        label=_("Who should get a reminder?"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Everyone who still has reading to finish is ticked. Untick anyone to leave out."
        ),
        error_messages={
            "required": _("Choose at least one person to remind."),
            "invalid_choice": _(
                "Choose people from the list. Someone you chose has no reading left."
            ),
        },
    )
    message = forms.CharField(
        label=_("Your message (optional)"),
        required=False,
        max_length=REMINDER_MESSAGE_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Added to the email under the reading list. Up to 500 characters."),
        error_messages={
            "max_length": _("Your message must be 500 characters or fewer."),
        },
    )

    def __init__(self, *args, rows, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recipients"].choices = [
            (str(row.user.pk), _reminder_label(row)) for row in rows
        ]
        if not self.is_bound:
            self.initial.setdefault("recipients", [str(row.user.pk) for row in rows])

    def recipient_ids(self) -> set[int]:
        return {int(value) for value in self.cleaned_data["recipients"]}


def _reminder_label(row) -> str:
    name = row.user.get_full_name() or row.user.email
    count = len(row.outstanding)
    left = ngettext("%(n)s module left", "%(n)s modules left", count) % {"n": count}
    return f"{name} ({left})"
