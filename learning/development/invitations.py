"""Checks a CSV file of people to invite as a whole, before anything is saved."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from learning.models import Board, Invitation, Membership, Role
from learning.uploads import MAX_CSV_BYTES, CSVFileError, read_csv_lines

__all__ = ["MAX_CSV_BYTES", "CSVFileError", "parse_invitations_csv"]

# A board has a few dozen seats; more rows than this is the wrong file.
MAX_ROWS = 500
COLUMNS = ("email", "first_name", "last_name", "role")
NAME_MAX = 150
TOO_LARGE = _lazy("The file is larger than 1 MB. Split it into smaller files.")


@dataclass
class InvitationRow:
    line: int
    email: str
    first_name: str
    last_name: str
    role: str


@dataclass
class RowProblem:
    line: int
    email: str
    reasons: list[str] = field(default_factory=list)


def role_from_text(text: str) -> str | None:
    """A Role value from its value or its label, ignoring case and spacing; else None."""
    wanted = " ".join(text.replace("_", " ").replace("-", " ").split()).lower()
    for value, label in Role.choices:
        if wanted in (value.replace("_", " "), str(label).replace("-", " ").lower()):
            return value
    return None


def invitation_problems(board: Board, emails: list[str]) -> dict[str, str]:
    """{email: why it cannot be invited} for people already on the board or already invited."""
    lowered = {email.lower() for email in emails}
    problems = {}
    members = Membership.objects.active().filter(board=board, user__email__in=lowered)
    for email in members.values_list("user__email", flat=True):
        problems[email.lower()] = _("already a member of this board")
    pending = Invitation.objects.filter(
        board=board, email__in=lowered, accepted_at__isnull=True, revoked_at__isnull=True
    )
    for invitation in pending:
        if invitation.state == "pending":
            problems.setdefault(
                invitation.email.lower(),
                _("already invited and not yet accepted (resend that invitation instead)"),
            )
    return problems


def _header_key(name: str) -> str:
    return "_".join(name.strip().lower().replace("-", " ").split())


def _check_row(values: dict, line: int, seen: dict) -> tuple[InvitationRow, list[str]]:
    row = InvitationRow(
        line=line,
        email=values["email"].strip().lower(),
        first_name=values["first_name"].strip(),
        last_name=values["last_name"].strip(),
        role=role_from_text(values["role"]) or "",
    )
    reasons = []
    try:
        validate_email(row.email)
    except ValidationError:
        reasons.append(_("'%(email)s' is not a valid email address") % {"email": row.email})
    if not row.first_name or not row.last_name:
        reasons.append(_("the first name and last name are both needed"))
    if len(row.first_name) > NAME_MAX or len(row.last_name) > NAME_MAX:
        reasons.append(_("a name is longer than 150 characters"))
    if not row.role:
        reasons.append(_("'%(role)s' is not a role we know") % {"role": values["role"].strip()})
    if row.email in seen:
        reasons.append(_("this email address is also on row %(line)s") % {"line": seen[row.email]})
    else:
        seen[row.email] = line
    return row, reasons


def parse_invitations_csv(upload, board: Board) -> tuple[list[InvitationRow], list[RowProblem]]:
    """Reads and checks every row. Rows are numbered as a spreadsheet shows them (header is 1).

    Raises CSVFileError for a file too large, too long, not UTF-8, not CSV, without the columns
    or empty.
    """
    lines = read_csv_lines(
        upload,
        max_rows=MAX_ROWS,
        too_large=str(TOO_LARGE),
        too_many_rows=_(
            "The file has more than %(max)s people in it. Invite at most %(max)s at a time: "
            "split it into smaller files."
        )
        % {"max": MAX_ROWS},
    )
    header = [_header_key(name) for name in lines[0]]
    missing = [column for column in COLUMNS if column not in header]
    if missing:
        raise CSVFileError(
            _("The file needs the columns email, first_name, last_name and role. Missing: %(m)s.")
            % {"m": ", ".join(missing)}
        )
    positions = {column: header.index(column) for column in COLUMNS}
    rows, problems = [], []
    seen: dict[str, int] = {}
    for number, cells in enumerate(lines[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue
        padded = cells + [""] * len(header)
        values = {column: padded[index] for column, index in positions.items()}
        row, reasons = _check_row(values, number, seen)
        rows.append(row)
        if reasons:
            problems.append(RowProblem(line=number, email=row.email, reasons=reasons))
    if not rows:
        raise CSVFileError(_("The file has a header row but nobody to invite."))
    already = invitation_problems(board, [row.email for row in rows])
    by_line = {problem.line: problem for problem in problems}
    for row in rows:
        if row.email in already:
            problem = by_line.get(row.line)
            if problem is None:
                problem = by_line[row.line] = RowProblem(line=row.line, email=row.email)
            problem.reasons.append(already[row.email])
    return rows, sorted(by_line.values(), key=lambda problem: problem.line)
