#!/usr/bin/python3
"""classify -o out.xlsx, checked the way a manager's Excel would see it.

Usage: /usr/bin/python3 tests/xlsx/writer_check.py FTSTATUS SOURCE_DIR
Writes the workbook of examples/entitlements-excel-es.csv (Spanish) and of a
CSV whose cells look like formulas, opens them with openpyxl and checks: the
sheets, the typed cells, the frozen bold header, the autofilter, the L1 list,
the dependent L2 list, the date validation, the Summary chart, no formula
cell on the data sheet, and that reading the workbook back gives the same
statuses as the CSV.
"""
import csv
import io
import os
import subprocess
import sys
import re
import tempfile
import zipfile

try:
    import openpyxl
except ImportError:
    print("SKIPPED: python3-openpyxl is not installed (apt-get install python3-openpyxl)")
    sys.exit(77)  # CTest's SKIP_RETURN_CODE: shown as skipped, never as passed

ftstatus, source = sys.argv[1], sys.argv[2]
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL " + what)


def run(*args):
    return subprocess.run([ftstatus, *args], capture_output=True, text=True)


def statuses(csv_text, delimiter):
    rows = list(csv.reader(io.StringIO(csv_text.lstrip("\ufeff")), delimiter=delimiter))
    h = rows[0]
    a, b, r = h.index("suggested_l1"), h.index("suggested_l2"), h.index("rule")
    return [(row[0], row[a], row[b], row[r]) for row in rows[1:]]


with tempfile.TemporaryDirectory() as tmp:
    example = os.path.join(source, "examples", "entitlements-excel-es.csv")
    book = os.path.join(tmp, "clasificado.xlsx")
    r = run("classify", example, "--as-of", "2026-11-24", "--lang", "es", "-o", book)
    check(r.returncode in (0, 1), "classify -o book.xlsx exits 0 or 1, not %d: %s" % (r.returncode, r.stderr))
    wb = openpyxl.load_workbook(book)
    check(wb.sheetnames == ["Datos", "Taxonomía", "Resumen"], "sheets: %s" % wb.sheetnames)
    ws = wb["Datos"]
    header = [c.value for c in ws[1]]
    check(header[0] == "ID de derecho" and "suggested_l1" in header, "header: %s" % header[:3])
    check(all(c.font.b for c in ws[1] if c.value), "header bold")
    check(ws.freeze_panes == "A2", "frozen header: %s" % ws.freeze_panes)
    check(ws.auto_filter.ref is not None and ws.auto_filter.ref.startswith("A1:"), "autofilter: %s" % ws.auto_filter.ref)
    row2 = {h: c.value for h, c in zip(header, ws[2])}
    check(row2["Fecha de alta"].__class__.__name__ == "datetime", "dates are dates: %r" % row2["Fecha de alta"])
    check(row2["Tiene Exchange"] is True, "booleans are booleans: %r" % row2["Tiene Exchange"])
    check(row2["Intentos de contacto"] == 2, "integers are numbers: %r" % row2["Intentos de contacto"])
    check(ws["E2"].number_format == "dd/mm/yyyy", "Spanish date format: %s" % ws["E2"].number_format)
    kinds = {(d.type, str(d.sqref).split(":")[0]) for d in ws.data_validations.dataValidation}
    l1_col = openpyxl.utils.get_column_letter(header.index("L1 actual") + 1)
    l2_col = openpyxl.utils.get_column_letter(header.index("L2 actual") + 1)
    date_col = openpyxl.utils.get_column_letter(header.index("Fecha objetivo") + 1)
    check(("list", l1_col + "2") in kinds, "L1 list validation on %s: %s" % (l1_col, kinds))
    l2 = [d for d in ws.data_validations.dataValidation if str(d.sqref).startswith(l2_col + "2")]
    check(l2 and "MATCH($" + l1_col + "2" in l2[0].formula1, "dependent L2 list on the row's L1")
    check(("date", date_col + "2") in kinds, "date validation on the target date")
    tax = wb["Taxonomía"]
    check(tax["A2"].value == "Estado desconocido", "Taxonomy lists the L1 names: %r" % tax["A2"].value)
    check(tax.protection.sheet, "the Taxonomy sheet is protected")
    listed = {(c[1].value, c[2].value, c[3].value) for c in tax.iter_rows() if len(c) > 3}
    check(("migration", "Migration", "Migración") in listed, "Taxonomy lists ids and names in both languages")
    summary = wb["Resumen"]
    check(any(c.value == "Estado actual" for row in summary.iter_rows() for c in row), "Summary has the transition table")
    check(len(summary._charts) == 1, "Summary has a chart")
    check(any(c.value == "Filas" for row in summary.iter_rows() for c in row), "Summary counts rows")
    formulas = [c.coordinate for row in ws.iter_rows() for c in row if c.data_type == "f"]
    check(not formulas, "no formula cell on the data sheet: %s" % formulas[:3])

    # Reading the workbook back gives the statuses the CSV gave.
    from_csv = statuses(run("classify", example, "--as-of", "2026-11-24").stdout, ";")
    back = run("classify", book, "--as-of", "2026-11-24")
    check(back.returncode in (0, 1), "the workbook reads back: %s" % back.stderr)
    check(statuses(back.stdout, ",") == from_csv, "same statuses read back from the workbook")
    again = os.path.join(tmp, "otra-vez.xlsx")
    r = run("classify", book, "--as-of", "2026-11-24", "--lang", "es", "-o", again)
    header_again = [c.value for c in openpyxl.load_workbook(again)["Datos"][1]]
    check(header_again == header, "classifying the workbook again replaces its added columns: %s" % header_again[-8:])

    # Cells that look like formulas stay text.
    risky = os.path.join(tmp, "risky.csv")
    with open(risky, "w", encoding="utf-8") as f:
        f.write("entitlement_id,customer,intent\n=1+1,+SUM(A1:A2),no\n@A1,-2+3,no\n"
                "FT-3,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",no\n"
                "FT-4,'=2+2,no\n")  # neutralised by an earlier spreadsheet-bound CSV
    out = os.path.join(tmp, "risky.xlsx")
    r = run("classify", risky, "--as-of", "2026-11-24", "--allow-missing", "all", "-o", out)
    ws = openpyxl.load_workbook(out)["Data"]
    cells = [c for row in ws.iter_rows() for c in row if c.value is not None]
    check(all(c.data_type != "f" for c in cells), "formula-looking input stays text")
    check(ws["A2"].value == "=1+1" and ws["B2"].value == "+SUM(A1:A2)", "texts kept: %r" % ws["B2"].value)
    check(ws["B4"].value == '=HYPERLINK("http://x","y")' and ws["B4"].data_type == "s",
          "=HYPERLINK(...) is a string cell: %r %s" % (ws["B4"].value, ws["B4"].data_type))
    check(ws["B5"].value == "=2+2" and ws["B5"].data_type == "s",
          "an earlier CSV's apostrophe is not needed in a string cell: %r" % ws["B5"].value)
    # In the sheet's XML itself (not only as openpyxl reads it): no <f> element, so Excel runs nothing.
    with zipfile.ZipFile(out) as book_zip:
        sheet_xml = book_zip.read("xl/worksheets/sheet1.xml").decode("utf-8")
    check(re.search(r"<f[ >/]", sheet_xml) is None, "no <f> element in the data sheet's XML")

    # Bulk validate's report as a workbook.
    report = os.path.join(tmp, "informe.xlsx")
    r = run("validate", os.path.join(source, "examples", "entitlements.csv"), "--as-of", "2026-11-24",
            "--format", "xlsx", "--lang", "es", "-o", report)
    check(r.returncode == 1, "validate --format xlsx exits 1 on the example: %d %s" % (r.returncode, r.stderr))
    vb = openpyxl.load_workbook(report)
    check(vb.sheetnames == ["Hallazgos", "Resumen"], "validate workbook sheets: %s" % vb.sheetnames)
    findings = list(vb["Hallazgos"].iter_rows(values_only=True))
    check(findings[0][:3] == ("line", "entitlement_id", "code") and len(findings) > 5, "validate findings listed")
    check(("l1_missing" in {row[2] for row in findings[1:]}), "validate findings carry codes")

    # A workbook cannot go to standard output.
    r = run("classify", example, "--format", "xlsx")
    check(r.returncode == 2 and "-o" in r.stderr, "--format xlsx without -o exits 2")

if failures:
    print("writer_check: %d failure(s)" % len(failures))
    sys.exit(1)
print("writer_check: all checks passed")
