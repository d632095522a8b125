"""Error pages that need more than a template: a request too large to read (413)."""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.defaults import bad_request as default_bad_request


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f}"


def request_too_large(request: HttpRequest, limit: int | None = None) -> HttpResponse:
    """The 413 page in the service's layout, with a link back to the page the person came from
    (when it is on this site) so they can choose a smaller file. Rendered without the request's
    context: it is answered before sessions and sign-in are read."""
    referer = request.META.get("HTTP_REFERER", "")
    safe = url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    context = {
        "back_url": referer if referer and safe else "/",
        "limit_mb": _megabytes(limit or settings.BOARDREADY_MAX_REQUEST_BYTES),
    }
    response = HttpResponse(loader.get_template("413.html").render(context), status=413)
    add_never_cache_headers(response)
    return response


def bad_request(request: HttpRequest, exception=None) -> HttpResponse:
    """`handler400`: Django reports form data over DATA_UPLOAD_MAX_MEMORY_SIZE as a bad
    request; the person sees the same 413 page as for a body over the limit."""
    if isinstance(exception, RequestDataTooBig):
        return request_too_large(request, settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
    return default_bad_request(request, exception)
