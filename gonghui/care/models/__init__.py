"""The care app's models, one module per section; the app label, tables and migrations are the app's as before."""

from .funds import FundContribution, FundPayout, HardshipFund
from .hardship import AidPayment, HardshipFile, HardshipReview, HouseholdMember
from .medical import MedicalAidClaim, MedicalAidEnrolment, MedicalAidUnit, ServiceCard
from .visits import SchoolingGrant, Visit

__all__ = [
    "AidPayment", "FundContribution", "FundPayout", "HardshipFile", "HardshipFund", "HardshipReview",
    "HouseholdMember", "MedicalAidClaim", "MedicalAidEnrolment", "MedicalAidUnit", "SchoolingGrant", "ServiceCard",
    "Visit",
]
