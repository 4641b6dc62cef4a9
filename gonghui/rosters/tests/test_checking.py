"""Each value form offices write, and each bad value's message."""

from datetime import date, datetime

import pytest

from gonghui.rosters.checking import CellError, RowChecker, UnionDirectory, member_values_check, parse_date
from gonghui.testing import make_id_number

pytestmark = pytest.mark.django_db

COLUMNS = ["name", "id_number", "join_date", "union", "group", "phone", "gender", "birth_date", "ethnicity",
           "education", "political_status", "category", "card_number"]
GOOD_ID = make_id_number(date(1990, 5, 6), 21)


@pytest.mark.parametrize("raw", [date(1985, 3, 12), datetime(1985, 3, 12, 0, 0), 31118, 31118.0, "1985-03-12",
                                 "1985/3/12", "1985.03.12", "1985年3月12日", "1985-3-12 00:00:00", "19850312",
                                 "１９８５－０３－１２"])
def test_dates_in_every_office_form(raw):
    assert parse_date(raw) == date(1985, 3, 12)


@pytest.mark.parametrize("raw, message", [("去年", "无法识别"), ("1985-02-30", "不存在"), (-3, "不是有效的 Excel 日期")])
def test_bad_dates_say_why(raw, message):
    with pytest.raises(CellError, match=message):
        parse_date(raw)


@pytest.fixture
def checker(cast):
    def check(**cells):
        row = [cells.get(key, "") for key in COLUMNS]
        defaults = {"name": "测试", "id_number": GOOD_ID, "join_date": "2020-01-01", "union": "甲一机械厂工会"}
        for key, value in defaults.items():
            if key not in cells:
                row[COLUMNS.index(key)] = value
        rc = RowChecker(mapping={k: i for i, k in enumerate(COLUMNS)}, unions=UnionDirectory.load(cast.street_a),
                        today=date(2026, 11, 25))
        return rc.check(row)

    return check


def _messages(result) -> str:
    values, errors = result
    assert values is None
    return "；".join(errors)


@pytest.mark.parametrize("raw", [GOOD_ID, f" {GOOD_ID[:6]} {GOOD_ID[6:14]} {GOOD_ID[14:]} ",
                                 GOOD_ID.translate(str.maketrans("0123456789", "０１２３４５６７８９"))])
def test_id_numbers_with_spaces_or_full_width_digits_are_read(checker, raw):
    values, errors = checker(id_number=raw)
    assert errors == [] and values.id_number == GOOD_ID


def test_lowercase_x_is_read(checker):
    number = next(n for n in (make_id_number(date(1991, 6, 6), s) for s in range(1, 999)) if n.endswith("X"))
    values, errors = checker(id_number=number.lower())
    assert errors == [] and values.id_number == number


@pytest.mark.parametrize("raw, message", [
    (1.10105199005062e17, "科学计数法"),
    ("1.10105E+17", "科学计数法"),
    (GOOD_ID[:15] + "000", "15位精度"),
    (GOOD_ID[:-1] + ("1" if GOOD_ID[-1] != "1" else "2"), "校验位不符"),
    ("11010519900506", "应为18位"),
    ("", "请填写身份证号码"),
])
def test_bad_id_numbers_say_why_and_never_pick_another_person(checker, raw, message):
    assert message in _messages(checker(id_number=raw))


@pytest.mark.parametrize("cells, message", [
    ({"name": ""}, "姓名：请填写姓名"),
    ({"phone": "0574-8680000"}, "座机号码不能填在此处"),
    ({"phone": "1.38E+10"}, "科学计数法"),
    ({"join_date": ""}, "入会日期：请填写入会日期"),
    ({"join_date": "2099-01-01"}, "入会日期不能晚于今天"),
    ({"join_date": "1980-01-01"}, "入会日期不能早于出生日期"),
    ({"gender": "女"}, "性别与身份证号码不一致"),
    ({"birth_date": "1990-05-07"}, "出生日期与身份证号码不一致"),
    ({"ethnicity": "火星族"}, "民族：请从56个民族中选择"),
    ({"education": "幼儿园"}, "学历“幼儿园”无法识别"),
    ({"political_status": "无"}, "政治面貌“无”无法识别"),
    ({"category": "临时工"}, "人员类别“临时工”无法识别"),
    ({"union": "不存在的工会"}, "找不到工会"),
    ({"union": "乙一社区联合工会"}, "不在您的管辖范围内"),
    ({"union": "B1"}, "不在您的管辖范围内"),
    ({"union": "甲街道总工会"}, "不是基层工会"),
    ({"group": "没有的小组"}, "没有名为“没有的小组”的工会小组"),
    ({"card_number": "K" * 31}, "会员卡号不能超过30个字符"),
    ({"name": '=HYPERLINK("http://x","点我")'}, "姓名：不能以 =、+、-、@ 开头"),
    ({"name": "+cmd"}, "姓名：不能以 =、+、-、@ 开头"),
    ({"name": "@SUM(A1)"}, "姓名：不能以 =、+、-、@ 开头"),
    ({"name": "-2+3"}, "姓名：不能以 =、+、-、@ 开头"),
    ({"name": "http://x.cn/点我"}, "姓名：不能含有网址"),
    ({"name": "张三www.x.com"}, "姓名：不能含有网址"),
    ({"name": "张\x07三"}, "姓名：不能含有控制字符"),
    ({"name": "张\u202e三"}, "姓名：不能含有控制字符"),
    ({"id_number": make_id_number(date(1990, 5, 6), 21, area="000000")}, "不是有效的行政区划代码"),
])
def test_each_bad_value_gives_its_message(checker, cells, message):
    assert message in _messages(checker(**cells))


def test_labels_and_codes_become_choices(checker):
    values, errors = checker(union="A2", education="大专", political_status="团员", category="劳务派遣",
                             ethnicity="回", phone="13800000001.0", gender="男" if int(GOOD_ID[16]) % 2 else "女")
    assert errors == []
    row = dict(zip(["union_id", "group_id", "name", "id_number", "birth_date", "gender", "ethnicity", "phone",
                    "education", "political_status", "category", "join_date", "card_number"], values))
    assert row["education"] == "college" and row["political_status"] == "league" and row["category"] == "dispatched"
    assert row["ethnicity"] == "回族" and row["phone"] == "13800000001" and row["birth_date"] == date(1990, 5, 6)


def test_a_grassroots_officer_needs_no_union_column(cast):
    rc = RowChecker(mapping={"name": 0, "id_number": 1, "join_date": 2}, unions=UnionDirectory.load(cast.union_a1))
    values, errors = rc.check(["测试", GOOD_ID, "2020-01-01"])
    assert errors == [] and values.union_id == cast.union_a1.pk


def test_the_pure_check_matches_the_member_form():
    values, errors = member_values_check(name="  张三 ", id_number=GOOD_ID.lower(), join_date=date(2020, 1, 1),
                                         phone="+86 138-0000-0001", ethnicity="汉族")
    assert errors == {} and values["name"] == "张三" and values["phone"] == "13800000001"


POOLS = {
    "name": ["张三", " 李四 ", "张\u3000三", "", "名" * 31, 12.0, '=HYPERLINK("http://x","点我")', "+cmd", "张\x07三"],
    "id_number": [GOOD_ID, GOOD_ID.lower(), GOOD_ID[:-1] + "0", " " + GOOD_ID, "110105203001010014",
                  "110105190002300016", 1.10105199005062e17, GOOD_ID.translate(str.maketrans("0123456789", "０１２３４５６７８９")),
                  make_id_number(date(1899, 12, 31), 3), make_id_number(date(2030, 1, 1), 3), "", None,
                  make_id_number(date(1990, 5, 6), 21, area="000000")],
    "join_date": ["2020-01-01", date(2020, 1, 1), "1980-01-01", "2099-01-01", "去年", 43000, "", None],
    "union": ["甲一机械厂工会", "A2", "B1", "甲街道总工会", "", "不存在"],
    "group": ["", "A1小组", "没有"],
    "phone": ["", "13800000001", "138 0000 0001", "13800000001.0", "0574-8680000", "1.38E+10", 13800000001.0],
    "gender": ["", "男", "女", "M", "未知"],
    "birth_date": ["", "1990-05-06", "1990-05-07"],
    "ethnicity": ["", "汉族", "回", "火星族"],
    "education": ["", "大专", "幼儿园"],
    "political_status": ["", "党员", "无"],
    "category": ["", "退休", "临时工"],
    "card_number": ["", "K001", 12345.0, "K" * 31],
}


def test_the_fast_path_gives_the_full_checks_answer(cast):
    """Whatever the fast path accepts, the full check accepts with the same values; what it doubts goes there."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    checker = RowChecker(mapping={k: i for i, k in enumerate(COLUMNS)}, unions=UnionDirectory.load(cast.street_a),
                         today=date(2026, 11, 25))
    rows = st.tuples(*(st.sampled_from(POOLS[key]) for key in COLUMNS)).map(list)

    @settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
    @given(rows)
    def same_answer(row):
        fast = checker._fast(row)
        full, errors = checker.check_full(row)
        assert fast is None or fast == full, (row, errors)

    same_answer()
    clean = ["张三", GOOD_ID, date(2020, 1, 1), "A1", "A1小组", "13800000001", "男", "", "回", "大专", "党员", "退休", "K1"]
    assert checker._fast(clean) is not None and checker._fast(clean) == checker.check_full(clean)[0]


def test_a_number_with_no_province_is_refused_after_a_good_one_of_the_same_birth_date(cast):
    checker = RowChecker(mapping={"name": 0, "id_number": 1, "join_date": 2}, unions=UnionDirectory.load(cast.union_a1),
                         today=date(2026, 11, 25))
    assert checker.check(["测试", GOOD_ID, "2020-01-01"])[1] == []
    values, errors = checker.check(["测试", make_id_number(date(1990, 5, 6), 21, area="000000"), "2020-01-01"])
    assert values is None and "不是有效的行政区划代码" in "；".join(errors)


def test_a_name_that_is_a_formula_is_refused_after_a_good_row(cast):
    checker = RowChecker(mapping={"name": 0, "id_number": 1, "join_date": 2}, unions=UnionDirectory.load(cast.union_a1),
                         today=date(2026, 11, 25))
    assert checker.check(["测试", GOOD_ID, "2020-01-01"])[1] == []
    values, errors = checker.check(['=HYPERLINK("http://x","点我")', GOOD_ID, "2020-01-01"])
    assert values is None and errors == ["姓名：不能以 =、+、-、@ 开头（会被当作表格公式），请填写本人姓名"]
