#!/usr/bin/env python3
"""Lists the sheets and charts of a workbook written by `placement optimize --format xlsx`.

Bench-only (not run by `swift test`); needs openpyxl:

    python3 -m venv /tmp/openpyxl && /tmp/openpyxl/bin/pip install openpyxl
    swift run placement optimize --format xlsx -o plan.xlsx
    /tmp/openpyxl/bin/python bench/list-workbook.py plan.xlsx
"""

import sys

import openpyxl


def title_text(chart):
    """The chart's title as plain text (openpyxl keeps it as rich-text runs)."""
    if chart.title is None or chart.title.tx is None or chart.title.tx.rich is None:
        return ""
    return "".join(run.t for paragraph in chart.title.tx.rich.p for run in (paragraph.r or []))


def main(path):
    book = openpyxl.load_workbook(path)
    print(f"{path}: {len(book.sheetnames)} sheets, created {book.properties.created}")
    for sheet in book.worksheets:
        header = [cell.value for cell in sheet[1]]
        formats = sorted({cell.number_format for row in sheet.iter_rows(min_row=2) for cell in row
                          if isinstance(cell.value, (int, float))})
        print(f"  {sheet.title}: {sheet.max_row - 1} rows x {sheet.max_column} columns, "
              f"frozen at {sheet.freeze_panes}, filter {sheet.auto_filter.ref}, number formats {formats}")
        print(f"    header: {header}")
        for chart in sheet._charts:
            grouping = getattr(chart, "grouping", "")
            series = [s.val.numRef.f for s in chart.series]
            print(f"    chart: {chart.tagname} {grouping} '{title_text(chart)}', {len(series)} series: {series}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: list-workbook.py WORKBOOK.xlsx")
    main(sys.argv[1])
