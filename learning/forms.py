"""Forms for accounts and boards, and the NHS.UK form rendering every BoardReady form uses."""

from django import forms
from django.contrib.auth import authenticate, password_validation
from django.contrib.auth import forms as auth_forms
from django.contrib.auth.forms import AuthenticationForm
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_lazy as _

from . import email_choices
from .models import User

# Most specific first: CheckboxSelectMultiple is a RadioSelect to isinstance, and took the
# radio class (its ticks did not show) while RadioSelect came first.
_WIDGET_CLASSES = {
    forms.Textarea: "nhsuk-textarea",
    forms.CheckboxSelectMultiple: "nhsuk-checkboxes__input",
    forms.Select: "nhsuk-select",
    forms.RadioSelect: "nhsuk-radios__input",
    forms.CheckboxInput: "nhsuk-checkboxes__input",
    forms.ClearableFileInput: "nhsuk-file-upload",
    forms.FileInput: "nhsuk-file-upload",
}


class NHSUKFormRenderer(TemplatesSetting):
    """Renders `{{ form }}` as NHS.UK form groups with an error summary, hints and errors."""

    form_template_name = "forms/nhsuk_form.html"
    field_template_name = "forms/nhsuk_field.html"


def widget_css_class(widget: forms.Widget) -> str:
    for widget_type, css_class in _WIDGET_CLASSES.items():
        if isinstance(widget, widget_type):
            return css_class
    return "nhsuk-input"


class NHSUKFormMixin:
    """Adds the design system's classes and error attributes to every widget."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            css = widget_css_class(field.widget)
            if css == "nhsuk-input" and isinstance(field.widget, forms.DateInput):
                field.widget.input_type = "date"
            existing = field.widget.attrs.get("class", "")
            field.widget.attrs["class"] = f"{css} {existing}".strip()
            if field.help_text:
                field.widget.attrs["aria-describedby"] = f"{self.auto_id % name}-hint"

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name not in self.fields:
                continue
            attrs = self.fields[name].widget.attrs
            css = widget_css_class(self.fields[name].widget)
            attrs["class"] += f" {css}--error"
            error_id = f"{self.auto_id % name}-error"
            attrs["aria-describedby"] = f"{attrs.get('aria-describedby', '')} {error_id}".strip()


# One message for a wrong password, an unknown account and a paused one, so that the page
# never tells anyone whether an account exists.
SIGN_IN_REFUSED = _(
    "The email address or password is not right. Check them and try again. After 5 wrong "
    "tries, signing in is paused for 30 minutes; your facilitator can lift the pause sooner."
)


class SignInForm(NHSUKFormMixin, AuthenticationForm):
    error_messages = {"invalid_login": SIGN_IN_REFUSED, "inactive": SIGN_IN_REFUSED}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Email address")
        self.fields["username"].widget.attrs["autocomplete"] = "email"


class AcceptInvitationForm(NHSUKFormMixin, forms.Form):
    """Sets the name and password of a new account made from an invitation."""

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

    def __init__(self, *args, email: str, **kwargs):
        self.email = email
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
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


class PasswordResetForm(NHSUKFormMixin, auth_forms.PasswordResetForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = _("Email address")


class SetPasswordForm(NHSUKFormMixin, auth_forms.SetPasswordForm):
    pass


class CurrentPasswordMixin:
    """Asks for the person's password again before a sensitive change.

    The check goes through `authenticate`, so wrong passwords here count towards the same
    lockout as the sign-in page.
    """

    def __init__(self, *args, request, **kwargs):
        self.request = request
        super().__init__(*args, **kwargs)
        self.fields["password"] = forms.CharField(
            label=_("Your password"),
            strip=False,
            widget=forms.PasswordInput(
                attrs={"autocomplete": "current-password", "class": "nhsuk-input"}
            ),
            help_text=_("We ask for it again before changing how you sign in."),
        )
        self.fields["password"].widget.attrs["aria-describedby"] = (
            f"{self.auto_id % 'password'}-hint"
        )

    def clean_password(self):
        password = self.cleaned_data.get("password", "")
        user = self.request.user
        checked = authenticate(self.request, username=user.email, password=password)
        if checked is None or checked.pk != user.pk:
            raise forms.ValidationError(_("The password is not right."), code="wrong_password")
        return password


class SecondFactorForm(NHSUKFormMixin, forms.Form):
    """The code from an authenticator app, or a recovery code, at the second sign-in step."""

    token = forms.CharField(
        label=_("Security code"),
        max_length=20,
        help_text=_(
            "Enter the 6-digit code from your authenticator app, or one of your recovery codes."
        ),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "spellcheck": "false", "autocapitalize": "none"}
        ),
    )


class AuthenticatorSetupForm(CurrentPasswordMixin, NHSUKFormMixin, forms.Form):
    token = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=10,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def clean_token(self):
        token = "".join(self.cleaned_data["token"].split())
        if not (len(token) == 6 and token.isdigit()):
            raise forms.ValidationError(_("Enter the 6-digit code your app shows."))
        return token


class PasswordCheckForm(CurrentPasswordMixin, NHSUKFormMixin, forms.Form):
    """Only the password: for new recovery codes and removing the authenticator app."""


class ChangeEmailForm(CurrentPasswordMixin, NHSUKFormMixin, forms.Form):
    email = forms.EmailField(
        label=_("New email address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        taken = User.objects.filter(email__iexact=email).exclude(pk=self.request.user.pk).exists()
        if taken or email == self.request.user.email.lower():
            raise forms.ValidationError(_("Choose a different email address."))
        return email


class UnlockForm(forms.Form):
    email = forms.EmailField(max_length=254)


class EmailChoicesForm(NHSUKFormMixin, forms.Form):
    """Which automatic emails the person gets (learning.email_choices); ticked means on."""

    on = forms.MultipleChoiceField(
        label=_("Which automatic emails do you want?"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Untick an email to stop it. Reminders your facilitator sends you, invitations and "
            "emails about your account's security always arrive."
        ),
        error_messages={"invalid_choice": _("Choose from the emails listed.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["on"].choices = [
            (kind.key, f"{kind.label}: {kind.hint}") for kind in email_choices.KINDS
        ]
