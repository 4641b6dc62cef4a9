"""The period a figure counts over, as the summaries name it: a year, 1—N月, a quarter or free dates.

Every report (statistics pages, dashboard, API, export, year-end document) takes its period from
`period_from(params)`, so "2025年1—11月" means the same days everywhere.
"""

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import ValidationError

from .formatting import chinese_date

QUARTERS = "一二三四"
# "2025", "2025-M11" (1—11月), "2025-Q3"; anything else is read as free dates (start, end).
_YEAR = re.compile(r"^(\d{4})$")
_MONTHS = re.compile(r"^(\d{4})-M(\d{1,2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    # The code it was chosen by ("2025", "2025-M11", "2025-Q3"); "" for free dates.
    code: str = ""

    def __post_init__(self):
        if self.start > self.end:
            raise ValidationError({"end": "截止日期不能早于起始日期"})

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        year = self.start.year
        if self.code == str(year):
            return f"{year}年"
        if self.code.startswith(f"{year}-M"):
            return f"{year}年1月" if self.end.month == 1 else f"{year}年1—{self.end.month}月"
        if self.code.startswith(f"{year}-Q"):
            return f"{year}年第{QUARTERS[(self.start.month - 1) // 3]}季度"
        return f"{chinese_date(self.start)}至{chinese_date(self.end)}"

    @property
    def span(self) -> tuple[date, date]:
        """(start, end), both days in: what a `<date>__range` lookup takes."""
        return (self.start, self.end)

    @property
    def params(self) -> dict[str, str]:
        """The query parameters that choose this period again (links keep their period)."""
        if self.code:
            return {"period": self.code}
        return {"start": self.start.isoformat(), "end": self.end.isoformat()}

    def year_before(self) -> "Period":
        """The same period a year earlier (同比); 29 February falls back to the 28th."""
        return Period(start=_year_before(self.start), end=_year_before(self.end),
                      code=_code_year_before(self.code))


def year_period(year: int) -> Period:
    return Period(start=date(year, 1, 1), end=date(year, 12, 31), code=str(year))


def months_period(year: int, last_month: int) -> Period:
    """1—N月 of a year."""
    if not 1 <= last_month <= 12:
        raise ValidationError({"period": "月份应在1到12之间"})
    end = date(year, last_month, calendar.monthrange(year, last_month)[1])
    return Period(start=date(year, 1, 1), end=end, code=f"{year}-M{last_month}")


def quarter_period(year: int, quarter: int) -> Period:
    first = 3 * (quarter - 1) + 1
    end = date(year, first + 2, calendar.monthrange(year, first + 2)[1])
    return Period(start=date(year, first, 1), end=end, code=f"{year}-Q{quarter}")


def period_months(period: Period) -> list[date]:
    """The first day of every month the period touches, in order (a monthly trend's axis)."""
    months, month = [], period.start.replace(day=1)
    while month <= period.end:
        months.append(month)
        month = (month + timedelta(days=32)).replace(day=1)
    return months


def period_parse(code: str) -> Period:
    """A period code to its dates; a ValidationError naming the `period` field otherwise."""
    code = (code or "").strip()
    if match := _YEAR.match(code):
        return year_period(int(match[1]))
    if match := _MONTHS.match(code):
        return months_period(int(match[1]), int(match[2]))
    if match := _QUARTER.match(code):
        return quarter_period(int(match[1]), int(match[2]))
    raise ValidationError({"period": "期间应写作“2025”（全年）、“2025-M11”（1—11月）或“2025-Q3”（季度）"})


def period_from(params, *, today: date) -> Period:
    """The period a request asks for: `period`, else `start` and `end`, else this year up to today."""
    if params.get("period"):
        return period_parse(params["period"])
    start, end = params.get("start"), params.get("end")
    if start or end:
        return Period(start=_day(start, "start") if start else date(today.year, 1, 1),
                      end=_day(end, "end") if end else today)
    return Period(start=date(today.year, 1, 1), end=today)


def _day(text, field: str) -> date:
    if isinstance(text, date):
        return text
    try:
        return date.fromisoformat(str(text))
    except ValueError:
        raise ValidationError({field: "日期应写作“2025-01-31”"}) from None


def _year_before(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def _code_year_before(code: str) -> str:
    if not code:
        return ""
    year, _, rest = code.partition("-")
    return f"{int(year) - 1}" + (f"-{rest}" if rest else "")
