"""Reading an uploaded CSV file as a whole, for the invitation and WRES uploads.

Both check every row before anything is saved and list what is wrong. A file is refused whole
when it is too large, not UTF-8, not CSV, empty or longer than the upload allows, and the page
lists at most `PROBLEMS_SHOWN` rows with problems and says how many more there are, so a file of
bad rows gives a short page rather than one the size of the file.
"""

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _

MAX_CSV_BYTES = 1024 * 1024
PROBLEMS_SHOWN = 50


class CSVFileError(Exception):
    """A file that cannot be read at all; the message says why in plain words."""


def read_csv_lines(upload, *, max_rows: int, too_large: str, too_many_rows: str) -> list[list[str]]:
    """The file's rows as lists of cells, the header first; blank rows are kept (numbering).

    Raises CSVFileError when the file is over 1 MB, not UTF-8, not CSV, empty, or has more
    than `max_rows` rows below the header that are not blank.
    """
    if upload.size > MAX_CSV_BYTES:
        raise CSVFileError(too_large)
    raw = upload.read(MAX_CSV_BYTES + 1)
    if len(raw) > MAX_CSV_BYTES:
        raise CSVFileError(too_large)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CSVFileError(
            _("The file is not in UTF-8. Save it as 'CSV UTF-8' and upload it again.")
        ) from None
    try:
        lines = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error:
        raise CSVFileError(_("The file could not be read as CSV.")) from None
    if not lines:
        raise CSVFileError(_("The file is empty."))
    if sum(1 for cells in lines[1:] if any(cell.strip() for cell in cells)) > max_rows:
        raise CSVFileError(too_many_rows)
    return lines


@dataclass(frozen=True)
class ProblemList:
    """The rows with problems a page lists (the first `PROBLEMS_SHOWN`) and how many in all."""

    shown: list
    total: int

    @property
    def not_shown(self) -> int:
        return self.total - len(self.shown)

    def __bool__(self) -> bool:
        return self.total > 0


def problem_list(problems: Sequence) -> ProblemList:
    """The first `PROBLEMS_SHOWN` of `problems`, in order, with the count of all of them."""
    return ProblemList(shown=list(problems[:PROBLEMS_SHOWN]), total=len(problems))
