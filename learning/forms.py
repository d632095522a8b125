"""Forms for accounts and boards, and the NHS.UK form rendering every BoardReady form uses."""

from django import forms
from django.contrib.auth import authenticate
from django.contrib.auth import forms as auth_forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.validators import MaxLengthValidator
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


def add_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Shows a service's ValidationError on the form: by field where it names one of the form's
    fields, otherwise above the form."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


class NHSUKFormRenderer(TemplatesSetting):
    """Renders `{{ form }}` as NHS.UK form groups with an error summary, hints and errors."""

    form_template_name = "forms/nhsuk_form.html"
    field_template_name = "forms/nhsuk_field.html"


def widget_css_class(widget: forms.Widget) -> str:
    for widget_type, css_class in _WIDGET_CLASSES.items():
        if isinstance(widget, widget_type):
            return css_class
    return "nhsuk-input"


# Widgets whose limit is shown with the design system's character count. Passwords, email
# addresses, figures and codes keep their limit (checked on the server) without a counter.
_COUNTED_INPUT_TYPES = {"text", "search"}
_UNCOUNTED_INPUT_MODES = {"numeric", "decimal"}


def field_noun(field: forms.Field) -> str:
    """The field's label as a phrase to use inside a sentence: "Title" -> "title"."""
    label = str(field.label or "").strip()
    for ending in ("(optional)", "?", ".", ":"):
        label = label.removesuffix(ending).strip()
    # Keep capitals that mean something ("NHS number", "CSV file", "WRES").
    if len(label) > 1 and label[1].isupper():
        return label
    return label[:1].lower() + label[1:]


def _required_message(field: forms.Field, noun: str) -> str:
    widget = field.widget
    if isinstance(widget, forms.CheckboxInput):
        return _("Select “%(label)s” to go on") % {"label": field.label}
    if isinstance(widget, forms.FileInput):
        return _("Choose %(noun)s") % {"noun": noun}
    if isinstance(field, forms.ChoiceField | forms.ModelChoiceField):
        return _("Select %(noun)s") % {"noun": noun}
    return _("Enter %(noun)s") % {"noun": noun}


def _too_long_message(noun: str) -> str:
    """ "The title must be 200 characters or fewer. You have 250.", with Django's
    MaxLengthValidator filling in the figures."""
    for article in ("a ", "an "):
        if noun.startswith(article):
            noun = "the " + noun.removeprefix(article)
    return _("%(noun)s must be %(limit)s characters or fewer. You have %(count)s.") % {
        "noun": noun[:1].upper() + noun[1:],
        "limit": "%(limit_value)d",
        "count": "%(show_value)d",
    }


def character_limit(field: forms.Field) -> int | None:
    """The limit to show with a character count, or None for fields that do not show one."""
    limit = getattr(field, "max_length", None)
    if not limit:
        return None
    widget = field.widget
    if isinstance(widget, forms.Textarea):
        return limit
    if not isinstance(widget, forms.TextInput) or widget.input_type not in _COUNTED_INPUT_TYPES:
        return None
    if widget.attrs.get("inputmode") in _UNCOUNTED_INPUT_MODES:
        return None
    if widget.attrs.get("autocomplete") == "one-time-code":
        return None
    return limit


class NHSUKFormMixin:
    """Adds the design system's classes, error attributes, character counts and messages.

    Every limited field is checked on the server and never cut short in the browser: the
    `maxlength` attribute is dropped, so people can type past the limit and see the count
    turn into an error (the NHS.UK character count), and the form says by how much.
    Error messages name the field ("Enter a title"): `field_nouns` gives a field's name in a
    sentence where its label does not read well ("What will you do?" -> "what you will do");
    a message set on the field itself always wins.
    """

    field_nouns: dict = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            self._take_model_limit(name, field)
            css = widget_css_class(field.widget)
            if css == "nhsuk-input" and isinstance(field.widget, forms.DateInput):
                field.widget.input_type = "date"
            existing = field.widget.attrs.get("class", "")
            field.widget.attrs["class"] = f"{css} {existing}".strip()
            field.widget.attrs.pop("maxlength", None)
            described_by = []
            limit = character_limit(field)
            field.character_count = limit
            if limit:
                field.widget.attrs["class"] += " nhsuk-js-character-count"
                described_by.append(f"{self.auto_id % name}-info")
            if field.help_text:
                described_by.append(f"{self.auto_id % name}-hint")
            if described_by:
                field.widget.attrs["aria-describedby"] = " ".join(described_by)

    def _take_model_limit(self, name: str, field: forms.Field) -> None:
        """A model's text field limited by a validator (not by max_length) gets the same
        limit on the form, so it is counted and refused by the field, not after saving."""
        meta = getattr(self, "_meta", None)
        model = getattr(meta, "model", None)
        if model is None or not isinstance(field, forms.CharField) or field.max_length:
            return
        try:
            model_field = model._meta.get_field(name)
        except FieldDoesNotExist:
            return
        for validator in model_field.validators:
            if isinstance(validator, MaxLengthValidator):
                field.max_length = validator.limit_value
                field.validators.append(MaxLengthValidator(validator.limit_value))
                return

    def _name_the_fields(self):
        """Replaces Django's anonymous messages with ones that name the field."""
        default_required = str(forms.Field.default_error_messages["required"])
        for name, field in self.fields.items():
            noun = str(self.field_nouns.get(name) or field_noun(field))
            if str(field.error_messages.get("required", "")) == default_required:
                field.error_messages["required"] = _required_message(field, noun)
            if getattr(field, "max_length", None) and "max_length" not in field.error_messages:
                field.error_messages["max_length"] = _too_long_message(noun)

    def full_clean(self):
        self._name_the_fields()
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
    field_nouns = {"username": _("your email address"), "password": _("your password")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Email address")
        self.fields["username"].widget.attrs["autocomplete"] = "email"


class PasswordResetForm(NHSUKFormMixin, auth_forms.PasswordResetForm):
    field_nouns = {"email": _("your email address")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = _("Email address")


class SetPasswordForm(NHSUKFormMixin, auth_forms.SetPasswordForm):
    field_nouns = {
        "new_password1": _("a new password"),
        "new_password2": _("the new password again"),
    }


class PasswordChangeForm(NHSUKFormMixin, auth_forms.PasswordChangeForm):
    """Django's form for a signed-in person's new password, with the current one checked
    through `authenticate`, so wrong guesses count towards the sign-in pause."""

    field_nouns = {
        "old_password": _("your current password"),
        "new_password1": _("a new password"),
        "new_password2": _("the new password again"),
    }

    def __init__(self, *args, request, **kwargs):
        self.request = request
        super().__init__(request.user, *args, **kwargs)
        self.fields["old_password"].label = _("Current password")
        self.fields["new_password1"].label = _("New password")
        self.fields["new_password1"].help_text = _(
            "At least 12 characters. Avoid common words and passwords."
        )
        self.fields["new_password1"].widget.attrs["aria-describedby"] = (
            f"{self.auto_id % 'new_password1'}-hint"
        )
        self.fields["new_password2"].label = _("New password again")
        # Django's "Enter the same password as before, for verification." says nothing new.
        self.fields["new_password2"].help_text = ""
        self.fields["new_password2"].widget.attrs.pop("aria-describedby", None)

    def clean_old_password(self):
        password = self.cleaned_data.get("old_password", "")
        checked = authenticate(self.request, username=self.user.email, password=password)
        if checked is None or checked.pk != self.user.pk:
            raise forms.ValidationError(
                _("Your current password is not right."), code="password_incorrect"
            )
        return password


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

    field_nouns = {"token": _("the security code")}

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
    field_nouns = {"token": _("the code from your authenticator app")}
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
    field_nouns = {"email": _("your new email address")}
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


class SecondFactorResetForm(CurrentPasswordMixin, NHSUKFormMixin, forms.Form):
    """Staff remove a person's second factor after checking who they are, and say how."""

    email = forms.EmailField(
        label=_("Email address of the person"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    identity_check = forms.CharField(
        label=_("How did you check it is them?"),
        min_length=20,
        max_length=1000,
        help_text=_(
            "For example: called them back on the number their trust's board office gave us, "
            "and they answered questions only they would know. This is kept, and the person "
            "can see it."
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": _("Say how you checked that the request came from this person"),
            "min_length": _("Say in at least 20 characters how you checked who they are"),
        },
    )

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        person = User.objects.filter(email__iexact=email, is_active=True).first()
        if person is None:
            raise forms.ValidationError(_("There is no active account with this email address."))
        if person.pk == self.request.user.pk:
            raise forms.ValidationError(
                _("You cannot reset your own second factor: ask another member of staff.")
            )
        self.person = person
        return email


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
