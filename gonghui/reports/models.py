# Each part of the reports app keeps its models in its own module; Django finds them here.
from .summary_models import SummaryDraft, SummaryPdf  # noqa: F401
