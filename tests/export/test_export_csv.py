"""The CSV export: one row per post, read back by the csv module, formulas never run."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from tests.export.plan_fixture import whole_plan
from tui_planner.export import ExportFormat, export_text, write_export
from tui_planner.export.csv_rows import HEADER, csv_rows, safe_cell


def read_back(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def test_one_row_per_post_reads_back_as_written() -> None:
    text = export_text(whole_plan(), ExportFormat.CSV)
    rows = read_back(text)

    assert rows == [list(row) for row in csv_rows(whole_plan())]
    assert rows[0] == list(HEADER)
    assert rows[1:] == [
        [
            "Black Friday teaser",
            "2026-11-25 10:00",
            "Instagram",
            "post",
            "draft",
            "",
            "Caption of ig-1",
            "https://img.test/ig-1.png",
            "ig-1",
            "act-launch",
        ],
        [
            "Black Friday teaser",
            "2026-11-25 10:00",
            "Facebook",
            "post",
            "scheduled",
            "2026-11-25 10:00",
            "Caption of fb-1",
            "https://img.test/fb-1.png",
            "fb-1",
            "act-launch",
        ],
        [
            '\'=HYPERLINK("http://evil.test")',
            "2026-12-20 18:30",
            "Instagram",
            "post",
            "draft",
            "",
            "'-5% today, @everyone",
            "https://img.test/ig-2.png",
            "ig-2",
            "act-late",
        ],
    ]
    assert text.endswith("\r\n")


@pytest.mark.parametrize(
    ("cell", "shown"),
    [
        ("=1+1", "'=1+1"),
        ("+44 20 7946 0000", "'+44 20 7946 0000"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=cmd", "'\t=cmd"),
        ("\r=cmd", "'\r=cmd"),
        ("Sale = 20% off", "Sale = 20% off"),
        ("", ""),
        ("'quoted", "'quoted"),
    ],
)
def test_cells_that_would_be_formulas_get_an_apostrophe(cell: str, shown: str) -> None:
    assert safe_cell(cell) == shown


def test_a_written_file_has_a_byte_order_mark_for_excel_and_is_private(tmp_path: Path) -> None:
    path = write_export(tmp_path / "plan.csv", whole_plan(), ExportFormat.CSV)

    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        assert list(csv.reader(handle)) == read_back(export_text(whole_plan(), ExportFormat.CSV))
    assert path.stat().st_mode & 0o777 == 0o600
