"""Realistic Chinese names for people and organisations of a generated county.

All places are fictional; the frequency tables follow published surname and
given-name statistics closely enough that lists and search results look real.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from random import Random

from .sampling import Weighted, split_weights

# Weights are per-mille shares of the population (2020 census ranking, rounded).
SURNAMES = Weighted(
    split_weights(
        "王:71 李:70 张:67 刘:54 陈:45 杨:31 黄:22 赵:20 吴:20 周:19 徐:14 孙:14 马:13 朱:12 胡:11 郭:10 何:10 "
        "高:9 林:9 罗:9 郑:8 梁:8 谢:7 宋:6 唐:6 许:6 韩:5 冯:5 邓:5 曹:5 彭:5 曾:5 肖:5 田:4 董:4 袁:4 潘:4 "
        "于:4 蒋:4 蔡:4 余:4 杜:3 叶:3 程:3 苏:3 魏:3 吕:3 丁:3 任:3 沈:3 姚:3 卢:3 姜:3 崔:3 钟:3 谭:3 陆:3 "
        "汪:3 范:2 金:2 石:2 廖:2 贾:2 夏:2 韦:2 付:2 方:2 白:2 邹:2 孟:2 熊:2 秦:2 邱:2 江:2 尹:2 薛:2 闫:2 "
        "段:2 雷:2 侯:2 龙:2 史:2 陶:2 黎:2 贺:2 顾:2 毛:2 郝:2 龚:2 邵:2 万:2 覃:2 向:2 欧阳:0.3 司马:0.1"
    )
)

# Characters that open a two-character given name, by gender.
_LEADING = {
    "M": "建国志文明俊家子宇浩晓嘉永海振德春立天国伟一",
    "F": "秀丽晓春玉美雅佳思雨诗欣梦婉静紫海慧若一",
}
# Characters that end a given name or stand alone.
_TRAILING = {
    "M": "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林峰亮成志文海东兵锋新晨博阳轩然豪江川",
    "F": "芳娜敏静丽艳娟霞秀英玲燕萍红梅琳雪婷慧颖倩洁琴云莉兰凤玉佳欣悦瑶雯怡月晶丹蓉薇琪涵萱彤璐",
}
SINGLE_CHAR_GIVEN_NAME_SHARE = 0.3


def person_name(*, rng: Random, gender: str) -> str:
    surname = SURNAMES.pick(rng)
    trailing = _TRAILING[gender]
    if rng.random() < SINGLE_CHAR_GIVEN_NAME_SHARE:
        return surname + trailing[int(rng.random() * len(trailing))]
    leading = _LEADING[gender]
    first = leading[int(rng.random() * len(leading))]
    second = trailing[int(rng.random() * len(trailing))]
    if second == first:
        second = trailing[(trailing.index(second) + 1) % len(trailing)]
    return surname + first + second


COUNTIES = ("云溪县", "青岚县", "楚源县", "沔东县", "荆阳县")
STREETS = ("城东街道", "城西街道", "城南街道", "江滨街道", "河口镇", "新桥镇", "白沙镇", "长湖镇", "龙泉镇")
COMMUNITIES = "幸福 和平 建设 人民 新华 东门 光明 胜利 朝阳 滨江 金桥 文昌 育才 花园".split()
VILLAGES = "张湾 李岗 杨庄 高桥 柳林 石桥 桃园 河湾 新河 刘集 王场 陈岭".split()
ROADS = "人民路 解放路 建设路 新华路 长江路 滨江大道 工业大道 文化路 光明路 育才路 振兴路 湖滨路".split()

BRANDS = (
    "宏达 金源 恒通 鑫盛 远航 长江 楚天 荆楚 江汉 锦程 瑞丰 永兴 天成 广源 振华 华鑫 富康 隆昌 众诚 嘉禾 "
    "德润 泰和 润丰 东方红 银河 盛世 新时代 鼎信 和兴 安达 顺发 兴旺 明珠 凯达 万通 合力 信达 金龙 双龙 "
    "三和 百川 汇通 丰源 博远 佳美 明辉 正大 联创 华泰 力帆 鸿运 祥瑞 同心 红星 东风 晨光 科达 新星 宇航"
).split()

# Business lines of companies, weighted towards the manufacturing a Hubei county lives on.
_COMPANY_LINES = Weighted(
    split_weights(
        "机械制造:8 纺织:6 服装:5 食品:6 化工:4 新型建材:4 电子科技:4 汽车零部件:5 塑业:3 医药:2 包装:3 五金:2 "
        "家具:2 米业:3 油脂:2 水产养殖:3 农业科技:3 生态农业:2 建筑工程:5 路桥工程:2 装饰工程:2 商贸:5 农资:2 "
        "物流:4 客运:1 酒店管理:2 餐饮管理:2 物业服务:3 房地产开发:2 信息技术:2 网络科技:1 水务:1 燃气:1 "
        "人力资源服务:1 家政服务:1"
    )
)
_INDUSTRY_OF_LINE = {
    "制造业": "机械制造 纺织 服装 食品 化工 新型建材 电子科技 汽车零部件 塑业 医药 包装 五金 家具 米业 油脂",
    "农、林、牧、渔业": "水产养殖 农业科技 生态农业",
    "建筑业": "建筑工程 路桥工程 装饰工程",
    "批发和零售业": "商贸 农资",
    "交通运输、仓储和邮政业": "物流 客运",
    "住宿和餐饮业": "酒店管理 餐饮管理",
    "房地产业": "物业服务 房地产开发",
    "信息传输、软件和信息技术服务业": "信息技术 网络科技",
    "电力、热力、燃气及水生产和供应业": "水务 燃气",
    "租赁和商务服务业": "人力资源服务",
    "居民服务、修理和其他服务业": "家政服务",
}
INDUSTRY_BY_LINE = {line: industry for industry, lines in _INDUSTRY_OF_LINE.items() for line in lines.split()}
_COMPANY_SUFFIXES = Weighted({"有限公司": 75, "有限责任公司": 15, "股份有限公司": 10})

# Small shops: the individual businesses (个体工商户) a joint union gathers.
_SHOP_INDUSTRIES = {
    "超市": "批发和零售业",
    "副食店": "批发和零售业",
    "五金店": "批发和零售业",
    "药店": "批发和零售业",
    "建材经营部": "批发和零售业",
    "家电商行": "批发和零售业",
    "服装店": "批发和零售业",
    "餐馆": "住宿和餐饮业",
    "农家乐": "住宿和餐饮业",
    "汽车修理厂": "居民服务、修理和其他服务业",
    "美容美发店": "居民服务、修理和其他服务业",
    "快递服务站": "交通运输、仓储和邮政业",
}
SHOPS = tuple(_SHOP_INDUSTRIES)

COUNTY_SCHOOLS = (
    "第一中学 第二中学 第三中学 实验中学 实验小学 第二实验小学 职业教育中心 实验幼儿园 特殊教育学校 第四中学"
).split()
STREET_SCHOOLS = "中心小学 初级中学 中心幼儿园 第二小学 高级中学".split()
# (unit, industry, registration code prefix): 11 is a government organ, 12 a public institution.
_GOVERNMENT = "公共管理、社会保障和社会组织"
_HEALTH = "卫生和社会工作"
COUNTY_AGENCIES = (
    ("财政局", _GOVERNMENT, "11"),
    ("教育局", _GOVERNMENT, "11"),
    ("人力资源和社会保障局", _GOVERNMENT, "11"),
    ("卫生健康局", _GOVERNMENT, "11"),
    ("市场监督管理局", _GOVERNMENT, "11"),
    ("住房和城乡建设局", _GOVERNMENT, "11"),
    ("交通运输局", _GOVERNMENT, "11"),
    ("农业农村局", _GOVERNMENT, "11"),
    ("人民医院", _HEALTH, "12"),
    ("中医医院", _HEALTH, "12"),
    ("疾病预防控制中心", _HEALTH, "12"),
)
STREET_AGENCIES = (
    ("人民政府机关", _GOVERNMENT, "11"),
    ("财政所", _GOVERNMENT, "11"),
    ("司法所", _GOVERNMENT, "11"),
    ("卫生院", _HEALTH, "12"),
    ("农业服务中心", _GOVERNMENT, "12"),
    ("文化体育服务中心", _GOVERNMENT, "12"),
    ("社会保障服务中心", _GOVERNMENT, "12"),
)


@dataclass(frozen=True)
class Unit:
    """A workplace a grassroots union is built in, before it is saved."""

    name: str
    industry: str
    registration: str  # the first two characters of the credit code


def unique(*, used: set[str], make: Callable[[], str]) -> str:
    """Draw names until one is new; a numbered branch breaks a long run of clashes."""
    for _ in range(50):
        name = make()
        if name not in used:
            used.add(name)
            return name
    for branch in range(2, 1000):
        numbered = f"{name}第{branch}分公司" if name.endswith("公司") else f"{name}（{branch}）"
        if numbered not in used:
            used.add(numbered)
            return numbered
    raise RuntimeError(f"ran out of names like {name}")


def company(*, rng: Random, used: set[str], county: str) -> Unit:
    line = _COMPANY_LINES.pick(rng)

    def make() -> str:
        region = rng.choice(("", "", "", "湖北", county.removesuffix("县")))
        return f"{region}{rng.choice(BRANDS)}{line}{_COMPANY_SUFFIXES.pick(rng)}"

    return Unit(unique(used=used, make=make), INDUSTRY_BY_LINE[line], "91")


def small_business(*, rng: Random, used: set[str], county: str) -> Unit:
    """Joint unions mostly gather shops; the rest are small companies."""
    if rng.random() < 0.4:
        return company(rng=rng, used=used, county=county)
    shop = rng.choice(SHOPS)
    name = unique(used=used, make=lambda: f"{rng.choice(BRANDS)}{shop}")
    return Unit(name, _SHOP_INDUSTRIES[shop], "92")


def fresh(*, rng: Random, used: set[str], candidates: Sequence[str]) -> str:
    """One of the candidates not taken yet; numbered once all are."""
    unused = [name for name in candidates if name not in used]
    return unique(used=used, make=lambda: rng.choice(unused or candidates))


def school(*, rng: Random, used: set[str], county: str, street: str | None) -> Unit:
    if street is None:
        candidates = [county + kind for kind in COUNTY_SCHOOLS]
    else:
        candidates = [street + kind for kind in (*STREET_SCHOOLS, *(village + "小学" for village in VILLAGES))]
    return Unit(fresh(rng=rng, used=used, candidates=candidates), "教育", "12")


def agency(*, rng: Random, used: set[str], county: str, street: str | None) -> Unit:
    place, units = (county, COUNTY_AGENCIES) if street is None else (street, STREET_AGENCIES)
    kinds = {place + unit: (industry, registration) for unit, industry, registration in units}
    name = fresh(rng=rng, used=used, candidates=list(kinds))
    industry, registration = kinds[name.split("（")[0]]
    return Unit(name, industry, registration)


def joint_area(*, rng: Random, used: set[str], street: str, scope: str) -> str:
    places = COMMUNITIES if scope == "community" else VILLAGES
    kind = "社区" if scope == "community" else "村"
    return unique(used=used, make=lambda: f"{street}{rng.choice(places)}{kind}")


def address(*, rng: Random, county: str, street: str | None) -> str:
    return f"{county}{street or ''}{rng.choice(ROADS)}{rng.randint(1, 399)}号"


_GROUP_NAMES = {
    "enterprise": "一车间小组 二车间小组 三车间小组 机关小组 后勤小组 销售部小组 技术部小组 质检小组 仓储物流小组 第一工会小组",
    "school": "第一工会小组 第二工会小组 第三工会小组 行政后勤小组 语文教研组小组 数学教研组小组 退休教师小组",
    "agency": "机关小组 第一工会小组 第二工会小组 第三工会小组 办公室小组 退休职工小组",
    "community": "第一工会小组 第二工会小组 第三工会小组 第四工会小组 第五工会小组 第六工会小组",
}
GROUP_NAMES = {org_type: tuple(names.split()) for org_type, names in _GROUP_NAMES.items()}
