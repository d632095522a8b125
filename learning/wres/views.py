"""The WRES workbook: see the nine indicators; the chair or facilitator enters or uploads them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from learning.csvfiles import CSVFileError, problem_list

from .forms import WresFiguresForm, WresUploadForm
from .measures import year_from_slug, year_is_valid, year_to_slug
from .models import WresYear
from .permissions import (
    access_wres_board_to_edit,
    access_wres_membership,
    membership_can_edit_wres,
)
from .selectors import data_links, saved_year, values_of, workbook_for_board
from .services import wres_year_save
from .trend_charts import indicator_svg
from .upload import parse_upload, template_csv


def _year(slug: str) -> str:
    year = year_from_slug(slug)
    if not year_is_valid(year):
        raise Http404("No such reporting year.")
    return year


def _saved(request, board, wres_year: WresYear):
    messages.success(request, _("Figures for %(year)s saved.") % {"year": wres_year.year})
    return redirect("wres:workbook_year", board.pk, year_to_slug(wres_year.year))


@login_required
def workbook(request, board_id, year=None):
    """The nine indicators for a year (the latest by default), explained, with the trend."""
    membership = access_wres_membership(request.user, board_id)
    board = membership.board
    book = workbook_for_board(board, _year(year) if year else None)
    if year and not book.has_figures:
        raise Http404("No figures for that year.")
    context = {
        "board": board,
        "workbook": book,
        "charts": [(view, indicator_svg(view)) for view in book.indicators],
        "links": data_links(),
        "can_edit": membership_can_edit_wres(membership),
    }
    return render(request, "wres/workbook.html", context)


@login_required
def figures_enter(request, board_id):
    """A year's figures typed in by the chair or facilitator."""
    board = access_wres_board_to_edit(request.user, board_id)
    form = WresFiguresForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        return _save(request, board, form, form.cleaned_data["year"])
    return render(request, "wres/figures_form.html", {"board": board, "form": form, "year": None})


@login_required
def figures_edit(request, board_id, year):
    board = access_wres_board_to_edit(request.user, board_id)
    wres_year = saved_year(board, _year(year))
    if wres_year is None:
        raise Http404("No figures for that year.")
    form = WresFiguresForm(
        request.POST or None,
        with_year=False,
        initial=WresFiguresForm.initial_for(values_of(wres_year)),
    )
    if request.method == "POST" and form.is_valid():
        return _save(request, board, form, wres_year.year)
    context = {"board": board, "form": form, "year": wres_year.year}
    return render(request, "wres/figures_form.html", context)


def _save(request, board, form, year):
    try:
        wres_year = wres_year_save(
            organisation=board.organisation,
            year=year,
            values=form.cleaned_data["values"],
            saved_by=request.user,
        )
    except ValidationError as error:
        form.add_error(None, error)
        context = {
            "board": board,
            "form": form,
            "year": year if "year" not in form.fields else None,
        }
        return render(request, "wres/figures_form.html", context)
    return _saved(request, board, wres_year)


@login_required
def figures_upload(request, board_id):
    """A filled-in CSV template for one year: saved whole, or not at all with each problem."""
    board = access_wres_board_to_edit(request.user, board_id)
    form = WresUploadForm(request.POST or None, request.FILES or None)
    problems = problem_list([])
    if request.method == "POST" and form.is_valid():
        try:
            parsed = parse_upload(form.cleaned_data["file"])
            problems = problem_list(parsed.problems)
            if not problems:
                wres_year = wres_year_save(
                    organisation=board.organisation,
                    year=form.cleaned_data["year"],
                    values=parsed.values,
                    saved_by=request.user,
                )
                return _saved(request, board, wres_year)
        except CSVFileError as error:
            form.add_error("file", str(error))
        except ValidationError as error:
            form.add_error("file", error)
    context = {"board": board, "form": form, "problems": problems}
    return render(request, "wres/figures_upload.html", context)


@login_required
def template_download(request):
    """The blank CSV template: one row per measure."""
    response = HttpResponse(template_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="wres-template.csv"'
    return response
