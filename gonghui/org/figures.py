"""The organisation's figures in the registry (gonghui.core.figures), as the summaries write them:
"今年完成基层单建工会8家 … 我街道有基层工会组织224家，其中单建工会216家，社区(村)联合工会8家，覆盖企业368家。"

Unions and enterprises are counted as they stand at the end of the period: a union founded after it is not
counted yet (one without a founding date always is). Members sit above org: their figures are members'.
"""

from django.db.models import Q, QuerySet

from gonghui.core.figures import Column, Figure, Section
from gonghui.core.periods import Period
from gonghui.core.links import record_link

from .models import Enterprise, Formation, JointScope, Union, UnionLevel

ORGANISATION = Section.ORGANISATION


def _founded(period: Period) -> QuerySet:
    return Union.objects.filter(level=UnionLevel.GRASSROOTS, founded_on__range=period.span)


def _grassroots(period: Period) -> QuerySet:
    return Union.objects.filter(Q(founded_on__isnull=True) | Q(founded_on__lte=period.end),
                                level=UnionLevel.GRASSROOTS)


def _single(period: Period) -> QuerySet:
    return _grassroots(period).filter(formation=Formation.SINGLE)


def _joint(*scopes: str):
    def records(period: Period) -> QuerySet:
        joint = _grassroots(period).exclude(formation=Formation.SINGLE)
        return joint.filter(joint_scope__in=scopes) if scopes else joint
    return records


def _enterprises(period: Period) -> QuerySet:
    # The enterprises the subtree's grassroots unions cover at the end of the period.
    return Enterprise.objects.filter(union__level=UnionLevel.GRASSROOTS)


def _registered(period: Period) -> QuerySet:
    # Every enterprise on the books of the subtree, a federation's own unaffiliated ones included.
    return Enterprise.objects.all()


_union_url = record_link("org:detail")


UNION_COLUMNS = (Column("工会名称", "name"), Column("组建方式", "get_formation_display"),
                 Column("联合范围", "get_joint_scope_display"), Column("成立日期", "founded_on"))
ENTERPRISE_COLUMNS = (Column("企业名称", "name"), Column("所属工会", "union.name"), Column("职工人数", "headcount"))
AT_END = "期末登记在册的基层工会（成立日期在期末之后的不计）"


def _unions(key: str, label: str, sentence: str, definition: str, records, **extra) -> Figure:
    return Figure(key=f"org.{key}", label=label, sentence=sentence, definition=definition, unit="家",
                  section=ORGANISATION, records=records, columns=UNION_COLUMNS, record_url=_union_url, **extra)


FIGURES = (
    _unions("unions_founded", "新建基层工会", "今年完成基层单建工会{value}家",
            "期内成立（成立日期在期间内）的基层工会数，含单建和联合建会。", _founded,
            month_field="founded_on", ranked=True),
    _unions("grassroots_unions", "基层工会组织", "基层工会组织{value}家", f"{AT_END}，单建和联合的都计。",
            _grassroots, ranked=True),
    _unions("unions_single", "单建工会", "其中单建工会{value}家", f"{AT_END}中单独建会的。", _single),
    _unions("unions_joint", "联合工会", "联合工会{value}家", f"{AT_END}中联合建会的（社区、村、行业、区域都计）。",
            _joint()),
    _unions("unions_joint_community", "社区(村)联合工会", "社区(村)联合工会{value}家",
            f"{AT_END}中以社区或村为范围联合建会的。", _joint(JointScope.COMMUNITY, JointScope.VILLAGE)),
    Figure(
        key="org.enterprises_covered", label="覆盖企业", sentence="覆盖企业{value}家", unit="家",
        definition="本级及下级基层工会覆盖的企业数（期末登记在册）。",
        section=ORGANISATION, records=_enterprises, columns=ENTERPRISE_COLUMNS,
    ),
    Figure(
        key="org.enterprises_registered", label="登记企业", sentence="登记企业{value}家", unit="家",
        definition="本级及下级工会登记的全部企业，总工会直接联系、尚未建会的也计。",
        section=ORGANISATION, records=_registered, columns=ENTERPRISE_COLUMNS,
    ),
)
