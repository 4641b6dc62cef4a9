"""The year-end summary (年度工作总结): its text built from the registered figures, as the seed writes it.

A summary is a title, a date and a list of blocks. A block is a heading (level 1 一、, 2 （一）, 3 1.) or a
body paragraph (level 0); numbering is worked out when the summary is shown, so an officer who removes or
adds a block never renumbers by hand. A body paragraph keeps each figure as a token, `{{figure:<key>}}`,
written in place of the value: the page shows it as a link to the figure's records, the .docx as the number,
and an edited paragraph keeps its links as long as the token stays in it.

The sections follow `Section` (the source summaries' order); within a section, each app that registered
figures in it gives one paragraph (a heading （一） each when there are several). A figure that is 0, or hidden
from the user, is left out; a section left with no figures is left out too, never written with zeros.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.apps import apps

from gonghui.core.figures import FigureValue, Ratio, Section, figure_get, figures_all
from gonghui.core.formatting import chinese_date
from gonghui.core.periods import Period

from gonghui.core.figures_together import figure_values_together

BODY, HEADING_1, HEADING_2, HEADING_3 = 0, 1, 2, 3
LEVELS = {BODY: "正文", HEADING_1: "一级标题（一、）", HEADING_2: "二级标题（（一））", HEADING_3: "三级标题（1.）"}
TOKEN = re.compile(r"\{\{figure:([a-z][a-z0-9_]*\.[a-z0-9_]+)\}\}")
# A token with anything else between the braces: a typo the officer should see at the field.
LOOSE_TOKEN = re.compile(r"\{\{\s*figure\s*:\s*([^}]*)\}\}")

# Each chapter's heading, in the source summaries' manner; a section another app adds falls back to its label.
HEADINGS = {
    Section.ORGANISATION: "加强组织建设，扩大工会组织覆盖面",
    Section.RIGHTS: "依法维护职工合法权益",
    Section.CARE: "做好困难职工帮扶和服务工作",
    Section.QUALITY: "提升职工队伍素质",
    Section.CULTURE: "开展丰富多彩的文体活动",
    Section.DEMOCRACY: "推进民主管理",
    Section.CHECKS: "深化劳动竞赛和工作考核",
    Section.FINANCE: "加强工会财务管理",
}


@dataclass
class Block:
    level: int
    text: str
    section: str = ""  # the Section's name a generated heading opens; "" for the officer's own

    def as_json(self) -> dict:
        return {"level": self.level, "text": self.text, "section": self.section}

    @classmethod
    def from_json(cls, data: dict) -> "Block":
        return cls(level=int(data.get("level", BODY)), text=str(data.get("text", "")),
                   section=str(data.get("section", "")))


@dataclass
class Summary:
    union: object
    period: Period
    title: str
    written_on: date
    blocks: list[Block]
    # Values typed over by hand: key -> the text written instead of the figure.
    edited: dict[str, str] = field(default_factory=dict)
    # The figures already read while building it (summary_render reads each figure once).
    read: dict[str, FigureValue] = field(default_factory=dict, repr=False)

    @property
    def date_text(self) -> str:
        return chinese_date(self.written_on)


@dataclass
class AppendixRow:
    value: FigureValue
    edited: str | None  # the hand-typed value, None when the figure's own

    @property
    def text(self) -> str:
        return self.edited if self.edited is not None else self.value.text


def summary_title(union, period: Period) -> str:
    return f"{union.name}{period.label}工作总结"


def summary_build(*, user, union, period: Period, today: date) -> Summary:
    """A fresh draft from the registered figures, as `user` may see them of `union`'s subtree."""
    blocks = [Block(BODY, f"{period.label}，{union.name}在上级工会的领导下，团结带领广大职工，"
                          f"各项工作取得了新的成效。现将主要工作总结如下。")]
    read = figure_values_together(figures_all(), user=user, union=union, period=period)
    for section in Section:
        blocks += _section_blocks([read[f.key] for f in figures_all(section)])
    return Summary(union=union, period=period, title=summary_title(union, period), written_on=today, blocks=blocks,
                   read=read)


def _section_blocks(values: list[FigureValue]) -> list[Block]:
    section = values[0].figure.section if values else None
    # A zero that is the news ("规模以上企业帮困基金实现全覆盖") is said only beside figures the chapter has.
    if not any(_stated(value) for value in values):
        return []
    groups: dict[str, list[FigureValue]] = {}
    for value in values:
        if _stated(value) or _zero_news(value):
            groups.setdefault(value.figure.key.split(".")[0], []).append(value)
    blocks = [Block(HEADING_1, HEADINGS.get(section, section.label), section=section.name)]
    for app_label, said in groups.items():
        if len(groups) > 1:
            blocks.append(Block(HEADING_2, _app_heading(app_label), section=section.name))
        blocks.append(Block(BODY, paragraph_text(said)))
    return blocks


def _stated(value: FigureValue) -> bool:
    """A figure the summary writes: one the user may read and that is not zero (a rate needs both parts)."""
    if value.value is None:
        return False
    if isinstance(value.figure, Ratio):
        return all(part.value for part in value.parts)
    return bool(value.value)


def _zero_news(value: FigureValue) -> bool:
    return value.value == 0 and bool(getattr(value.figure, "zero_sentence", ""))


def _app_heading(app_label: str) -> str:
    """"组织" → "组织工作"; "工作计划" stays as it is."""
    try:
        name = str(apps.get_app_config(app_label).verbose_name)
    except LookupError:
        return app_label
    return name if "工作" in name else f"{name}工作"


def paragraph_text(values: Iterable[FigureValue]) -> str:
    """The seed's style: the figures' sentences joined by "，", ended by "。", each value as its token."""
    return "，".join(value.figure.zero_sentence if _zero_news(value) else token_sentence(value.figure)
                    for value in values) + "。"


def token_sentence(figure) -> str:
    return figure.sentence.format(value="{{figure:%s}}" % figure.key)


def token_keys(text: str) -> list[str]:
    return TOKEN.findall(text)


def unknown_tokens(text: str) -> list[str]:
    """What stands between {{figure: and }} without being a registered figure's key."""
    unknown = []
    for raw in LOOSE_TOKEN.findall(text):
        key = raw.strip()
        if not TOKEN.fullmatch("{{figure:%s}}" % key) or not _registered(key):
            unknown.append(key)
    return unknown


def _registered(key: str) -> bool:
    return any(figure.key == key for figure in figures_all())


def used_keys(blocks: Iterable[Block]) -> list[str]:
    """Every figure the text names, in the order it first names them."""
    seen: dict[str, None] = {}
    for block in blocks:
        for key in token_keys(block.text):
            seen.setdefault(key)
    return list(seen)


@dataclass
class Rendered:
    """A summary with its figures read: what the page, the .docx and the appendix write."""

    summary: Summary
    values: dict[str, FigureValue]

    def value_text(self, key: str) -> str:
        if key in self.summary.edited:
            return self.summary.edited[key]
        return self.values[key].text if key in self.values else RETIRED

    def url(self, key: str) -> str:
        return self.values[key].url if key in self.values else ""

    def pieces(self, text: str) -> list[tuple[str, str | None]]:
        """The text cut at its tokens: (text, None) for plain text, (value, key) for a figure."""
        pieces, start = [], 0
        for match in TOKEN.finditer(text):
            if match.start() > start:
                pieces.append((text[start:match.start()], None))
            pieces.append((self.value_text(match[1]), match[1]))
            start = match.end()
        if start < len(text):
            pieces.append((text[start:], None))
        return pieces

    def plain(self, text: str) -> str:
        return "".join(piece for piece, _ in self.pieces(text))

    def numbered(self) -> list[tuple[Block, str]]:
        """Each block with its number (一、 （一） 1.); the count below a heading starts again under it."""
        counters = [0, 0, 0, 0]
        out = []
        for block in self.summary.blocks:
            if block.level == BODY:
                out.append((block, ""))
                continue
            counters[block.level] += 1
            for deeper in range(block.level + 1, len(counters)):
                counters[deeper] = 0
            out.append((block, heading_number(block.level, counters[block.level])))
        return out

    def appendix(self) -> list[AppendixRow]:
        return [AppendixRow(value=self.values[key], edited=self.summary.edited.get(key))
                for key in used_keys(self.summary.blocks) if key in self.values]


# A saved text may name a figure no app registers any more: it shows this, and saving asks for it to go.
RETIRED = "〔该指标已停用〕"


def summary_render(summary: Summary, *, user) -> Rendered:
    """Read every figure the text names, for the summary's union and period as `user` may see them."""
    keys = [key for key in used_keys(summary.blocks) if key in summary.read or _registered(key)]
    unread = [figure_get(key) for key in keys if key not in summary.read]
    values = {**summary.read, **figure_values_together(unread, user=user, union=summary.union,
                                                       period=summary.period)}
    return Rendered(summary=summary, values={key: values[key] for key in keys})


CHINESE_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1..99 as the headings write them: 一, 十, 十一, 二十, 二十一."""
    if n < 10:
        return CHINESE_DIGITS[n]
    tens, ones = divmod(n, 10)
    return (CHINESE_DIGITS[tens] if tens > 1 else "") + "十" + (CHINESE_DIGITS[ones] if ones else "")


def heading_number(level: int, n: int) -> str:
    if level == HEADING_1:
        return f"{chinese_number(n)}、"
    if level == HEADING_2:
        return f"（{chinese_number(n)}）"
    return f"{n}."
