"""The form that confirms a person's request to erase their own account."""

from django.utils.translation import gettext_lazy as _

from learning.forms import PasswordCheckForm


class AccountEraseForm(PasswordCheckForm):
    """The password again, so nobody at an unlocked screen can erase someone else's account."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].help_text = _("We ask for it again before deleting your account.")
