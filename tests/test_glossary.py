"""docs/glossary.md and the code agree: every code name in its table exists, and no English name is given twice.

The table's backticked names are written in full (the glossary's opening says how); one this test cannot
read is a failure too, so a name cannot slip past by being written loosely.
"""

import importlib
import re
from collections import defaultdict
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.core.management import get_commands
from django.db.models import Model
from django.urls import Resolver404, resolve

GLOSSARY = Path(__file__).resolve().parent.parent / "docs" / "glossary.md"
SETTING = re.compile(r'GONGHUI\["(\w+)"\]')
COMMAND = re.compile(r"manage\.py (\w+)")


def table_rows() -> list[list[str]]:
    """The cells of each row of the table, header and rule left out."""
    lines = [line for line in GLOSSARY.read_text(encoding="utf-8").splitlines() if line.startswith("|")]
    return [[cell.strip() for cell in line.strip("|").split("|")] for line in lines[2:]]


def code_names() -> list[str]:
    return sorted({name for row in table_rows() for cell in row for name in re.findall(r"`([^`]+)`", cell)})


def gonghui_apps() -> dict[str, str]:
    """App label -> package, for the project's own apps."""
    return {config.label: config.name for config in apps.get_app_configs() if config.name.startswith("gonghui.")}


def attribute(owner, name: str):
    """A model's field (or property), or any other object's attribute; AttributeError when there is none."""
    if isinstance(owner, type) and issubclass(owner, Model):
        try:
            return owner._meta.get_field(name)
        except FieldDoesNotExist:
            pass
    return getattr(owner, name)


def python_object(dotted: str):
    """`gonghui.a.b.Name.attr`: the longest importable module, then attributes."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            found = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for name in parts[cut:]:
            found = attribute(found, name)
        return found
    raise ImportError(dotted)


def app_object(label: str, rest: list[str]):
    """`app.Model[.field]` through django.apps, else a choices class in the app's models or choices module."""
    head, *tail = rest
    try:
        found = apps.get_model(label, head)
    except LookupError:
        package = gonghui_apps()[label]
        found = None
        for module in ("models", "choices"):
            try:
                found = getattr(importlib.import_module(f"{package}.{module}"), head, None)
            except ImportError:
                continue
            if found is not None:
                break
        if found is None:
            raise AttributeError(f"no model or choices {head} in {package}") from None
    for name in tail:
        found = attribute(found, name)
    return found


def resolves(name: str) -> bool:
    if name.startswith("/"):
        try:
            resolve(name)
        except Resolver404:
            return False
        return True
    if setting := SETTING.fullmatch(name):
        return setting[1] in settings.GONGHUI
    if command := COMMAND.fullmatch(name):
        return command[1] in get_commands()
    label, *rest = name.split(".")
    try:
        if label == "gonghui":
            python_object(name)
        elif label in gonghui_apps():
            if rest:
                app_object(label, rest)
        else:
            return False
    except (AttributeError, ImportError):
        return False
    return True


def test_the_glossary_names_code():
    # Guards the test itself: the table was read and holds the kinds of names it checks.
    names = code_names()
    assert {"org.Union", "members.MemberEvent.kind", "rights.CaseState.PAST_LIMIT", "care",
            "gonghui.home.todo", 'GONGHUI["DISPUTE_TIME_LIMIT_DAYS"]', "/accounts/admin/history/"} <= set(names)


@pytest.mark.parametrize("name", code_names())
def test_each_code_name_in_the_glossary_exists(name):
    assert resolves(name), f"docs/glossary.md names `{name}`, which is not in the code (or is not written in full)"


def test_a_misspelt_name_is_caught():
    for name in ("org.Unoin", "org.Union.levle", "care.HardshipLevel.SEVERE", "gonghui.home.todos",
                 'GONGHUI["NO_SUCH_DAYS"]', "manage.py no_such_command", "/no/such/page/", "Union", "todo.py"):
        assert not resolves(name), name


# Chinese words the screen uses for one and the same thing, so one English name may stand for both.
SYNONYMS = {"deceased": {"已故", "死亡"}}  # a member's status; a hardship file's close reason


def test_no_english_name_stands_for_two_chinese_words():
    """Row by row and, where a row pairs words ("入会 / 转出" = "join / transfer out"), word by word."""
    meanings = defaultdict(set)
    for chinese, english, *_ in table_rows():
        chinese_words, english_words = chinese.split(" / "), english.split(" / ")
        pairs = zip(chinese_words, english_words) if len(chinese_words) == len(english_words) else []
        for zh, en in [(chinese, english), *pairs]:
            meanings[en].add(zh)
    confused = {en: words for en, words in meanings.items() if len(words) > 1 and words != SYNONYMS.get(en)}
    assert confused == {}
