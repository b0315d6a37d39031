#!/usr/bin/python3
"""Checks one classified partner export against its input and its expected statuses.

Usage: check_output.py INPUT ENCODING DELIMITER INPUT_EOL STATUSES OUTPUT OUT_BOM OUT_EOL

INPUT is read in ENCODING (a Python codec name) with DELIMITER (',', ';' or 'tab').
INPUT_EOL is how its records end (lf, crlf or cr); in an lf or crlf file a CR not
followed by LF is part of its cell, as a person reading the file sees it.
OUTPUT must be UTF-8, start with a BOM when OUT_BOM is 'bom', end its records with
OUT_EOL, keep DELIMITER, keep every input cell as it was, add suggested_l1 and
suggested_l2 equal to STATUSES (one "l1/l2" or "l1" line per data row), and keep
the row count. Prints every difference; exits 1 when there is one.
"""

import csv
import io
import re
import sys

BOM = "\ufeff"
CR_INSIDE_CELL = "\ue000"  # stands for a lone CR while Python's csv module splits records
# Every cell of the example exports is valid on purpose: these codes mean the tool misread one.
MISREAD_CODES = ("invalid_value", "target_date_invalid", "field_count", "invalid_utf8", "missing_id",
                 "duplicate_id")

failures = []


def fail(message):
    failures.append(message)


def records(text, delimiter, eol):
    if eol != "cr":
        text = re.sub("\r(?!\n)", CR_INSIDE_CELL, text)
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))
    return [[cell.replace(CR_INSIDE_CELL, "\r") for cell in row] for row in rows]


def check_line_ends(text, eol, name):
    without_crlf = text.replace("\r\n", "")
    if eol == "crlf" and ("\n" in without_crlf or not text.endswith("\r\n")):
        fail(f"{name}: records should end with CRLF")
    if eol == "lf" and ("\r\n" in text or not text.endswith("\n")):
        fail(f"{name}: records should end with LF (no CRLF)")
    if eol == "cr" and ("\n" in text or not text.endswith("\r")):
        fail(f"{name}: records should end with a bare CR, as the input's do")


def main():
    input_path, encoding, delimiter, input_eol, statuses_path, output_path, out_bom, out_eol = sys.argv[1:9]
    delimiter = "\t" if delimiter == "tab" else delimiter

    input_text = open(input_path, "rb").read().decode(encoding)
    input_text = input_text.removeprefix(BOM)
    input_rows = records(input_text, delimiter, input_eol)
    input_header, input_data = input_rows[0], input_rows[1:]
    expected = open(statuses_path, encoding="utf-8").read().splitlines()
    if len(input_data) != len(expected):
        fail(f"{input_path}: {len(input_data)} records in the input but {len(expected)} lines in {statuses_path}")

    raw = open(output_path, "rb").read()
    try:
        output_text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        fail(f"{output_path}: not valid UTF-8 at byte {error.start}: {raw[max(0, error.start - 20):error.end + 20]!r}")
        output_text = raw.decode("utf-8", errors="replace")
    if out_bom == "bom" and not output_text.startswith(BOM):
        fail(f"{output_path}: should start with a UTF-8 BOM (Excel reopens it with accents intact)")
    if out_bom != "bom" and output_text.startswith(BOM):
        fail(f"{output_path}: starts with a BOM but the input had none")
    output_text = output_text.removeprefix(BOM)
    check_line_ends(output_text, out_eol, output_path)

    output_rows = records(output_text, delimiter, out_eol)
    output_header, output_data = output_rows[0], output_rows[1:]
    if output_header[:len(input_header)] != input_header:
        fail(f"{output_path}: the header should start with the input's {len(input_header)} headers "
             f"(delimiter {delimiter!r})\n  input:  {input_header}\n  output: {output_header}")
    if len(output_data) != len(input_data):
        fail(f"{output_path}: {len(input_data)} rows in, {len(output_data)} rows out")

    columns = {name: index for index, name in enumerate(output_header)}
    absent = [needed for needed in ("suggested_l1", "suggested_l2", "problems") if needed not in columns]
    if absent:
        fail(f"{output_path}: no {', '.join(absent)} column in {output_header}")
        return

    mismatches = []
    misread = {}  # "code (column)" -> row numbers
    changed_rows = []
    for number, (source, result) in enumerate(zip(input_data, output_data), start=1):
        label = f"row {number} ({source[0] if source else '?'})"
        if result[:len(source)] != source:
            changed_rows.append(number)
            if len(changed_rows) <= 3:
                fail(f"{output_path}: {label}: input cells changed\n  input:  {source}\n  output: {result[:len(source)]}")
        def cell(name):
            return result[columns[name]] if name in columns and columns[name] < len(result) else ""

        l1, l2 = cell("suggested_l1"), cell("suggested_l2")
        got = f"{l1}/{l2}" if l2 else l1
        if number <= len(expected) and got != expected[number - 1]:
            mismatches.append(f"  {label}: expected {expected[number - 1]}, got {got}"
                              f" (rule {cell('rule')})")
        problems = cell("problems")
        for problem in filter(None, problems.split(";")):
            code, _, where = problem.partition(":")
            if code in MISREAD_CODES:
                misread.setdefault(f"{code} ({where.rpartition(':')[0] or 'row'})", []).append(number)
        if any("\r" in cell for cell in source) and "stray_cr" not in problems:
            fail(f"{output_path}: {label}: a cell holds a lone CR but the row has no stray_cr problem: {problems!r}")
    if len(changed_rows) > 3:
        fail(f"{output_path}: input cells changed on {len(changed_rows)} rows in all (the first 3 shown)")
    for problem, rows in misread.items():
        shown = ", ".join(map(str, rows[:8])) + (", ..." if len(rows) > 8 else "")
        fail(f"{output_path}: {problem} on {len(rows)} row(s) although every cell is valid: rows {shown}")
    if mismatches:
        fail(f"{output_path}: suggested statuses differ from {statuses_path}:\n" + "\n".join(mismatches))


if __name__ == "__main__":
    main()
    for message in failures:
        print("FAIL " + message)
    sys.exit(1 if failures else 0)
