"""Figures read in as few queries as their records allow: one per table, not one per figure.

`gonghui.core.figures.figure_values` reads through here, so every page that shows several figures (the
statistics pages, the dashboard's API, the year-end summary) gets it. A summary states every registered figure; read one by one, thirty figures over a county's million ledger
entries of a year are thirty scans of the same rows (12 s measured, bench/bench_summary.py). Figures whose
records are one table filtered on its own columns (most are: activities of a kind in the period, cases
received in it) are measured together: one query over the table, scoped as the registry scopes
(`visible`, then `within`), with each figure's own filter as the filter of its COUNT or SUM. A figure whose
records need more (a join, DISTINCT, a slice, annotations) is read by `figure_value` as before. Either way
the value is the registry's: the same records, the same scope, the same measure (`measure`).
"""

from collections import defaultdict

from django.db.models import Count, QuerySet, Sum
from django.db.models.sql.where import AND, WhereNode

from . import figure_cache
from .figures import Figure, FigureValue, Ratio, figure_get, figure_url, figure_value, may_read
from .formatting import ZERO
from .periods import Period
from .scoping import visible, within


def figure_values_together(figures, *, user, union, period: Period) -> dict[str, FigureValue]:
    """key -> FigureValue for each figure (a ratio's parts read with the rest), as `figure_value` gives them."""
    figures = list(figures)
    wanted = {f.key: f for f in figures if isinstance(f, Figure)}
    for ratio in (f for f in figures if isinstance(f, Ratio)):
        for key in (ratio.numerator, ratio.denominator):
            wanted.setdefault(key, figure_get(key))
    values = _values(wanted, user=user, union=union, period=period)
    for ratio in (f for f in figures if isinstance(f, Ratio)):
        parts = [values[ratio.numerator], values[ratio.denominator]]
        hidden = any(part.value is None for part in parts)
        values[ratio.key] = FigureValue(figure=ratio, value=None if hidden else parts[0].value, url="", parts=parts)
    return values


def _values(wanted: dict[str, Figure], *, user, union, period: Period) -> dict[str, FigureValue]:
    """Each wanted figure's value: kept (`figure_cache`), else measured together, else one by one."""
    cache_keys = ({key: figure_cache.cache_key(key, union, period) for key, figure in wanted.items()
                   if may_read(figure, user)} if figure_cache.usable(user, union) else {})
    kept = figure_cache.kept(cache_keys)
    missing = [figure for key, figure in wanted.items() if key not in kept]
    measured = {**_measure(missing, user=user, union=union, period=period), **kept}
    values = {key: FigureValue(figure=figure, value=measured[key], url=figure_url(key, union=union, period=period))
              if key in measured else figure_value(figure, user=user, union=union, period=period)
              for key, figure in wanted.items()}
    if cache_keys:
        figure_cache.keep({cache_keys[key]: values[key].value for key in cache_keys if key not in kept},
                          tenant_id=union.tenant_id)
    return values


def _together(records: QuerySet) -> bool:
    """Records that are one table's rows under a filter on that table alone: measurable beside others."""
    query = records.query
    return (len(query.alias_map) <= 1 and not query.distinct and not query.annotations and not query.extra
            and not query.combinator and query.low_mark == 0 and query.high_mark is None
            and query.group_by is None and not query.extra_tables)


def _measure(figures: list[Figure], *, user, union, period: Period) -> dict:
    """key -> value (None: hidden) of the figures that can be measured together; the others are left out."""
    measured, tables = {}, defaultdict(list)
    for figure in figures:
        records = figure.records(period)
        if not may_read(figure, user, records):
            measured[figure.key] = None
        elif _together(records):
            tables[records.model].append((figure, records))
    for model, members in tables.items():
        scoped = within(visible(model._default_manager.all(), user), union)
        common, own = _shared_conditions([records for _, records in members])
        for condition in common:
            scoped.query.where.add(condition, AND)
        aggregates = {f"v{i}": _aggregate(figure, conditions)
                      for i, ((figure, _), conditions) in enumerate(zip(members, own))}
        row = scoped.aggregate(**aggregates)
        for i, (figure, _) in enumerate(members):
            value = row[f"v{i}"]
            measured[figure.key] = value if figure.total is None else (value or ZERO)
    return measured


def _shared_conditions(records: list[QuerySet]) -> tuple[list, list[list]]:
    """The conditions every figure's records share (the period, mostly), and each figure's others.

    The shared ones go to the query's WHERE, so the table is read over the period's rows by its index, not
    over all its years; the others filter each figure's COUNT or SUM. Conditions are compared by their SQL.
    """
    parts = [_conditions(qs) for qs in records]
    if any(p is None for p in parts):  # an OR, a NOT: the figure's WHERE stays whole
        return [], [[qs.query.where] if qs.query.where.children else [] for qs in records]
    shared = set.intersection(*(set(sql for sql, _ in p) for p in parts)) if parts else set()
    common = [child for sql, child in parts[0] if sql in shared]
    return common, [[child for sql, child in p if sql not in shared] for p in parts]


def _conditions(records: QuerySet) -> list[tuple] | None:
    """(SQL, condition) of each ANDed condition of the records' WHERE; None when it is not a plain AND."""
    where = records.query.where
    if where.connector != AND or where.negated:
        return None
    compiler = records.query.get_compiler(using=records.db)
    found = []
    for child in where.children:
        sql, params = compiler.compile(child)
        found.append(((sql, tuple(map(str, params))), child))
    return found


def _aggregate(figure: Figure, conditions: list):
    """The figure's COUNT or SUM, filtered by its own conditions (same table, same alias)."""
    condition = WhereNode(conditions, connector=AND) if conditions else None
    if figure.total is None:
        return Count("pk", filter=condition)
    return Sum(figure.total, filter=condition)
