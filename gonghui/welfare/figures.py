"""The welfare figures in the registry (gonghui.core.figures), worded as the source summaries word them:
"解决职工再就业218人", "41名…参加区总安排的免费体检活动", "17名…免费疗休养", "小候鸟暑期放心班四班，参加小朋友120多人",
"组织机关干部职工参加慈善一日捐…捐衣物、捐书"."""

from django.db.models import Min, Q, QuerySet
from django.urls import reverse

from gonghui.core.figures import Figure, Section, Style
from gonghui.core.periods import Period

from .choices import RecuperationKind
from .models import ChildrenProgramme, DonationDrive, EmploymentAid, Recuperation
from .tables import AID_COLUMNS, DRIVE_COLUMNS, PROGRAMME_COLUMNS, RECUPERATION_COLUMNS


def in_period(model, period: Period) -> QuerySet:
    return model.objects.filter(**{f"{model.DATE_FIELD}__range": (period.start, period.end)})


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


def record_url(name: str):
    return lambda record: reverse(f"welfare:{name}_detail", args=[record.pk])


PER_PERSON = "同一会员期内多次只计一次（计在其首次登记处）；非会员按登记人次计。"


def _person_figure(key, label, sentence, definition, section, records, model, columns, name) -> Figure:
    return Figure(key=key, label=label, sentence=sentence, unit="人", definition=definition + PER_PERSON,
                  section=section, records=records, columns=columns, month_field=model.DATE_FIELD,
                  record_url=record_url(name))


def _sum_figure(key, label, sentence, unit, total, definition, section, records, model, columns, name,
                style=Style.COUNT) -> Figure:
    return Figure(key=key, label=label, sentence=sentence, unit=unit, total=total, style=style,
                  definition=definition, section=section, records=records, columns=columns,
                  month_field=model.DATE_FIELD, record_url=record_url(name))


RECUPERATIONS = (Recuperation, RECUPERATION_COLUMNS, "recuperation")
PROGRAMMES = (_programmes, ChildrenProgramme, PROGRAMME_COLUMNS, "programme")
DRIVES = (_drives, DonationDrive, DRIVE_COLUMNS, "drive")
DRIVE_DEFINITION = "期内（按活动日期）各次慈善一日捐等捐赠活动登记的"

FIGURES = (
    _person_figure("welfare.employment_aided", "再就业援助", "解决职工再就业{value}人",
                   "期内（按就业日期）经工会就业援助实现再就业的人数。", Section.QUALITY, _aided, EmploymentAid, AID_COLUMNS, "aid"),
    _person_figure("welfare.check_ups", "免费体检", "组织{value}名职工参加免费体检活动",
                   "期内（按体检日期）登记参加工会组织体检的人数。", Section.CARE,
                   _recuperated(RecuperationKind.CHECK_UP), *RECUPERATIONS),
    _person_figure("welfare.rest_stays", "疗休养", "安排{value}名职工免费疗休养",
                   "期内（按出发日期）登记参加工会安排疗休养的人数。", Section.CARE,
                   _recuperated(RecuperationKind.REST), *RECUPERATIONS),
    _sum_figure("welfare.programme_classes", "小候鸟暑期放心班", "举办小候鸟暑期放心班{value}班", "班", "classes",
                "期内开班的暑期放心班的班数之和。", Section.CARE, *PROGRAMMES),
    _sum_figure("welfare.programme_children", "放心班参加小朋友", "参加小朋友{value}人", "人", "children",
                "期内开班的暑期放心班登记的参加小朋友人数之和。", Section.CARE, *PROGRAMMES),
    _sum_figure("welfare.drive_donors", "慈善一日捐参加人次", "组织{value}人次参加慈善一日捐", "人次", "donors",
                DRIVE_DEFINITION + "捐赠人次之和。", Section.CARE, *DRIVES),
    _sum_figure("welfare.drive_amount", "慈善一日捐捐款", "慈善一日捐捐款{value}元", "元", "amount",
                DRIVE_DEFINITION + "捐款金额之和。", Section.CARE, *DRIVES, style=Style.YUAN),
    _sum_figure("welfare.drive_clothes", "捐衣物", "捐衣物{value}件", "件", "clothes",
                DRIVE_DEFINITION + "捐赠衣物件数之和。", Section.CARE, *DRIVES),
    _sum_figure("welfare.drive_books", "捐书", "捐书{value}册", "册", "books",
                DRIVE_DEFINITION + "捐赠书籍册数之和。", Section.CARE, *DRIVES),
    _sum_figure("welfare.drive_other_items", "捐其他物品", "捐其他物品{value}件", "件", "other_items",
                DRIVE_DEFINITION + "捐赠衣物、书籍以外物品件数之和。", Section.CARE, *DRIVES),
)
