"""What the chair last put on the board paper's cover sheet, remembered per board."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Purpose(models.TextChoices):
    APPROVAL = "approval", _("For approval")
    ASSURANCE = "assurance", _("For assurance")
    DISCUSSION = "discussion", _("For discussion")
    INFORMATION = "information", _("For information")


class BoardPaperDefaults(models.Model):
    """The cover sheet's fields as last used for this board, offered again next time.

    "Include names" is deliberately not remembered: every paper starts without names."""

    board = models.OneToOneField(
        "learning.Board", on_delete=models.CASCADE, related_name="board_paper_defaults"
    )
    meeting = models.CharField(max_length=200)
    agenda_item = models.CharField(max_length=20, blank=True)
    purpose = models.CharField(max_length=20, choices=Purpose.choices)
    presenter = models.CharField(max_length=200, blank=True)
    asked_to = models.TextField()
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Board paper defaults for {self.board}"
