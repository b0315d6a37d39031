#!/usr/bin/python3
"""classify -o out.xlsx, opened by a second spreadsheet program: LibreOffice.

Usage: /usr/bin/python3 tests/xlsx/libreoffice_check.py FTSTATUS SOURCE_DIR
Exits 77 (CTest's "skipped", with a message) when soffice is not installed:
    apt-get install --no-install-recommends libreoffice-calc-nogui

openpyxl (writer_check.py) reads the XML as written; this checks what
LibreOffice makes of it: the workbook is converted to ODS and its content.xml
must show the three sheets, the typed cells, the autofilter, the three
validations with their input messages, the chart, the protected Taxonomy
sheet and no formula on the data sheet. Then the dependent L2 list is
evaluated by LibreOffice itself: each L1's list formula, copied into cells of
a scratch sheet, must give exactly the taxonomy's L2 names under that L1.
"""
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

import openpyxl
import yaml

ftstatus, source = sys.argv[1], sys.argv[2]
soffice = shutil.which("soffice")
if soffice is None:
    print("SKIPPED: LibreOffice is not installed (apt-get install --no-install-recommends libreoffice-calc-nogui)")
    sys.exit(77)

failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL " + what)


def to_ods(book, tmp):
    # A private profile: a user's running LibreOffice or a read-only HOME must not matter.
    profile = "file://" + os.path.join(tmp, "profile")
    subprocess.run([soffice, "-env:UserInstallation=" + profile, "--headless", "--convert-to", "ods", "--outdir", tmp,
                    book], check=True, capture_output=True, timeout=180)
    ods = os.path.join(tmp, os.path.splitext(os.path.basename(book))[0] + ".ods")
    with zipfile.ZipFile(ods) as z:
        return z.read("content.xml").decode("utf-8")


def tables(content):
    """{sheet name: its table XML} of an ODS content.xml."""
    parts = re.split(r'(?=<table:table table:name=")', content)[1:]
    return {re.match(r'<table:table table:name="([^"]+)"', p).group(1): p for p in parts}


def cell_texts(row_xml):
    """The displayed texts of a table row's cells, repeated cells expanded."""
    texts = []
    for m in re.finditer(r'<table:table-cell([^>]*?)(/>|>(.*?)</table:table-cell>)', row_xml, re.S):
        repeat = re.search(r'table:number-columns-repeated="(\d+)"', m.group(1))
        text = html.unescape("".join(re.findall(r"<text:p>([^<]*)</text:p>", m.group(3) or "")))
        texts += [text] * (int(repeat.group(1)) if repeat and int(repeat.group(1)) < 100 else 1)
    return texts


with open(os.path.join(source, "taxonomy", "fasttrack.yaml"), encoding="utf-8") as f:
    statuses = yaml.safe_load(f)["statuses"]
l2_names = {s["name"]["en"]: [c["name"]["en"] for c in s.get("children", [])] for s in statuses}

with tempfile.TemporaryDirectory() as tmp:
    book = os.path.join(tmp, "classified.xlsx")
    r = subprocess.run([ftstatus, "classify", os.path.join(source, "examples", "entitlements.csv"), "--as-of",
                        "2026-11-24", "-o", book], capture_output=True, text=True)
    check(r.returncode in (0, 1), "classify -o classified.xlsx exits 0 or 1, not %d: %s" % (r.returncode, r.stderr))

    content = to_ods(book, tmp)
    sheets = tables(content)
    check(list(sheets) == ["Data", "Taxonomy", "Summary"], "sheets as LibreOffice reads them: %s" % list(sheets))
    data = sheets.get("Data", "")
    check(len(re.findall(r'office:value-type="date"', data)) >= 50, "dates are dates on the data sheet")
    check(len(re.findall(r'office:value-type="float"', data)) >= 100, "numbers are numbers on the data sheet")
    # LibreOffice shows a boolean cell as =TRUE() / =FALSE(); anything else would be a formula we wrote.
    formulas = set(re.findall(r'table:formula="([^"]+)"', data)) - {"of:=TRUE()", "of:=FALSE()"}
    check(not formulas, "no formula on the data sheet: %s" % sorted(formulas)[:5])
    check(re.search(r'<table:database-range [^>]*table:target-range-address="Data\.A1:Data\.[A-Z]+\d+"[^>]*'
                    r'table:display-filter-buttons="true"', content) is not None, "autofilter on the data sheet")
    validations = re.findall(r"<table:content-validation .*?</table:content-validation>", content, re.S)
    conditions = [re.search(r'table:condition="([^"]*)"', v).group(1) for v in validations]
    check(len(validations) == 3, "three validations: %d" % len(validations))
    check(any("cell-content-is-in-list([$Taxonomy." in c for c in conditions), "L1 list from the Taxonomy sheet")
    check(any("OFFSET(" in c and "MATCH(" in c for c in conditions), "dependent L2 list (OFFSET/MATCH)")
    check(any("cell-content-is-date()" in c for c in conditions), "date validation")
    check(all("<table:help-message" in v for v in validations), "every validation has an input message")
    check(content.count("<draw:object") == 1, "one chart (on the Summary sheet)")
    check('table:name="Taxonomy" table:style-name="ta1" table:protected="true"' in content or
          re.search(r'<table:table table:name="Taxonomy"[^>]*table:protected="true"', content) is not None,
          "the Taxonomy sheet is protected")

    # The dependent list, evaluated by LibreOffice: the L2 column's formula with
    # its row's L1 cell replaced by a cell holding each L1 name in turn (an L1
    # without L2s, Duplicate/Invalid, lists one empty item).
    wb = openpyxl.load_workbook(book)
    ws = wb["Data"]
    header = [c.value for c in ws[1]]
    l1_letter = openpyxl.utils.get_column_letter(header.index("l1") + 1)
    l2_letter = openpyxl.utils.get_column_letter(header.index("l2") + 1)
    l2_rule = [v for v in ws.data_validations.dataValidation if str(v.sqref).startswith(l2_letter + "2")]
    check(len(l2_rule) == 1, "one validation on the L2 column")
    if l2_rule:
        formula = l2_rule[0].formula1
        check(f"${l1_letter}2" in formula, "the L2 list depends on the row's L1 cell: %s" % formula)
        probe = wb.create_sheet("Probe", 0)
        names = list(l2_names)
        for i, l1 in enumerate(names, start=1):
            probe.cell(row=i, column=1, value=l1)
            own = formula.replace(f"${l1_letter}2", f"Probe!$A{i}")
            for k in range(1, 12):
                probe.cell(row=i, column=k + 1, value=f'=IFERROR(INDEX({own},{k},1)&"","")')
        probed = os.path.join(tmp, "probe.xlsx")
        wb.save(probed)
        rows = re.findall(r"<table:table-row[^>]*>.*?</table:table-row>", tables(to_ods(probed, tmp))["Probe"], re.S)
        for i, l1 in enumerate(names):
            got = [t for t in cell_texts(rows[i])[1:] if t] if i < len(rows) else []
            check(got == l2_names[l1], "L2 dropdown under %s: %s, the taxonomy has %s" % (l1, got, l2_names[l1]))

if failures:
    print("%d failure(s)" % len(failures))
    sys.exit(1)
print("LibreOffice reads the workbook: sheets, typed cells, autofilter, validations, chart, protection; "
      "the L2 dropdown lists the right L2s under each of %d L1s" % len(l2_names))
