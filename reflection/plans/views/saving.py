"""How a plan view writes: validate the form, call one service, and go to the item's page."""

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect

from learning.permissions import SignedInRequest

T = TypeVar("T")


def form_fields(form: forms.BaseForm, names: Iterable[str]) -> dict[str, Any]:
    """The form's cleaned values of `names`, as keyword arguments for a service."""
    return {name: form.cleaned_data[name] for name in names}


def save(form: forms.BaseForm, write: Callable[[], T]) -> T | None:
    """Runs a service with the form's data; a model error becomes a form error."""
    try:
        return write()
    except ValidationError as error:
        form.add_error(None, error)
        return None


def submit(
    request: SignedInRequest,
    form: forms.BaseForm,
    write: Callable[[], Any],
    *,
    message: str,
    to: str,
    pk: int | None = None,
) -> HttpResponse | None:
    """On a valid POST, runs `write` (one service) and goes to the page `to` of item `pk` (by
    default the one written) with `message`; None when the form is to be shown (again)."""
    if request.method != "POST" or not form.is_valid():
        return None
    item = save(form, write)
    if item is None:
        return None
    messages.success(request, message)
    return redirect(to, pk=item.pk if pk is None else pk)
