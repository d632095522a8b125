"""Keeps each person's role stamp (`User.roles_version`) current: any seat made, changed or ended
moves it on, which makes SecondFactorMiddleware look again at what the person now needs."""

from django.db.models import F
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone

from .models import Membership, User


@receiver(post_save, sender=Membership, dispatch_uid="boardready_roles_changed_on_save")
@receiver(post_delete, sender=Membership, dispatch_uid="boardready_roles_changed_on_delete")
def roles_changed(sender, instance: Membership, **kwargs) -> None:
    User.objects.filter(pk=instance.user_id).update(roles_version=F("roles_version") + 1)
    if Membership.user.is_cached(instance):
        # The same person in memory (the one a sign-in in this request would store) follows.
        instance.user.roles_version += 1


@receiver(post_save, sender=Membership, dispatch_uid="boardready_seatless_since_on_save")
@receiver(post_delete, sender=Membership, dispatch_uid="boardready_seatless_since_on_delete")
def seatless_since_kept(sender, instance: Membership, **kwargs) -> None:
    """Notes when the person's last active seat ended, for the retention rule; clears it when
    they have a seat again. Two small queries, only when a seat changes."""
    person = User.objects.filter(pk=instance.user_id)
    if Membership.objects.filter(user_id=instance.user_id, is_active=True).exists():
        person.filter(seatless_since__isnull=False).update(seatless_since=None)
    else:
        person.filter(seatless_since__isnull=True).update(seatless_since=timezone.now())
