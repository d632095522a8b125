"""Forms for inviting people (one at a time or a CSV file) and for accepting an invitation."""

from typing import Any

from django import forms
from django.contrib.auth import password_validation
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from learning.csvfiles import MAX_CSV_BYTES
from learning.development.forms import SecondSeatMixin
from learning.forms import NHSUKFormMixin
from learning.models import Board, Role, User

from .upload import TOO_LARGE


class InvitationForm(SecondSeatMixin, NHSUKFormMixin, forms.Form):
    """One person to invite to the board."""

    field_nouns = {
        "email": _("their email address"),
        "first_name": _("their first name"),
        "last_name": _("their last name"),
    }

    email = forms.EmailField(label=_("Email address"))
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    # No role is chosen until the facilitator chooses one: a default would hand out a seat.
    role = forms.ChoiceField(
        label=_("Role"),
        choices=[("", _("Choose a role")), *Role.choices],
        error_messages={"required": _("Choose the role this person will have on the board")},
    )

    def __init__(self, *args: Any, board: Board, by: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.add_confirmation(board, by=by)

    def invitation_fields(self) -> dict[str, str]:
        names = ("email", "first_name", "last_name", "role")
        return {name: self.cleaned_data[name] for name in names}


class InvitationUploadForm(NHSUKFormMixin, forms.Form):
    """A CSV file of people to invite."""

    field_nouns = {"file": _("a CSV file")}

    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "Columns: email, first_name, last_name, role. Saved as CSV UTF-8, no larger than 1 MB."
        ),
        widget=forms.FileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def clean_file(self) -> UploadedFile:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_CSV_BYTES:
            raise forms.ValidationError(TOO_LARGE)
        return upload


class AcceptInvitationForm(NHSUKFormMixin, forms.Form):
    """Sets the name and password of a new account made from an invitation."""

    field_nouns = {
        "first_name": _("your first name"),
        "last_name": _("your last name"),
        "password1": _("a password"),
        "password2": _("the password again"),
    }

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    password1 = forms.CharField(
        label=_("Create a password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 12 characters. Avoid common words and passwords."),
    )
    password2 = forms.CharField(
        label=_("Confirm your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args: Any, email: str, **kwargs: Any) -> None:
        self.email = email
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        p1, p2 = cleaned.get("password1"), cleaned.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("The passwords do not match."))
        if p1:
            candidate = User(
                email=self.email,
                first_name=cleaned.get("first_name", ""),
                last_name=cleaned.get("last_name", ""),
            )
            try:
                password_validation.validate_password(p1, candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned
