"""Checking one roster row as the member form would, without touching the database per row.

The member form's own rules come from gonghui.members.rules
(`member_values_check`, shared with the member service). `RowChecker` adds what a spreadsheet
needs: reading labels, dates and unions from cells, within the user's subtree.
"""

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.utils import timezone

from gonghui.core.identifiers import IdentifierError, area_exists, id_check_char, parse_resident_id
from gonghui.core.scoping import within
from gonghui.members.bulk import MemberRow
from gonghui.members.choices import Education, Gender, MemberCategory, PoliticalStatus
from gonghui.members.rules import ETHNICITY_SET, member_values_check, name_error
from gonghui.org.models import UnionLevel, Union, UnionGroup

from .columns import FIELDS_BY_KEY

EXCEL_EPOCH = date(1899, 12, 30)
DATE_RE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")
COMPACT_DATE_RE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
DATE_HINT = "可写作 1985-03-12、1985/3/12、1985.03.12 或 1985年3月12日"


def _labels(choices, extra: dict[str, str]) -> dict[str, str]:
    found = {str(label): value for value, label in choices}
    found.update({value: value for value, _ in choices})
    found.update(extra)
    return found


GENDERS = _labels(Gender.choices, {"男性": "M", "女性": "F"})
EDUCATIONS = _labels(Education.choices, {
    "博士": "postgraduate", "硕士": "postgraduate", "博士研究生": "postgraduate", "硕士研究生": "postgraduate",
    "本科": "bachelor", "大学": "bachelor", "大专": "college", "专科": "college", "高职": "college",
    "中专": "secondary", "高中": "secondary", "职高": "secondary", "技校": "secondary", "中技": "secondary",
    "初中": "junior", "小学": "junior", "初中及以下": "junior"})
POLITICAL = _labels(PoliticalStatus.choices, {
    "党员": "cpc", "共产党员": "cpc", "预备党员": "cpc_probationary", "团员": "league", "共青团": "league",
    **{party: "democratic_party" for party in ("民革", "民盟", "民建", "民进", "农工党", "致公党", "九三学社", "台盟",
                                               "民主党派成员")}})
CATEGORIES = _labels(MemberCategory.choices, {
    "在职职工": "employed", "在岗": "employed", "在职人员": "employed", "退休职工": "retired", "离退休": "retired",
    "劳务派遣": "dispatched", "派遣": "dispatched", "签约": "dispatched", "签约人员": "dispatched",
    "进城务工人员": "migrant"})


class CellError(ValueError):
    pass


def cell_text(value) -> str:
    """A cell as text: '12345.0' from a number cell comes back as '12345'; full-width folds to ASCII."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return unicodedata.normalize("NFKC", str(value)).strip()


def parse_date(value) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 1 <= value < 2958466:  # Excel's serial days, 1900 date system
            return EXCEL_EPOCH + timedelta(days=int(value))
        raise CellError(f"日期“{value}”不是有效的 Excel 日期")
    text = cell_text(value)
    match = DATE_RE.match(text) or COMPACT_DATE_RE.match(text)
    if not match:
        raise CellError(f"日期“{text}”无法识别（{DATE_HINT}）")
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        raise CellError(f"日期“{text}”不存在") from None


@dataclass
class UnionDirectory:
    """The county's unions by name and code, judged against the user's subtree once per distinct cell."""

    node: Union
    by_name: dict[str, list[Union]] = field(default_factory=dict)
    by_code: dict[str, Union] = field(default_factory=dict)
    groups: dict[tuple[int, str], int] = field(default_factory=dict)
    _cache: dict[str, tuple[int | None, str]] = field(default_factory=dict)

    @classmethod
    def load(cls, node: Union) -> "UnionDirectory":
        directory = cls(node=node)
        for union in Union.objects.filter(tenant_id=node.tenant_id).only("id", "name", "code", "path", "level"):
            directory.by_name.setdefault(union.name, []).append(union)
            directory.by_code[union.code.upper()] = union
        groups = within(UnionGroup.objects.all(), node)
        directory.groups = {(union_id, name): pk for pk, union_id, name in groups.values_list("id", "union_id", "name")}
        return directory

    def fingerprint(self) -> str:
        """Everything a row's union and group were judged by: the user's place, the county's unions, the
        subtree's groups. Equal fingerprints mean a row checked under one is checked alike under the other."""
        unions = sorted((u.pk, u.name, u.code, u.path, u.level) for u in self.by_code.values())
        payload = json.dumps([self.node.pk, self.node.path, self.node.level, unions, sorted(self.groups.items())],
                             ensure_ascii=False, default=str)
        return hashlib.sha256(payload.encode()).hexdigest()

    @property
    def default_union_id(self) -> int | None:
        """A grassroots officer's roster needs no union column: it is their own union."""
        return self.node.pk if self.node.level == UnionLevel.GRASSROOTS else None

    def resolve(self, text: str) -> tuple[int | None, str]:
        if text not in self._cache:
            self._cache[text] = self._resolve(text)
        return self._cache[text]

    def _resolve(self, text: str) -> tuple[int | None, str]:
        candidates = self.by_name.get(text) or ([self.by_code[text.upper()]] if text.upper() in self.by_code else [])
        mine = [u for u in candidates if u.path.startswith(self.node.path)]
        if not candidates:
            return None, f"找不到工会“{text}”（请填写工会全称或工会代码）"
        if not mine:
            return None, f"工会“{text}”不在您的管辖范围内，只能导入本级及下级工会的会员"
        if len(mine) > 1:
            return None, f"有多个工会名为“{text}”，请改填工会代码"
        if mine[0].level != UnionLevel.GRASSROOTS:
            return None, f"“{text}”不是基层工会，会员须登记在基层工会"
        return mine[0].pk, ""

    def group_id(self, union_id: int, text: str) -> int:
        try:
            return self.groups[(union_id, text)]
        except KeyError:
            raise CellError(f"该工会没有名为“{text}”的工会小组") from None


def _choice(table: dict[str, str], text: str, label: str) -> str:
    try:
        return table[text.replace(" ", "")]
    except KeyError:
        options = "、".join(dict.fromkeys(k for k in table if not k.isascii()))
        raise CellError(f"{label}“{text}”无法识别（可填：{options}）") from None


LABEL_TABLES = {"gender": (GENDERS, "性别"), "education": (EDUCATIONS, "学历"),
                "political_status": (POLITICAL, "政治面貌"), "category": (CATEGORIES, "人员类别")}
# Cells whose distinct values are few in any roster (labels, dates, unions): parsed once per distinct value.
LOOKUP_FIELDS = ("gender", "ethnicity", "education", "political_status", "category", "birth_date", "join_date",
                 "union")
_MISSING = object()
# The other cells the fast path reads.
FAST_FIELDS = ("name", "id_number", "phone", "card_number", "group")


class _Rejected:
    """A cached "this value is wrong": the full check will say why."""


REJECTED = _Rejected()


class RowChecker:
    """Turns one row of cells into the staging values, or the list of what is wrong with it.

    `check` first tries a fast path for rows whose cells are already clean (the usual case, at a
    million rows): per-distinct-value caches over the same field parsers, and for the ID number the
    cheap shape test plus core's check character and a birth date that parse_resident_id has vouched
    for. Any doubt falls through to `check_full`, which owns the rules and every message; a property
    test holds the two to the same answer.
    """

    def __init__(self, *, mapping: dict[str, int], unions: UnionDirectory, today: date | None = None):
        self.mapping = {key: int(index) for key, index in mapping.items()}
        self.unions = unions
        self.today = today or timezone.localdate()
        self._lookups: dict[str, dict] = {key: {} for key in LOOKUP_FIELDS}
        self._births: dict[str, date | _Rejected] = {}
        self._groups: dict[tuple[int, object], int | _Rejected] = {}
        # The fast path's cell positions, worked out once: a short row is padded to `_width` instead.
        self._width = max(self.mapping.values(), default=-1) + 1
        self._at = {key: self.mapping.get(key) for key in (*FAST_FIELDS, *LOOKUP_FIELDS)}
        self._lookup_at = tuple((key, self.mapping.get(key), self._lookups[key]) for key in LOOKUP_FIELDS)

    def cell(self, row: list, key: str) -> object:
        index = self.mapping.get(key)
        return row[index] if index is not None and index < len(row) else None

    def text(self, row: list, key: str) -> str:
        return cell_text(self.cell(row, key))

    # one field ------------------------------------------------------------------------------------
    def parse_field(self, key: str, raw) -> object:
        """A lookup field's value from its cell (None when blank), or CellError with the message."""
        if key in ("birth_date", "join_date"):
            return None if _blank(raw) else parse_date(raw)
        text = cell_text(raw)
        if key == "union":
            if not text:
                if self.unions.default_union_id is None:
                    raise CellError("请填写所属工会（名称或代码）")
                return self.unions.default_union_id
            union_id, message = self.unions.resolve(text)
            if message:
                raise CellError(message)
            return union_id
        if not text:
            return "" if key == "gender" else None
        if key == "ethnicity":
            found = text if text in ETHNICITY_SET or text + "族" not in ETHNICITY_SET else text + "族"
            if found not in ETHNICITY_SET:
                raise CellError("请从56个民族中选择")
            return found
        table, label = LABEL_TABLES[key]
        return _choice(table, text, label)

    def _lookup(self, key: str, raw) -> object:
        cache = self._lookups[key]
        found = cache.get(raw, _MISSING)
        if found is _MISSING:
            try:
                found = self.parse_field(key, raw)
            except CellError:
                found = REJECTED
            cache[raw] = found
        return found

    # the fast path --------------------------------------------------------------------------------
    def check(self, row: list) -> tuple[MemberRow | None, list[str]]:
        values = self._fast(row)
        return (values, []) if values is not None else self.check_full(row)

    def _fast(self, row: list) -> MemberRow | None:
        if len(row) < self._width:
            row = [*row, *[None] * (self._width - len(row))]
        at = self._at
        name, number, phone, card, group = (row[i] if i is not None else None for i in
                                            (at["name"], at["id_number"], at["phone"], at["card_number"], at["group"]))
        if type(name) is not str or type(number) is not str or len(number) != 18 or not number.isascii():
            return None
        name = cell_text(name)
        if name_error(name) or not number[:17].isdigit() or not (number[17].isdigit() or number[17] == "X"):
            return None
        if id_check_char(number[:17]) != number[17] or not area_exists(number[:6]):
            return None
        birth = self._birth(number)
        if birth is REJECTED:
            return None
        if phone is None or phone == "":
            phone = None
        elif not (type(phone) is str and len(phone) == 11 and phone.isdigit() and phone.isascii()
                  and phone[0] == "1" and phone[1] in "3456789"):
            return None
        card = cell_text(card) or None
        if card is not None and len(card) > 30:
            return None
        found = {}
        for key, index, cache in self._lookup_at:
            raw = row[index] if index is not None else None
            value = cache.get(raw, _MISSING)
            if value is _MISSING:
                value = self._lookup(key, raw)
            if value is REJECTED:
                return None
            found[key] = value
        gender = "M" if int(number[16]) % 2 else "F"
        join = found["join_date"]
        if (found["gender"] and found["gender"] != gender) or (found["birth_date"] and found["birth_date"] != birth) \
                or join is None or join > self.today or join < birth:
            return None
        group_id = self._group_id(found["union"], group)
        if group_id is REJECTED:
            return None
        return MemberRow(found["union"], group_id, name, number, birth, gender, found["ethnicity"], phone,
                         found["education"], found["political_status"], found["category"], join, card)

    def _birth(self, number: str) -> date | _Rejected:
        """Every clean number with the same birth digits has the same fate there: ask core once per date."""
        key = number[6:14]
        found = self._births.get(key)
        if found is None:
            try:
                found = parse_resident_id(number, today=self.today).birth_date
            except IdentifierError:
                found = REJECTED
            self._births[key] = found
        return found

    def _group_id(self, union_id: int, raw) -> int | None | _Rejected:
        if _blank(raw):
            return None
        key = (union_id, raw)
        if key not in self._groups:
            try:
                self._groups[key] = self.unions.group_id(union_id, cell_text(raw))
            except CellError:
                self._groups[key] = REJECTED
        return self._groups[key]

    # the full check -------------------------------------------------------------------------------
    def check_full(self, row: list) -> tuple[MemberRow | None, list[str]]:
        errors: dict[str, str] = {}
        found: dict = {}
        for key in LOOKUP_FIELDS:
            try:
                found[key] = self.parse_field(key, self.cell(row, key))
            except CellError as exc:
                errors[key], found[key] = str(exc), None
        card = self.text(row, "card_number") or None
        if card is not None and len(card) > 30:
            errors["card_number"] = "会员卡号不能超过30个字符"
        values, member_errors = member_values_check(
            name=self.text(row, "name"), id_number=self._raw_id(row), join_date=found["join_date"],
            entered_birth=found["birth_date"], entered_gender=found["gender"], phone=self.text(row, "phone"),
            ethnicity=found["ethnicity"] or "", today=self.today)
        for key, message in member_errors.items():
            errors.setdefault(key, message)  # a date that could not be read keeps its own message
        group_id = self._group(row, found["union"], errors)
        if errors:
            order = list(FIELDS_BY_KEY)
            messages = sorted(errors.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else 99)
            return None, [_labelled(k, m) for k, m in messages]
        return MemberRow(found["union"], group_id, values["name"], values["id_number"], values["birth_date"],
                         values["gender"], found["ethnicity"], values.get("phone"), found["education"],
                         found["political_status"], found["category"], values["join_date"], card), []

    def _raw_id(self, row: list):
        raw = self.cell(row, "id_number")
        # A number cell keeps Excel's float: str() shows the 1.10105E+17 damage instead of hiding it.
        return str(raw) if isinstance(raw, float) else raw

    def _group(self, row: list, union_id: int | None, errors: dict) -> int | None:
        text = self.text(row, "group")
        if not text or union_id is None:
            return None
        try:
            return self.unions.group_id(union_id, text)
        except CellError as exc:
            errors["group"] = str(exc)
            return None


def _labelled(key: str, message: str) -> str:
    """'手机号码：…' names the column, unless the message already starts with its name."""
    label = FIELDS_BY_KEY[key].label if key in FIELDS_BY_KEY else ""
    return message if not label or message.startswith(label) else f"{label}：{message}"


def _blank(raw) -> bool:
    return raw is None or raw == "" or (isinstance(raw, str) and not raw.strip())
