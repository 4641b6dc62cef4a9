"""The columns of each welfare list: its page, its Excel export and the registry's list behind its figures."""

from gonghui.core.figures import Column


def _member(record) -> str:
    return "会员" if record.is_member else "非会员"


PERSON = (Column("姓名", "name"), Column("身份", _member))
UNION = Column("登记工会", "union.name")

AID_COLUMNS = (Column("就业日期", "aided_on"), *PERSON, Column("就业单位", "employer"), Column("岗位", "post"),
               Column("帮扶人", "helped_by"), UNION)
RECUPERATION_COLUMNS = (Column("日期", "on_date"), Column("类别", "get_kind_display"), *PERSON,
                        Column("地点/机构", "place"), Column("费用（元）", "cost"), UNION)
PROGRAMME_COLUMNS = (Column("名称", "name"), Column("开班日期", "start_on"), Column("结束日期", "end_on"),
                     Column("班数", "classes"), Column("参加小朋友人数", "children"), UNION)
DRIVE_COLUMNS = (Column("日期", "held_on"), Column("活动名称", "name"), Column("用途", "purpose"),
                 Column("捐赠人次", "donors"), Column("捐款（元）", "amount"), Column("衣物（件）", "clothes"),
                 Column("书籍（册）", "books"), Column("其他物品（件）", "other_items"), UNION)
