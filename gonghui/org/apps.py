from django.apps import AppConfig


class OrgConfig(AppConfig):
    name = "gonghui.org"
    label = "org"
    verbose_name = "组织"

    def ready(self) -> None:
        # A union or enterprise added, changed or moved (a move saves no union but records a UnionMove)
        # changes the coverage figures above it.
        from gonghui.core.figures import forget_on_write

        from .models import Enterprise, Union, UnionMove
        from .selectors import COVERAGE

        forget_on_write(COVERAGE, Union, Enterprise, UnionMove)
