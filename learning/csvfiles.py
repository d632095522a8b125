"""Reading an uploaded CSV file as a whole, for the invitation and WRES uploads.

Both check every row before anything is saved and list what is wrong. A file is refused whole
when it is too large, not UTF-8, not CSV, empty, without the columns it needs or longer than the
upload allows, and the page lists at most `PROBLEMS_SHOWN` rows with problems and says how many
more there are, so a file of bad rows gives a short page rather than one the size of the file.

What this module does for both: the size limit, the byte-order mark and UTF-8, header names
matched however they are written (`First Name`, `first-name`, `first_name`), the required
columns, blank rows skipped but counted (rows are numbered as a spreadsheet shows them, the
header being 1) and each row's problems gathered in one place. Each upload keeps only its own
columns, messages and per-row checks.
"""

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Generic, Protocol, TypeVar

from django.utils.translation import gettext as _

MAX_CSV_BYTES = 1024 * 1024
PROBLEMS_SHOWN = 50


class CSVFileError(Exception):
    """A file that cannot be read at all; the message says why in plain words."""


class Upload(Protocol):
    """What is read of an uploaded file (Django's UploadedFile has both)."""

    size: int | None

    def read(self, size: int = ..., /) -> bytes: ...


def as_key(text: str) -> str:
    """`text` as a lower-case key with underscores: ' First-Name ' and 'first name' give
    'first_name'. Header names, and any cell that names a thing by its code, are read this way."""
    return "_".join(text.strip().lower().replace("-", " ").split())


def read_csv_lines(
    upload: Upload, *, max_rows: int, too_large: str, too_many_rows: str
) -> list[list[str]]:
    """The file's rows as lists of cells, the header first; blank rows are kept (numbering).

    Raises CSVFileError when the file is over 1 MB, not UTF-8, not CSV, empty, or has more
    than `max_rows` rows below the header that are not blank.
    """
    if (upload.size or 0) > MAX_CSV_BYTES:
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
    if sum(1 for cells in lines[1:] if not _is_blank(cells)) > max_rows:
        raise CSVFileError(too_many_rows)
    return lines


def _is_blank(cells: list[str]) -> bool:
    return not any(cell.strip() for cell in cells)


@dataclass(frozen=True)
class CSVRow:
    """One row that is not blank: its number as a spreadsheet shows it and its cells by column
    (an empty string for a column the row is too short to reach)."""

    line: int
    cells: dict[str, str]


def read_csv_rows(
    upload: Upload,
    *,
    columns: Sequence[str],
    max_rows: int,
    too_large: str,
    too_many_rows: str,
    missing_columns: str,
    no_rows: str,
) -> list[CSVRow]:
    """The rows of the file that are not blank, each with the cells of `columns`.

    `missing_columns` is the message for a header without some of `columns`; it names them
    through `%(m)s`. Raises CSVFileError as `read_csv_lines` does, for missing columns, and with
    `no_rows` for a file with a header and nothing under it.
    """
    lines = read_csv_lines(
        upload, max_rows=max_rows, too_large=too_large, too_many_rows=too_many_rows
    )
    header = [as_key(name) for name in lines[0]]
    missing = [column for column in columns if column not in header]
    if missing:
        raise CSVFileError(missing_columns % {"m": ", ".join(missing)})
    positions = {column: header.index(column) for column in columns}
    rows = []
    for line, cells in enumerate(lines[1:], start=2):
        if _is_blank(cells):
            continue
        padded = cells + [""] * len(header)
        rows.append(CSVRow(line, {column: padded[index] for column, index in positions.items()}))
    if not rows:
        raise CSVFileError(no_rows)
    return rows


@dataclass(kw_only=True)
class RowProblem:
    """What is wrong on one row. Each upload adds what the page shows beside the row number."""

    line: int | None
    reasons: list[str] = field(default_factory=list)


P = TypeVar("P", bound=RowProblem)


class RowProblems(Generic[P]):
    """The problems found in a file, one entry a row whichever checks find them, in row order.

    A check that runs after the row-by-row pass (people already on the board, figures that
    disagree across rows) adds to the row's entry rather than listing the row twice.
    """

    def __init__(self) -> None:
        self._by_line: dict[int, P] = {}

    def add(self, problem: P) -> None:
        """Notes `problem` (nothing if it has no reasons), merged with its row's entry."""
        if problem.line is None:
            raise ValueError("A problem with no row is listed after the rows, not added here.")
        if not problem.reasons:
            return
        known = self._by_line.setdefault(problem.line, problem)
        if known is not problem:
            known.reasons.extend(problem.reasons)

    def __len__(self) -> int:
        return len(self._by_line)

    def in_row_order(self) -> list[P]:
        return sorted(self._by_line.values(), key=lambda problem: problem.line or 0)


@dataclass(frozen=True)
class ProblemList(Generic[P]):
    """The rows with problems a page lists (the first `PROBLEMS_SHOWN`) and how many in all."""

    shown: list[P]
    total: int

    @property
    def not_shown(self) -> int:
        return self.total - len(self.shown)

    def __bool__(self) -> bool:
        return self.total > 0


def problem_list(problems: Iterable[P]) -> ProblemList[P]:
    """The first `PROBLEMS_SHOWN` of `problems`, in order, with the count of all of them."""
    every = list(problems)
    return ProblemList(shown=every[:PROBLEMS_SHOWN], total=len(every))
