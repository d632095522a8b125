"""Each person's progress through each module."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class ModuleProgress(models.Model):
    """How far one person has got with one module: opened, read, knowledge check, complete.

    Written only through `modules.progress`; `completed_at` is set once the module is read and,
    where the module has a knowledge check, the check is passed.
    """

    class CheckState(models.TextChoices):
        NONE = "", "Not taken"
        FAILED = "failed", "Not passed"
        AWAITING_MARKING = "awaiting_marking", "Awaiting marking"
        PASSED = "passed", "Passed"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="module_progress"
    )
    page = models.ForeignKey(
        "modules.ModulePage", on_delete=models.CASCADE, related_name="progress"
    )
    started_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    check_state = models.CharField(
        max_length=20, choices=CheckState.choices, blank=True, default=CheckState.NONE
    )
    check_passed_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    last_activity_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "page"], name="module_progress_unique")
        ]
        verbose_name_plural = "module progress"

    def __str__(self):
        return f"{self.user} – {self.page}"

    @property
    def status(self) -> str:
        """One of the ProgressStatus values, for checklists and grids."""
        if self.completed_at:
            return ProgressStatus.COMPLETE
        if self.check_state == self.CheckState.AWAITING_MARKING:
            return ProgressStatus.AWAITING_MARKING
        return ProgressStatus.READING

    @property
    def status_label(self) -> str:
        return ProgressStatus(self.status).label


class ProgressStatus(models.TextChoices):
    """What a member's checklist and a facilitator's grid show for one module."""

    NOT_STARTED = "not_started", "Not started"
    READING = "reading", "Reading"
    AWAITING_MARKING = "awaiting_marking", "Awaiting marking"
    COMPLETE = "complete", "Complete"
