import pytest

from gonghui.core import figures


@pytest.fixture
def registered():
    """Register figures for one test only; the generic tests over figures_all() never see them."""
    added = []

    def register(*new):
        figures.figure_register(*new)
        added.extend(new)
        return new

    yield register
    for figure in added:
        figures._figures.pop(figure.key, None)
