"""What the WRES workbook holds about a person, for their personal data export."""

from learning.audit.personal_data import covers, export_rows
from learning.extension_points import PersonalData
from learning.models import User

from .models import WresYear


@covers("wres.WresYear")
def wres_personal_data(user: User) -> PersonalData:
    """The figures are the organisation's; all that is the person's is who last saved a year."""
    years = WresYear.objects.filter(updated_by=user).select_related("organisation")
    return PersonalData(
        key="wres",
        sections={"WRES figures you last saved": export_rows(years, exclude=["updated_by"])},
    )
