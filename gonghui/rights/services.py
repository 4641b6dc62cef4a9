"""Every write of the rights app. Each checks the writer, the subtree and the input, then saves with history.

Errors are collected per field and raised together, so a form shows all of them at once.
"""

from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from gonghui.core.formatting import future_error
from gonghui.core.identifiers import IdentifierError, parse_mobile, parse_resident_id
from gonghui.core.money import CENT, check_money
from gonghui.core.scoping import contains, is_within, may_access_care
from gonghui.core.services import (access_log_record, fields_assign, require_within, require_writer,
                                   require_writer_within, save_with_history)
from gonghui.members.choices import MemberStatus
from gonghui.members.models import Member
from gonghui.org.models import Enterprise, Union

from .choices import ContractScope, DisputeOutcome
from .models import CaseStep, CollectiveContract, DisputeCase, MediationBody, Mediator, Petition

MAX_WORKERS = 100_000
MAX_PEOPLE = 10_000
NOT_YOURS_ENTERPRISE = "找不到该企业，或不在本工会管辖范围内"
NOT_YOURS_MEMBER = "找不到该会员，或不在本工会管辖范围内"

CASE_FIELDS = ("enterprise", "received_on", "kind", "applicant", "summary", "workers_involved", "amount",
               "mediator", "outcome", "closed_on", "result_note")
PETITION_FIELDS = ("received_on", "channel", "petitioner", "phone", "people", "matter", "handling", "result",
                   "closed_on")
CONTRACT_FIELDS = ("scope", "kind", "title", "signed_on", "term_start", "term_end", "wage_increase_pct",
                   "workers_covered", "filed_on")


def _raise(errors: dict[str, str]) -> None:
    if errors:
        raise ValidationError(errors)


def _count_error(value: int | None, *, low: int, high: int, label: str) -> str | None:
    if value is None or not low <= value <= high:
        return f"{label}应在{low}至{high}之间"
    return None


def _phone(raw: str, errors: dict, field: str = "phone") -> str:
    if not raw:
        return ""
    try:
        return parse_mobile(raw)
    except IdentifierError as exc:
        errors[field] = str(exc)
        return raw


def _enterprise_inside(*, actor, enterprise: Enterprise | None, union: Union) -> bool:
    """An enterprise must be the actor's and sit under the union that records the matter."""
    return bool(enterprise and is_within(actor, enterprise.union) and contains(union, enterprise.union))


def _linked_member(*, actor, union: Union, id_number: str, errors: dict) -> Member | None:
    """The active member with this ID number in the union's subtree, or an error at the field.

    Records link a member by ID number (typed, never shown back): a blank number keeps the current link.
    """
    try:
        number = parse_resident_id(id_number).number
    except IdentifierError as exc:
        errors["member_id_number"] = str(exc)
        return None
    member = (Member.objects.select_related("union")
              .filter(tenant_id=union.tenant_id, id_number=number, status=MemberStatus.ACTIVE).first())
    if member is None or not is_within(actor, member.union) or not contains(union, member.union):
        errors["member_id_number"] = NOT_YOURS_MEMBER
        return None
    return member


def require_case_grant(actor) -> None:
    """Disputes and petitions are written only by those who may read them."""
    if not may_access_care(actor):
        raise PermissionDenied("您没有“可查看帮扶与维权档案”的授权，不能登记或修改劳动争议和信访记录")


def _require_case_writer(actor, union: Union) -> None:
    require_writer(actor)
    require_case_grant(actor)
    require_within(actor, union)


def record_read(*, actor, obj: DisputeCase | Petition) -> None:
    """Every opening of a case or petition is written to the access log."""
    access_log_record(user=actor, obj=obj, action="read", detail=str(obj))


def record_list(*, actor, action: str, query: str) -> None:
    """A list of cases or petitions through the API returns their causes and notes: one entry per request."""
    access_log_record(user=actor, obj=actor.union, action=action, detail=f"查询：{query or '（全部）'}")


def record_export(*, actor, what: str, count: int) -> None:
    access_log_record(user=actor, obj=actor.union, action="export", detail=f"导出{what}{count}条")


# Mediation bodies and mediators ---------------------------------------------------------------

@transaction.atomic
def mediation_body_create(*, actor, union: Union, name: str, enterprise: Enterprise | None = None,
                          established_on: date | None = None) -> MediationBody:
    require_writer_within(actor, union)
    errors: dict[str, str] = {}
    if not name.strip():
        errors["name"] = "请填写调解组织名称"
    if enterprise is not None:
        if not _enterprise_inside(actor=actor, enterprise=enterprise, union=union):
            errors["enterprise"] = NOT_YOURS_ENTERPRISE
        elif (existing := MediationBody.objects.filter(enterprise=enterprise).first()) is not None:
            errors["enterprise"] = f"该企业已设立调解组织“{existing.name}”"
    if error := future_error(established_on, "成立日期"):
        errors["established_on"] = error
    _raise(errors)
    # An enterprise's body belongs to the enterprise's union, wherever it was entered from.
    body = MediationBody(tenant_id=union.tenant_id, union=enterprise.union if enterprise else union,
                         enterprise=enterprise, name=name.strip(), established_on=established_on)
    body.full_clean(validate_constraints=False)
    save_with_history(body, actor=actor)
    return body


def _check_mediator(mediator: Mediator, *, actor, member_id_number: str) -> None:
    errors: dict[str, str] = {}
    mediator.name = mediator.name.strip()
    if not mediator.name:
        errors["name"] = "请填写调解员姓名"
    mediator.phone = _phone(mediator.phone, errors)
    if member_id_number.strip():
        mediator.member = _linked_member(actor=actor, union=mediator.union, id_number=member_id_number,
                                         errors=errors)
    _raise(errors)
    mediator.full_clean(exclude=["tenant", "union", "body", "member"])


@transaction.atomic
def mediator_create(*, actor, body: MediationBody, name: str, phone: str = "",
                    member_id_number: str = "") -> Mediator:
    require_writer_within(actor, body.union)
    mediator = Mediator(tenant_id=body.tenant_id, body=body, union=body.union, name=name, phone=phone)
    _check_mediator(mediator, actor=actor, member_id_number=member_id_number)
    save_with_history(mediator, actor=actor)
    return mediator


@transaction.atomic
def mediator_update(*, actor, mediator: Mediator, name: str, phone: str | None = None, member_id_number: str = "",
                    active: bool = True) -> Mediator:
    """`phone` None keeps the stored one (the edit form never holds it); "" clears it."""
    require_writer_within(actor, mediator.union)
    mediator.name, mediator.active = name, active
    if phone is not None:
        mediator.phone = phone
    _check_mediator(mediator, actor=actor, member_id_number=member_id_number)
    save_with_history(mediator, actor=actor)
    return mediator


# Dispute cases ---------------------------------------------------------------------------------

def _check_closing(outcome: str, closed_on: date | None, received_on: date | None, errors: dict) -> None:
    if outcome and not closed_on:
        errors["closed_on"] = "已选择处理结果，请填写结案日期"
    elif closed_on and not outcome:
        errors["outcome"] = "已填写结案日期，请选择处理结果"
    elif closed_on and received_on and closed_on < received_on:
        errors["closed_on"] = f"结案日期不能早于受理日期（{received_on:%Y-%m-%d}）"
    elif error := future_error(closed_on, "结案日期"):
        errors["closed_on"] = error


def _check_case(case: DisputeCase, *, actor, mediator_changed: bool) -> None:
    errors: dict[str, str] = {}
    if not _enterprise_inside(actor=actor, enterprise=case.enterprise, union=case.union):
        errors["enterprise"] = NOT_YOURS_ENTERPRISE
    if error := future_error(case.received_on, "受理日期"):
        errors["received_on"] = error
    if error := _count_error(case.workers_involved, low=1, high=MAX_WORKERS, label="涉及职工人数"):
        errors["workers_involved"] = error
    case.amount = check_money(errors, "amount", case.amount)
    if case.mediator_id and mediator_changed:
        if not is_within(actor, case.mediator.union):
            errors["mediator"] = "找不到该调解员，或不在您的管辖范围内"
        elif not case.mediator.active:
            errors["mediator"] = "该调解员已不在任"
    _check_closing(case.outcome, case.closed_on, case.received_on, errors)
    _raise(errors)
    case.full_clean(exclude=["tenant", "union", "enterprise", "mediator"])


def _step(case: DisputeCase, *, actor, on_date: date, action: str, note: str = "") -> CaseStep:
    return CaseStep.objects.create(tenant_id=case.tenant_id, case=case, union=case.union, on_date=on_date,
                                   action=action, note=note, by=actor)


@transaction.atomic
def dispute_create(*, actor, union: Union, enterprise: Enterprise | None, received_on: date, kind: str,
                   workers_involved: int, amount: Decimal = Decimal(0), applicant: str = "", summary: str = "",
                   mediator: Mediator | None = None, outcome: str = "", closed_on: date | None = None,
                   result_note: str = "") -> DisputeCase:
    _require_case_writer(actor, union)
    case = DisputeCase(tenant_id=union.tenant_id, union=union, enterprise=enterprise, received_on=received_on,
                       kind=kind, workers_involved=workers_involved, amount=amount, applicant=applicant,
                       summary=summary, mediator=mediator, outcome=outcome, closed_on=closed_on,
                       result_note=result_note)
    _check_case(case, actor=actor, mediator_changed=True)
    save_with_history(case, actor=actor)
    _step(case, actor=actor, on_date=received_on, action="受理")
    if case.is_closed:
        _step(case, actor=actor, on_date=closed_on, action=f"结案：{case.get_outcome_display()}", note=result_note)
    return case


@transaction.atomic
def dispute_update(*, actor, case: DisputeCase, **fields) -> DisputeCase:
    _require_case_writer(actor, case.union)
    old_mediator = case.mediator_id
    fields_assign(case, fields, CASE_FIELDS)
    _check_case(case, actor=actor, mediator_changed=case.mediator_id != old_mediator)
    save_with_history(case, actor=actor)
    return case


def _require_open(case: DisputeCase) -> None:
    if case.is_closed:
        raise ValidationError({"__all__": f"该案件已于{case.closed_on:%Y-%m-%d}结案，不能再办理"})


@transaction.atomic
def dispute_step_add(*, actor, case: DisputeCase, on_date: date, action: str, note: str = "") -> CaseStep:
    _require_case_writer(actor, case.union)
    _require_open(case)
    errors: dict[str, str] = {}
    if not action.strip():
        errors["action"] = "请填写办理事项"
    if on_date < case.received_on:
        errors["on_date"] = f"步骤日期不能早于受理日期（{case.received_on:%Y-%m-%d}）"
    elif error := future_error(on_date, "步骤日期"):
        errors["on_date"] = error
    _raise(errors)
    return _step(case, actor=actor, on_date=on_date, action=action.strip(), note=note)


@transaction.atomic
def dispute_close(*, actor, case: DisputeCase, outcome: str, closed_on: date, result_note: str = "") -> DisputeCase:
    _require_case_writer(actor, case.union)
    _require_open(case)
    errors: dict[str, str] = {}
    if outcome not in DisputeOutcome.values:
        errors["outcome"] = "请选择处理结果"
    _check_closing(outcome, closed_on, case.received_on, errors)
    _raise(errors)
    case.outcome, case.closed_on, case.result_note = outcome, closed_on, result_note
    save_with_history(case, actor=actor)
    _step(case, actor=actor, on_date=closed_on, action=f"结案：{case.get_outcome_display()}", note=result_note)
    return case


# Petitions -------------------------------------------------------------------------------------

def _check_petition(petition: Petition, *, actor, member_id_number: str) -> None:
    errors: dict[str, str] = {}
    petition.petitioner = petition.petitioner.strip()
    if not petition.petitioner:
        errors["petitioner"] = "请填写信访人"
    if not petition.matter.strip():
        errors["matter"] = "请填写反映事项"
    petition.phone = _phone(petition.phone, errors)
    if member_id_number.strip():
        petition.member = _linked_member(actor=actor, union=petition.union, id_number=member_id_number,
                                         errors=errors)
    if error := _count_error(petition.people, low=1, high=MAX_PEOPLE, label="人数"):
        errors["people"] = error
    if error := future_error(petition.received_on, "接待日期"):
        errors["received_on"] = error
    if petition.closed_on and petition.received_on and petition.closed_on < petition.received_on:
        errors["closed_on"] = f"办结日期不能早于接待日期（{petition.received_on:%Y-%m-%d}）"
    elif error := future_error(petition.closed_on, "办结日期"):
        errors["closed_on"] = error
    _raise(errors)
    petition.full_clean(exclude=["tenant", "union", "member"])


@transaction.atomic
def petition_create(*, actor, union: Union, received_on: date, petitioner: str, matter: str,
                    channel: str = "visit", phone: str = "", member_id_number: str = "", people: int = 1,
                    handling: str = "", result: str = "", closed_on: date | None = None) -> Petition:
    _require_case_writer(actor, union)
    petition = Petition(tenant_id=union.tenant_id, union=union, received_on=received_on, channel=channel,
                        petitioner=petitioner, phone=phone, people=people, matter=matter, handling=handling,
                        result=result, closed_on=closed_on)
    _check_petition(petition, actor=actor, member_id_number=member_id_number)
    save_with_history(petition, actor=actor)
    return petition


@transaction.atomic
def petition_update(*, actor, petition: Petition, member_id_number: str = "", **fields) -> Petition:
    _require_case_writer(actor, petition.union)
    fields_assign(petition, fields, PETITION_FIELDS)
    _check_petition(petition, actor=actor, member_id_number=member_id_number)
    save_with_history(petition, actor=actor)
    return petition


# Collective contracts --------------------------------------------------------------------------

def _pct_error(value: Decimal | None) -> str | None:
    if value is None:
        return None
    if not value.is_finite() or not 0 <= value <= 100:
        return "工资增长幅度应在0至100之间（单位：%）"
    if value != value.quantize(CENT):
        return "工资增长幅度最多保留两位小数"
    return None


def _check_contract_dates(contract: CollectiveContract, errors: dict) -> None:
    signed, start, end = contract.signed_on, contract.term_start, contract.term_end
    if error := future_error(signed, "签订日期"):
        errors["signed_on"] = error
    if end and signed and end < signed:
        errors["term_end"] = f"到期日期不能早于签订日期（{signed:%Y-%m-%d}）"
    elif end and start and end <= start:
        errors["term_end"] = "到期日期须晚于期限起始日期"
    if contract.filed_on and signed and contract.filed_on < signed:
        errors["filed_on"] = "备案日期不能早于签订日期"
    elif error := future_error(contract.filed_on, "备案日期"):
        errors["filed_on"] = error


def _check_contract(contract: CollectiveContract, enterprises: list[Enterprise], *, actor) -> None:
    errors: dict[str, str] = {}
    if not contract.title.strip():
        errors["title"] = "请填写合同名称"
    _check_contract_dates(contract, errors)
    if error := _pct_error(contract.wage_increase_pct):
        errors["wage_increase_pct"] = error
    elif contract.wage_increase_pct is not None:
        contract.wage_increase_pct = contract.wage_increase_pct.quantize(CENT)
    if error := _count_error(contract.workers_covered, low=1, high=1_000_000, label="覆盖职工人数"):
        errors["workers_covered"] = error
    outside = [e for e in enterprises if not _enterprise_inside(actor=actor, enterprise=e, union=contract.union)]
    if not enterprises:
        errors["enterprises"] = "请选择合同覆盖的企业"
    elif outside:  # said as for an id that does not exist: naming it would tell whose it is
        errors["enterprises"] = NOT_YOURS_ENTERPRISE
    elif contract.scope == ContractScope.ENTERPRISE and len(enterprises) != 1:
        errors["enterprises"] = "企业集体合同只能对应一家企业；覆盖多家企业请选择区域性或行业性"
    _raise(errors)
    contract.full_clean(exclude=["tenant", "union"])


def _save_contract(contract: CollectiveContract, enterprises, *, actor) -> CollectiveContract:
    enterprises = list(enterprises)
    _check_contract(contract, enterprises, actor=actor)
    save_with_history(contract, actor=actor)
    contract.enterprises.set(enterprises)
    return contract


@transaction.atomic
def contract_create(*, actor, union: Union, enterprises: list[Enterprise], scope: str, kind: str, title: str,
                    signed_on: date, term_start: date, term_end: date, workers_covered: int,
                    wage_increase_pct: Decimal | None = None, filed_on: date | None = None) -> CollectiveContract:
    require_writer_within(actor, union)
    contract = CollectiveContract(tenant_id=union.tenant_id, union=union, scope=scope, kind=kind, title=title,
                                  signed_on=signed_on, term_start=term_start, term_end=term_end,
                                  workers_covered=workers_covered, wage_increase_pct=wage_increase_pct,
                                  filed_on=filed_on)
    return _save_contract(contract, enterprises, actor=actor)


@transaction.atomic
def contract_update(*, actor, contract: CollectiveContract, enterprises: list[Enterprise],
                    **fields) -> CollectiveContract:
    require_writer_within(actor, contract.union)
    fields_assign(contract, fields, CONTRACT_FIELDS)
    return _save_contract(contract, enterprises, actor=actor)
