"""The welfare figures in the registry (gonghui.core.figures), worded as the source summaries word them:
"解决职工再就业218人", "41名…参加区总安排的免费体检活动", "17名…免费疗休养", "小候鸟暑期放心班四班，参加小朋友120多人",
"组织机关干部职工参加慈善一日捐…捐衣物、捐书"."""

from django.db.models import Min, Q, QuerySet

from gonghui.core.figures import Figure, Section, Style
from gonghui.core.periods import Period

from .choices import RecuperationKind
from .kinds import KINDS, Kind
from .models import ChildrenProgramme, DonationDrive, EmploymentAid, Recuperation


def in_period(model, period: Period) -> QuerySet:
    return model.objects.filter(**{f"{model.DATE_FIELD}__range": period.span})


def one_per_person(qs: QuerySet) -> QuerySet:
    """Each member's first record of `qs` only, so that a member helped twice counts once; a non-member is
    known only by a name, which two people may share, so each of their records counts."""
    firsts = qs.filter(member__isnull=False).values("member_id").annotate(first=Min("pk")).values("first")
    return qs.filter(Q(member__isnull=True) | Q(pk__in=firsts))


def _aided(period: Period) -> QuerySet:
    return one_per_person(in_period(EmploymentAid, period))


def _recuperated(kind: str):
    def records(period: Period) -> QuerySet:
        return one_per_person(in_period(Recuperation, period).filter(kind=kind))

    return records


def _programmes(period: Period) -> QuerySet:
    return in_period(ChildrenProgramme, period)


def _drives(period: Period) -> QuerySet:
    return in_period(DonationDrive, period)


PER_PERSON = "同一会员期内多次只计一次（计在其首次登记处）；非会员按登记人次计。"


def _figure(kind: Kind, records, **fields) -> Figure:
    """A figure over one record type: its list has the type's columns, by its date, each linking to its page."""
    return Figure(records=records, columns=kind.columns, month_field=kind.model.DATE_FIELD,
                  record_url=lambda record: kind.url("detail", record.pk), **fields)


def _people(kind: Kind, records, *, definition: str, **fields) -> Figure:
    return _figure(kind, records, unit="人", definition=definition + PER_PERSON, **fields)


AID, RECUPERATION, PROGRAMME, DRIVE = KINDS
DRIVE_DEFINITION = "期内（按活动日期）各次慈善一日捐等捐赠活动登记的"

FIGURES = (
    _people(AID, _aided, key="welfare.employment_aided", label="再就业援助", sentence="解决职工再就业{value}人",
            definition="期内（按就业日期）经工会就业援助实现再就业的人数。", section=Section.QUALITY),
    _people(RECUPERATION, _recuperated(RecuperationKind.CHECK_UP), key="welfare.check_ups", label="免费体检",
            sentence="组织{value}名职工参加免费体检活动", definition="期内（按体检日期）登记参加工会组织体检的人数。",
            section=Section.CARE),
    _people(RECUPERATION, _recuperated(RecuperationKind.REST), key="welfare.rest_stays", label="疗休养",
            sentence="安排{value}名职工免费疗休养", definition="期内（按出发日期）登记参加工会安排疗休养的人数。",
            section=Section.CARE),
    _figure(PROGRAMME, _programmes, key="welfare.programme_classes", label="小候鸟暑期放心班",
            sentence="举办小候鸟暑期放心班{value}班", unit="班", total="classes",
            definition="期内开班的暑期放心班的班数之和。", section=Section.CARE),
    _figure(PROGRAMME, _programmes, key="welfare.programme_children", label="放心班参加小朋友",
            sentence="参加小朋友{value}人", unit="人", total="children",
            definition="期内开班的暑期放心班登记的参加小朋友人数之和。", section=Section.CARE),
    _figure(DRIVE, _drives, key="welfare.drive_donors", label="慈善一日捐参加人次",
            sentence="组织{value}人次参加慈善一日捐", unit="人次", total="donors",
            definition=DRIVE_DEFINITION + "捐赠人次之和。", section=Section.CARE),
    _figure(DRIVE, _drives, key="welfare.drive_amount", label="慈善一日捐捐款", sentence="慈善一日捐捐款{value}元",
            unit="元", total="amount", style=Style.YUAN, definition=DRIVE_DEFINITION + "捐款金额之和。",
            section=Section.CARE),
    _figure(DRIVE, _drives, key="welfare.drive_clothes", label="捐衣物", sentence="捐衣物{value}件", unit="件",
            total="clothes", definition=DRIVE_DEFINITION + "捐赠衣物件数之和。", section=Section.CARE),
    _figure(DRIVE, _drives, key="welfare.drive_books", label="捐书", sentence="捐书{value}册", unit="册",
            total="books", definition=DRIVE_DEFINITION + "捐赠书籍册数之和。", section=Section.CARE),
    _figure(DRIVE, _drives, key="welfare.drive_other_items", label="捐其他物品", sentence="捐其他物品{value}件",
            unit="件", total="other_items", definition=DRIVE_DEFINITION + "捐赠衣物、书籍以外物品件数之和。",
            section=Section.CARE),
)
