from datetime import date

import pytest

from timeline.timex_values import value_span

PUB = date(2025, 9, 3)


@pytest.mark.parametrize(
    "value, start, end, precision",
    [
        ("2025-09-03", "2025-09-03", "2025-09-03", "day"),
        ("2025-09-03T14:30", "2025-09-03", "2025-09-03", "day"),
        ("2025-02", "2025-02-01", "2025-02-28", "month"),
        ("2024-02", "2024-02-01", "2024-02-29", "month"),
        ("2001", "2001-01-01", "2001-12-31", "year"),
        ("2025-W01", "2024-12-30", "2025-01-05", "week"),
        ("2024-SP", "2024-03-01", "2024-05-31", "season"),
        ("2024-WI", "2024-12-01", "2025-02-28", "season"),
        ("2025-Q3", "2025-07-01", "2025-09-30", "quarter"),
        ("2025-H1", "2025-01-01", "2025-06-30", "quarter"),
        ("199", "1990-01-01", "1999-12-31", "decade"),
        ("19", "1900-01-01", "1999-12-31", "decade"),
        ("1592-XX-XX", "1592-01-01", "1592-12-31", "year"),
        ("1592-WXX", "1592-01-01", "1592-12-31", "year"),
        ("2025-02-XX", "2025-02-01", "2025-02-28", "month"),
        ("2025-13-XX", None, "2025-09-03", "undated"),
        ("PAST_REF", None, "2025-09-03", "undated"),
        ("XXXX-09-03", None, "2025-09-03", "undated"),
        ("2025-13", None, "2025-09-03", "undated"),
        ("2025-02-30", None, "2025-09-03", "undated"),
        (None, None, "2025-09-03", "undated"),
    ],
)
def test_value_span(value, start, end, precision):
    s, e, p = value_span(value, PUB)
    assert (s.isoformat() if s else None, e.isoformat() if e else None, p) == (start, end, precision)
