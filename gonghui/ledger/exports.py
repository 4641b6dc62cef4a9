"""Every ledger list as an .xlsx download, through the shared constant-memory writer."""

from collections.abc import Iterable

from django.http import FileResponse

from gonghui.core.identifiers import mask_id_number
from gonghui.core.xlsx import xlsx_download

from .figures import ledger_totals
from .models import Activity, Honour, NewsReport

CHUNK = 2000


ACTIVITY_HEADERS = ("日期", "结束日期", "工会", "类别", "活动名称", "系列活动", "地点", "组织者", "参加人数", "费用（元）",
                    "对应计划事项", "成效")


def activity_rows(qs) -> Iterable[tuple]:
    for a in qs.iterator(chunk_size=CHUNK):
        yield (a.date, a.end_date, a.union.name, a.get_kind_display(), a.title, a.series, a.place, a.organiser,
               a.participant_count, a.cost, a.plan_item.title if a.plan_item_id else "", a.results)
    # The total row, as on the list page: the registry's sums over the same filtered rows.
    totals = ledger_totals(qs)
    yield ("合计", "", "", "", f"{totals['entries']}条", "", "", "", totals["participants"], totals["cost"], "", "")


HONOUR_HEADERS = ("表彰日期", "工会", "表彰对象", "获表彰者", "身份证号码", "荣誉称号", "级别", "授予单位", "备注")


def honour_rows(qs) -> Iterable[tuple]:
    for h in qs.iterator(chunk_size=CHUNK):
        yield (h.date, h.union.name, h.get_recipient_type_display(), h.recipient,
               mask_id_number(h.member.id_number) if h.member_id else "", h.title, h.get_level_display(),
               h.awarding_body, h.note)


NEWS_HEADERS = ("报送日期", "工会", "报送人", "标题", "刊发媒体")


def news_rows(qs) -> Iterable[tuple]:
    for n in qs.iterator(chunk_size=CHUNK):
        yield n.date, n.union.name, n.reporter_name, n.title, n.published_in


EXPORTS = {
    Activity: ("活动台帐", ACTIVITY_HEADERS, activity_rows),
    Honour: ("表彰台帐", HONOUR_HEADERS, honour_rows),
    NewsReport: ("信息报道", NEWS_HEADERS, news_rows),
}


def ledger_download(qs) -> FileResponse:
    title, headers, rows = EXPORTS[qs.model]
    return xlsx_download(filename=f"{title}.xlsx", headers=headers, rows=rows(qs), sheet_name=title)
