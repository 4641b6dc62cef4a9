"""Every write of member services, one module per section: hardship files and aid, enterprise hardship funds,
visits and schooling grants, mutual medical aid and service cards."""

from .aid import aid_payment_create, hardship_file_read_log, hardship_files_read_log
from .funds import fund_contribute, fund_create, fund_payout
from .hardship import hardship_file_apply, hardship_file_update, income_per_head
from .medical import (medical_claim_create, medical_enrol_whole_unit, medical_member_enrol, medical_unit_enrol,
                      service_card_collect, service_card_issue)
from .reviews import hardship_file_federation_review, hardship_file_union_review, hardship_file_yearly_review
from .visits import schooling_grant_create, visit_create

__all__ = [
    "aid_payment_create", "fund_contribute", "fund_create", "fund_payout", "hardship_file_apply",
    "hardship_file_federation_review", "hardship_file_read_log", "hardship_file_union_review",
    "hardship_file_update", "hardship_file_yearly_review", "hardship_files_read_log", "income_per_head",
    "medical_claim_create", "medical_enrol_whole_unit", "medical_member_enrol", "medical_unit_enrol",
    "schooling_grant_create", "service_card_collect", "service_card_issue", "visit_create",
]
