#!/usr/bin/env python3
"""Checks an xlsx written by `wardscope table` against the CSV of the same table.

usage: check_xlsx.py FILE.xlsx FILE.csv [COLUMN=TYPE ...]
TYPE: int (fiscal years, counts: Python ints), number (int or float), text.
The header row must equal the CSV's, be frozen (pane at A2), every column
must have a width, and every cell must equal the CSV's text: numbers as
numbers, unknown as empty (None), never 0. Prints what differs; exit 1 if any.
"""
import csv
import sys

import openpyxl


def main():
    xlsx_path, csv_path = sys.argv[1], sys.argv[2]
    types = dict(arg.split("=", 1) for arg in sys.argv[3:])
    with open(csv_path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    book = openpyxl.load_workbook(xlsx_path)
    sheet = book.worksheets[0]
    problems = []
    values = [list(r) for r in sheet.iter_rows(values_only=True)]
    header = [str(v) for v in values[0]] if values else []
    if header != rows[0]:
        problems.append(f"header {header} != CSV {rows[0]}")
    if sheet.freeze_panes != "A2":
        problems.append(f"frozen pane {sheet.freeze_panes}, expected A2")
    for c in range(len(rows[0])):
        letter = openpyxl.utils.get_column_letter(c + 1)
        dim = sheet.column_dimensions.get(letter)
        if dim is None or not dim.width:
            problems.append(f"column {letter} has no width")
    if len(values) != len(rows):
        problems.append(f"{len(values) - 1} data rows, CSV has {len(rows) - 1}")
    for r in range(1, min(len(values), len(rows))):
        for c, text in enumerate(rows[r]):
            value = values[r][c] if c < len(values[r]) else None
            name = rows[0][c]
            want = types.get(name)
            if text == "":
                if value is not None:
                    problems.append(f"row {r} {name}: {value!r} where the CSV is empty (unknown must stay empty)")
                continue
            if want == "int" and not (isinstance(value, int) and not isinstance(value, bool)):
                problems.append(f"row {r} {name}: {value!r} is not an integer")
            if want == "number" and not isinstance(value, (int, float)):
                problems.append(f"row {r} {name}: {value!r} is not a number")
            if want == "text" and not isinstance(value, str):
                problems.append(f"row {r} {name}: {value!r} is not text")
            if isinstance(value, (int, float)):
                # xlsx stores 16 significant digits (Excel keeps 15): equal to that precision.
                if abs(float(text) - float(value)) > 1e-14 * max(1.0, abs(float(text))):
                    problems.append(f"row {r} {name}: {value!r} != CSV {text!r}")
            elif str(value) != (text[1:] if text.startswith("'") and text[1:2] in "=+-@" else text):
                problems.append(f"row {r} {name}: {value!r} != CSV {text!r}")
    for p in problems[:20]:
        print(p)
    print(f"{xlsx_path}: {len(values) - 1} rows, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
