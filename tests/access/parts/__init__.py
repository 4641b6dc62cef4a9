"""The access matrix's entries and world records of newer apps, one module per app.

Each module here is found without being listed (so apps added side by side never edit one shared line):
it defines `PAGES` and `API` (lists of `tests.access.matrix` entries) and `build(world) -> dict`, the
app's records entered through its services; the dict's keys read as the world's own (`w.congress`).
"""

import importlib
import pkgutil


def modules():
    return [importlib.import_module(f"{__name__}.{info.name}") for info in pkgutil.iter_modules(__path__)]
