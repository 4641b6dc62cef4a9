"""Filling and sending a page's forms the way a user does, shared by the browser tests."""


def form_fill(page, **values: str) -> None:
    """Types each value into the form's input of that name."""
    for name, value in values.items():
        page.fill(f"input[name={name}]", value)


def submitted_error(page, field: str) -> str:
    """Submits the page's form and returns the error the page then shows at `field`."""
    page.click("main button[type=submit]")
    return page.locator(f'[data-field="{field}"] .errorlist').inner_text()


def log_out(page) -> None:
    """The header's 退出 button."""
    with page.expect_navigation():
        page.click("header.top form button[type=submit]")
