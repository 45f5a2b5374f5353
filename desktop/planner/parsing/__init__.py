"""Pure text parsers used by the offline planner: spoken/typed amounts and dates."""

from desktop.planner.parsing.dates import find_date, find_time
from desktop.planner.parsing.numbers import AmountMatch, find_amounts, words_to_digits

__all__ = ["AmountMatch", "find_amounts", "find_date", "find_time", "words_to_digits"]
