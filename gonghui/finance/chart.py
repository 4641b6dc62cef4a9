"""The charts of accounts of 《工会会计制度》(财会〔2021〕7号, in force since 2022-01-01), as data.

Two charts: the grassroots one (基层工会) and the one for county level and above (县级以上工会); the 明细科目
(five-digit codes) are those the rules require under an account. A union's books of a year are opened from
its chart (`books_open`), so a later edition of the rules changes new years only. The 2009 chart (502 维权,
503 业务) is not here: a code of it is refused as any unknown code is.

Each account: (code, name, category, normal side). The normal side is where its balance sits: debit for
assets and expenditure, credit for liabilities, net assets and income, and credit for the contra-assets
163 累计折旧 and 172 累计摊销.
"""

ASSET, LIABILITY, NET_ASSET, INCOME, EXPENDITURE = "asset", "liability", "net_asset", "income", "expenditure"
DEBIT, CREDIT = "debit", "credit"
GRASSROOTS, COUNTY = "grassroots", "county"

CATEGORY_LABELS = {ASSET: "资产类", LIABILITY: "负债类", NET_ASSET: "净资产类", INCOME: "收入类", EXPENDITURE: "支出类"}

_ASSETS_GRASSROOTS = ("101", "102", "131", "135", "141", "162", "163", "182")
_ASSETS_COUNTY = ("101", "102", "111", "121", "131", "132", "135", "141", "151", "161", "162", "163", "171",
                  "172", "181", "182")

NAMES = {
    "101": "库存现金", "102": "银行存款", "111": "零余额账户用款额度", "121": "财政应返还额度",
    "131": "应收上级经费", "132": "应收下级经费", "135": "其他应收款", "141": "库存物品", "151": "投资",
    "161": "在建工程", "162": "固定资产", "163": "累计折旧", "171": "无形资产", "172": "累计摊销",
    "181": "长期待摊费用", "182": "待处理财产损溢",
    "201": "应付职工薪酬", "211": "应付上级经费", "212": "应付下级经费", "215": "其他应付款", "221": "代管经费",
    "301": "资产基金", "30101": "库存物品", "30102": "投资", "30103": "在建工程", "30104": "固定资产",
    "30105": "无形资产", "30106": "长期待摊费用",
    "311": "专用基金", "321": "工会资金结转", "322": "工会资金结余", "331": "财政拨款结转", "332": "财政拨款结余",
    "341": "预算稳定调节基金",
    "401": "会费收入", "402": "拨缴经费收入", "403": "上级补助收入", "40301": "一般性转移支付补助",
    "40302": "专项转移支付补助", "404": "政府补助收入", "40401": "财政拨款收入", "40402": "非同级财政拨款收入",
    "405": "行政补助收入", "406": "附属单位上缴收入", "407": "投资收益", "408": "其他收入",
    "411": "动用预算稳定调节基金",
    "501": "职工活动支出", "50101": "职工教育支出", "50102": "文体活动支出", "50103": "宣传活动支出",
    "50104": "劳模职工疗休养支出", "50105": "会员活动支出", "50106": "其他活动支出",
    "502": "职工活动组织支出",
    "503": "职工服务支出", "50301": "劳动和技能竞赛活动支出", "50302": "建家活动支出", "50303": "职工创新活动支出",
    "50304": "职工书屋活动支出", "50305": "其他服务支出",
    "504": "维权支出", "50401": "劳动关系协调支出", "50402": "劳动保护支出", "50403": "法律援助支出",
    "50404": "困难职工帮扶支出", "50405": "送温暖支出", "50406": "其他维权支出",
    "505": "业务支出", "50501": "培训支出", "50502": "会议支出", "50503": "专项业务支出", "50504": "其他业务支出",
    "506": "行政支出", "50601": "工资福利支出", "50602": "商品和服务支出", "50603": "对个人和家庭的补助支出",
    "50604": "其他行政支出",
    "507": "资本性支出", "50701": "房屋建筑物购建", "50702": "办公设备购置", "50703": "专用设备购置",
    "50704": "交通工具购置", "50705": "大型修缮", "50706": "信息网络购建", "50707": "其他资本性支出",
    "508": "补助下级支出", "50801": "一般性转移支付补助", "50802": "专项转移支付补助",
    "509": "对附属单位的支出", "510": "其他支出", "521": "安排预算稳定调节基金",
}

_TOP = {
    GRASSROOTS: (*_ASSETS_GRASSROOTS, "211", "215", "301", "321", "322", "401", "402", "403", "405", "408",
                 "501", "503", "504", "505", "507", "510"),
    COUNTY: (*_ASSETS_COUNTY, "201", "211", "212", "215", "221", "301", "311", "321", "322", "331", "332", "341",
             "402", "403", "404", "406", "407", "408", "411", "502", "503", "504", "505", "506", "507", "508",
             "509", "510", "521"),
}
# 明细科目 the rules set under an account, for the charts that have it; 301's only at county level and above.
_DETAILS_COUNTY_ONLY = ("301", "404")


def _category(code: str) -> str:
    return {"1": ASSET, "2": LIABILITY, "3": NET_ASSET, "4": INCOME, "5": EXPENDITURE}[code[0]]


def normal_side(code: str) -> str:
    if code[:3] in ("163", "172"):
        return CREDIT
    return DEBIT if _category(code) in (ASSET, EXPENDITURE) else CREDIT


def chart_accounts(chart: str) -> list[tuple[str, str, str, str]]:
    """(code, name, category, normal side) of every account of a chart, each account before its details."""
    rows = []
    for top in _TOP[chart]:
        rows.append((top, NAMES[top], _category(top), normal_side(top)))
        if chart == GRASSROOTS and top in _DETAILS_COUNTY_ONLY:
            continue
        rows += [(code, NAMES[code], _category(code), normal_side(code))
                 for code in NAMES if len(code) == 5 and code.startswith(top)]
    return rows


def chart_of_level(level: str) -> str:
    """A grassroots union keeps the grassroots chart; a federation (street or county) the other one, whose
    accounts for the unions below it (132, 212, 508) it needs."""
    return GRASSROOTS if level == "grassroots" else COUNTY
