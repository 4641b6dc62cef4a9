"""The rights figures in the registry (gonghui.core.figures), phrased as the source summaries phrase them:
"调处组织190家，有调处员190名 … 共调处劳动纠纷27起，共接待职工信访27件，成功调处劳资纠纷27件，其中劳动合同5件 …
涉及职工120名，涉案金额1329770元。调处率100%，成功率100%。"

Disputes are counted over the cases *received* in the period (the summaries call each case taken up 调处);
handled means closed, with any outcome, by the period's end. Collective contracts and mediation bodies are
counted as they stand on the period's last day (today, for a period not over yet).
"""

from datetime import date, timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone

from gonghui.core.figures import Column, Figure, Ratio, Section, Style
from gonghui.core.periods import Period
from gonghui.core.links import record_link
from gonghui.org.models import Enterprise

from .choices import ContractKind, DisputeKind, DisputeOutcome
from .models import (CollectiveContract, DisputeCase, MediationBody, Mediator, Petition, contract_warning_days,
                     dispute_time_limit_days)

RIGHTS = Section.RIGHTS


def reckoning_day(period: Period) -> date:
    """Standing figures (contracts in force, open cases) are read on the period's last day, or today if sooner."""
    return min(period.end, timezone.localdate())


# --- disputes ----------------------------------------------------------------------------------------------

def _received(period: Period) -> QuerySet:
    return DisputeCase.objects.filter(received_on__range=period.span)


def _handled(period: Period) -> QuerySet:
    return _received(period).filter(closed_on__lte=period.end)


def _mediated(period: Period) -> QuerySet:
    return _handled(period).filter(outcome=DisputeOutcome.MEDIATED)


def _of_kind(kind: str):
    return lambda period: _received(period).filter(kind=kind)


def _past_limit(period: Period) -> QuerySet:
    """Received in the period and, on the reckoning day, open although the time limit has run out."""
    on = reckoning_day(period)
    last_received = on - timedelta(days=dispute_time_limit_days() + 1)
    return DisputeCase.objects.filter(Q(closed_on__isnull=True) | Q(closed_on__gt=on),
                                      received_on__range=(period.start, last_received))


_case_url = record_link("rights:dispute_detail")


CASE_COLUMNS = (Column("受理日期", "received_on"), Column("受理工会", "union.name"), Column("涉及企业", "enterprise.name"),
                Column("争议类型", "get_kind_display"), Column("涉及职工人数", "workers_involved"),
                Column("涉案金额（元）", "amount"), Column("处理结果", "get_outcome_display"),
                Column("结案日期", "closed_on"))


def _case_figure(key: str, label: str, sentence: str, definition: str, records, **extra) -> Figure:
    return Figure(key=f"rights.{key}", label=label, sentence=sentence, definition=definition, section=RIGHTS,
                  records=records, columns=CASE_COLUMNS, month_field="received_on", record_url=_case_url,
                  **{"unit": "件", **extra})


RECEIVED = "按期间内受理的劳动争议案件计（受理日期在期间内），含本级及下级工会受理的。"

DISPUTES = (
    _case_figure("disputes_received", "调处劳动纠纷", "共调处劳动纠纷{value}起", RECEIVED, _received, unit="起"),
    _case_figure("disputes_handled", "已调处结案", "已调处结案{value}起",
                 "期间内受理、期末前已结案（无论结果）的案件数。", _handled, unit="起"),
    _case_figure("disputes_mediated", "成功调处", "成功调处劳资纠纷{value}件",
                 "期间内受理、期末前结案且处理结果为调解成功的案件数。", _mediated),
    *(_case_figure(f"disputes_{kind.value}", str(kind.label), f"{kind.label}{{value}}件",
                   f"期间内受理的案件中争议类型为“{kind.label}”的。", _of_kind(kind.value)) for kind in DisputeKind),
    _case_figure("dispute_workers", "涉及职工", "涉及职工{value}名",
                 "期间内受理的案件的涉及职工人数之和（一案一计，不去重）。", _received, unit="名",
                 total="workers_involved"),
    _case_figure("dispute_amount", "涉案金额", "涉案金额{value}元", "期间内受理的案件的涉案金额之和。", _received,
                 unit="元", total="amount", style=Style.YUAN),
    _case_figure("disputes_past_limit", "超期未结案件", "劳动争议超过{days}日未结{{value}}件".format(
                     days=dispute_time_limit_days()),
                 "期间内受理、到期末（期间未结束的到今天）仍未结案且受理已超过规定时限（默认15日）的案件。",
                 _past_limit, ranked=True),
)

RATES = (
    Ratio(key="rights.handling_rate", label="调处率", sentence="调处率{value}",
          definition="调处率 = 期末前已结案（无论结果）的案件数 ÷ 期间内受理案件数。", section=RIGHTS,
          numerator="rights.disputes_handled", denominator="rights.disputes_received"),
    Ratio(key="rights.success_rate", label="成功率", sentence="成功率{value}",
          definition="成功率 = 调解成功的案件数 ÷ 已结案的案件数。", section=RIGHTS,
          numerator="rights.disputes_mediated", denominator="rights.disputes_handled"),
)


# --- petitions ---------------------------------------------------------------------------------------------

def _petitions(period: Period) -> QuerySet:
    return Petition.objects.filter(received_on__range=period.span)


PETITIONS = (
    Figure(key="rights.petitions", label="接待职工信访", sentence="共接待职工信访{value}件", unit="件",
           definition="期间内接待的信访（接待日期在期间内），来访、来信、来电、网上信访各计一件。",
           section=RIGHTS, records=_petitions, month_field="received_on",
           record_url=record_link("rights:petition_detail"),
           columns=(Column("接待日期", "received_on"), Column("接待工会", "union.name"),
                    Column("信访方式", "get_channel_display"), Column("人数", "people"),
                    Column("办结日期", "closed_on"))),
)


# --- collective contracts ----------------------------------------------------------------------------------

def _in_force(period: Period) -> QuerySet:
    on = reckoning_day(period)
    return CollectiveContract.objects.filter(term_start__lte=on, term_end__gte=on)


def _in_force_of_kind(kind: str):
    return lambda period: _in_force(period).filter(kind=kind)


def _covered(contracts):
    """The enterprises the contracts cover, each once however many contracts name it."""
    def records(period: Period) -> QuerySet:
        links = CollectiveContract.enterprises.through.objects.filter(collectivecontract__in=contracts(period))
        return Enterprise.objects.filter(pk__in=links.values("enterprise_id"))
    return records


def _signed(period: Period) -> QuerySet:
    return CollectiveContract.objects.filter(signed_on__range=period.span)


def _expiring(period: Period) -> QuerySet:
    today = timezone.localdate()
    return CollectiveContract.objects.filter(term_end__gte=today,
                                             term_end__lte=today + timedelta(days=contract_warning_days()))


_contract_url = record_link("rights:contract_detail")


CONTRACT_COLUMNS = (Column("合同名称", "title"), Column("签约工会", "union.name"), Column("合同类型", "get_kind_display"),
                    Column("签订日期", "signed_on"), Column("到期日期", "term_end"),
                    Column("覆盖职工人数", "workers_covered"))
ENTERPRISE_COLUMNS = (Column("企业名称", "name"), Column("所属工会", "union.name"))
IN_FORCE = "在期末（期间未结束的为今天）当日处于期限内的集体合同"


def _contract_figure(key: str, label: str, sentence: str, definition: str, records, **extra) -> Figure:
    return Figure(key=f"rights.{key}", label=label, sentence=sentence, definition=definition, section=RIGHTS,
                  records=records, unit="份", columns=CONTRACT_COLUMNS, record_url=_contract_url, **extra)


def _enterprise_figure(key: str, label: str, sentence: str, definition: str, records) -> Figure:
    return Figure(key=f"rights.{key}", label=label, sentence=sentence, definition=definition, section=RIGHTS,
                  records=records, unit="家", columns=ENTERPRISE_COLUMNS)


def _kind_figures(kind) -> tuple[Figure, ...]:
    of_kind = _in_force_of_kind(kind.value)
    return (
        _contract_figure(f"contracts_{kind.value}", str(kind.label), f"{kind.label}{{value}}份",
                         f"{IN_FORCE}中类型为“{kind.label}”的份数。", of_kind),
        _enterprise_figure(f"contract_enterprises_{kind.value}", f"{kind.label}覆盖企业", "覆盖企业{value}家",
                           f"{IN_FORCE}中“{kind.label}”覆盖的企业，一家企业只计一次。", _covered(of_kind)),
        _contract_figure(f"contract_workers_{kind.value}", f"{kind.label}覆盖职工", "职工{value}名",
                         f"{IN_FORCE}中“{kind.label}”的覆盖职工人数之和。", of_kind, total="workers_covered"),
    )


CONTRACTS = (
    _contract_figure("contracts_in_force", "现行有效集体合同", "现行有效集体合同{value}份", f"{IN_FORCE}份数。",
                     _in_force, month_field="signed_on"),
    _enterprise_figure("contract_enterprises", "集体合同覆盖企业", "覆盖企业{value}家",
                       f"{IN_FORCE}覆盖的企业，一家企业有几份合同也只计一次。", _covered(_in_force)),
    _contract_figure("contracts_signed", "本期新签集体合同", "新签集体合同{value}份", "签订日期在期间内的集体合同。",
                     _signed, month_field="signed_on"),
    _contract_figure("contracts_expiring", "即将到期集体合同",
                     "{days}日内到期集体合同{{value}}份".format(days=contract_warning_days()),
                     "从今天起规定天数（默认90日）内到期的集体合同，与期间无关。", _expiring),
    *(figure for kind in ContractKind for figure in _kind_figures(kind)),
)

CONTRACT_RATE = Ratio(
    key="rights.contract_rate", label="集体合同企业覆盖率", sentence="企业覆盖率{value}", section=RIGHTS,
    definition="企业覆盖率 = 集体合同覆盖企业数 ÷ 本级及下级登记的企业数（org.enterprises_registered）。",
    numerator="rights.contract_enterprises", denominator="org.enterprises_registered")


# --- mediation bodies --------------------------------------------------------------------------------------

def _bodies(period: Period) -> QuerySet:
    return MediationBody.objects.filter(Q(established_on__isnull=True) | Q(established_on__lte=period.end))


def _enterprise_bodies(period: Period) -> QuerySet:
    return _bodies(period).filter(enterprise__isnull=False)


def _mediators(period: Period) -> QuerySet:
    return Mediator.objects.filter(active=True, body__in=_bodies(period))


_body_url = record_link("rights:body_detail")


BODY_COLUMNS = (Column("调解组织名称", "name"), Column("所属工会", "union.name"), Column("所在企业", "enterprise.name"),
                Column("成立日期", "established_on"))

MEDIATION = (
    Figure(key="rights.mediation_bodies", label="调处组织", sentence="调处组织{value}家", unit="家",
           definition="本级及下级登记的劳动争议调解组织（企业的和区域的），成立日期在期末之后的不计。",
           section=RIGHTS, records=_bodies, columns=BODY_COLUMNS, record_url=_body_url),
    Figure(key="rights.enterprise_mediation_bodies", label="企业劳动争议调处组织",
           sentence="企业劳动争议调处组织{value}家", unit="家", definition="调处组织中设在企业的。",
           section=RIGHTS, records=_enterprise_bodies, columns=BODY_COLUMNS, record_url=_body_url),
    Figure(key="rights.mediators", label="调处员", sentence="有调处员{value}名", unit="名",
           definition="上述调处组织的在任调解员。", section=RIGHTS, records=_mediators,
           columns=(Column("姓名", "name"), Column("调解组织", "body.name"), Column("所属工会", "union.name")),
           record_url=lambda mediator: _body_url(mediator.body)),
)

FIGURES = (*MEDIATION, *DISPUTES, *RATES, *PETITIONS, *CONTRACTS, CONTRACT_RATE)
