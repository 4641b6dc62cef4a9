"""Every read of member services, scoped through `visible()`, one module per section; a list selector takes the
values of its list's filters (gonghui.care.filters) and narrows with them."""

from .funds import fund_contributions, fund_enterprises, fund_get, fund_list, fund_payouts
from .hardship import (HardshipTodo, aid_list, files_never_helped, files_review_due, hardship_file_aid,
                       hardship_file_get, hardship_file_list, hardship_file_reviews, hardship_todo)
from .medical import (medical_claims, medical_enrolment_get, medical_enrolment_list, medical_unit_enrolments,
                      medical_unit_get, medical_unit_list, medical_units_for_form, service_card_get, service_card_list)
from .members import care_member_get
from .statistics import care_statistics
from .visits import schooling_grant_list, visit_enterprises, visit_list

__all__ = [
    "HardshipTodo", "aid_list", "care_member_get", "care_statistics",
    "files_never_helped", "files_review_due", "fund_contributions", "fund_enterprises", "fund_get", "fund_list",
    "fund_payouts", "hardship_file_aid", "hardship_file_get", "hardship_file_list", "hardship_file_reviews",
    "hardship_todo", "medical_claims", "medical_enrolment_get", "medical_enrolment_list", "medical_unit_enrolments",
    "medical_unit_get", "medical_unit_list", "medical_units_for_form", "schooling_grant_list", "service_card_get",
    "service_card_list", "visit_enterprises", "visit_list",
]
