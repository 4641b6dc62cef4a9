"""The way up the layers: an app reads what the apps above it count without importing them.

Imports point down only (docs/architecture.md, Layers). Where a lower app or the home page needs
figures an app above it keeps, that app registers a callable here from its AppConfig.ready(), and
the reader calls it by name. Registrations are made once per process, in the order of INSTALLED_APPS.
"""

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from urllib.parse import urlencode

from django.apps import AppConfig
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse


@dataclass(frozen=True)
class TodoLine:
    """One line of the home page's to-do card: the work waiting, and the page where it is done."""

    text: str
    url: str


def todo_url(name: str, *args, query: dict | None = None, fragment: str = "") -> str:
    url = reverse(name, args=args)
    if query:
        url += "?" + urlencode(query)
    return url + (f"#{fragment}" if fragment else "")


def todo_line(count: int, text: str, url: str) -> list[TodoLine]:
    """A line appears only when something waits."""
    return [TodoLine(text=text, url=url)] if count else []


# (*, user, today) -> the app's lines, in the order the card shows them.
TodoLines = Callable[..., list[TodoLine]]

_todo: dict[str, TodoLines] = {}
_providers: dict[str, Callable] = {}


def todo_register(app_label: str, lines: TodoLines) -> None:
    _todo[app_label] = lines


def todo_sources() -> list[TodoLines]:
    """Each app's to-do lines, in the order of INSTALLED_APPS."""
    return list(_todo.values())


def provide(name: str, provider: Callable) -> None:
    """`name` is "<app>.<what>"; the reader's docstring says what the callable takes and returns."""
    _providers[name] = provider


def provider(name: str) -> Callable:
    try:
        return _providers[name]
    except KeyError:
        raise ImproperlyConfigured(f"没有已安装的应用提供“{name}”（no installed app provides {name!r}）") from None


class RegisteringConfig(AppConfig):
    """An app that registers here, in ready(), what the apps above it read.

    `has_todo`: its home-page to-do lines (`<app>/todo.py`'s `todo_lines`); `provides`: selectors of
    `<app>/selectors.py` offered as "<label>.<name>"; `has_figures`: its figures (`<app>/figures.py`'s FIGURES).
    An app's apps.py names it as `registry.RegisteringConfig`: a class imported into apps.py itself would be
    a second AppConfig there, and Django would no longer know which one is the app's.
    """

    has_todo = False
    provides: tuple[str, ...] = ()
    has_figures = True

    def ready(self) -> None:
        from .figures import figure_register

        if self.has_todo:
            todo_register(self.label, import_module(f"{self.name}.todo").todo_lines)
        if self.provides:
            selectors = import_module(f"{self.name}.selectors")
            for name in self.provides:
                provide(f"{self.label}.{name}", getattr(selectors, name))
        if self.has_figures:
            figure_register(*import_module(f"{self.name}.figures").FIGURES)
