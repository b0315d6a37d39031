#!/usr/bin/python3
"""Makes the .xlsx test inputs of the workbook reader, and examples/entitlements.xlsx.

Run with Debian's python (openpyxl 3.0.9 lives there), from anywhere:
    /usr/bin/python3 tests/xlsx/make_fixtures.py          # write tests/xlsx/fixtures/*, examples/entitlements.xlsx,
                                                          # tests/xlsx/expected.md, then --check them
    /usr/bin/python3 tests/xlsx/make_fixtures.py --check  # make them aside; fail if the committed ones differ
    /usr/bin/python3 tests/xlsx/make_fixtures.py --bomb OUT.xlsx MIB   # a zip bomb made on the fly (not committed)

Output is byte-identical on every run: fixed document properties, and every zip is rewritten with fixed entry times.

openpyxl 3.0.9 writes every string as an inline string (t="inlineStr") and never writes sharedStrings.xml, unlike
Excel, which always uses the shared strings table. So after openpyxl saves, every workbook is post-processed: strings
move into a shared strings table (except the cells a fixture keeps inline on purpose), and the few things openpyxl
cannot write at all (rich text runs, formulas with cached values, missing r= references, ...) are patched into the
sheet XML. The --check mode reads every file back with a small independent reader (zipfile + ElementTree, not
openpyxl) that follows the rules in expected.md, and compares with the expected rows.
"""

import csv
import datetime
import io
import re
import sys
import tempfile
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import openpyxl
import yaml
from openpyxl.styles import Font
from openpyxl.utils.datetime import CALENDAR_MAC_1904

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "xlsx" / "fixtures"
EXPECTED_MD = ROOT / "tests" / "xlsx" / "expected.md"
EXAMPLE_CSV = ROOT / "examples" / "entitlements-excel-es.csv"
EXAMPLE_XLSX = ROOT / "examples" / "entitlements.xlsx"
TAXONOMY = ROOT / "taxonomy" / "fasttrack.yaml"

FIXED_TIME = datetime.datetime(2026, 1, 15, 9, 30, 0)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
SST_REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
SST_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
OLE_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")


def taxonomy_columns():
    """[(id, type, aliases)] from the built-in taxonomy's `columns:`, in order."""
    with open(TAXONOMY, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    return [(c["id"], c["type"], c.get("aliases", [])) for c in doc["columns"]]


COLUMNS = taxonomy_columns()
# The fixtures carry the taxonomy's columns (its last two are the current status l1, l2).
HEADER = [cid for cid, _, _ in COLUMNS]

D = datetime.date
# Four records of examples/entitlements.csv, as Python values (None = empty cell), in HEADER order.
BASE_ROWS = [
    ["FT-100001", "3f2a9c1e-7b4d-4e8a-9a51-0c6d2b7e4f10", "Contoso Ltd", "Exchange Online", D(2026, 3, 2), "active",
     True, 2, 1, True, "yes", None, None, "enabled", "in_progress", 1250, 4800, D(2027, 3, 31), "In Progress",
     "Migration"],
    ["FT-100002", "3f2a9c1e-7b4d-4e8a-9a51-0c6d2b7e4f10", "Contoso Ltd", "SharePoint Online", D(2026, 3, 2), "active",
     True, 2, 2, True, "yes", None, None, "onboarding", None, 0, 4800, D(2027, 1, 15), "En progreso",
     "Incorporación técnica"],
    ["FT-100006", "8b1d5e27-2c9f-41a6-b3d8-5e0f7a9c2d31", "Fabrikam, Inc.", "Outlook Mobile", D(2026, 5, 11), "active",
     False, 1, 1, True, None, None, None, None, None, None, 950, None, "Status Unknown",
     "New Subscription or Workload"],
    ["FT-100009", "c4e8a1b2-6d3f-4a97-8e25-1b9c0d7f3a42", "Northwind Traders", "Exchange Online", D(2026, 1, 20),
     "active", True, 4, 2, True, "no", None, "legal", None, None, None, 620, None, "No Intent",
     "Executive Sponsorship"],
]
COL = {cid: i for i, cid in enumerate(HEADER)}


def letter(index0):
    return openpyxl.utils.get_column_letter(index0 + 1)


def text_of(value):
    """The cell text a correct reader produces for a typed Python value (the convention of expected.md)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime.date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# ------------------------------------------------------------------------------------------------ zip post-processing


def read_entries(data):
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: z.read(name) for name in z.namelist()}


def write_entries(path, entries):
    """Writes a zip with fixed times and [Content_Types].xml first (as Excel does), so re-runs give the same bytes."""
    names = sorted(entries, key=lambda n: (n != "[Content_Types].xml", n))
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, entries[name])


INLINE_CELL = re.compile(r'<c r="(?P<ref>[A-Z]+[0-9]+)"(?P<attrs>[^>]*?) t="inlineStr"><is><t(?P<space>[^>]*)>'
                         r'(?P<text>.*?)</t></is></c>', re.S)


def move_strings_to_shared_table(entries, keep_inline=(), rich_shared=None):
    """Turns openpyxl's inline strings into shared strings (t="s"), as Excel writes them.

    keep_inline: cell refs (in any sheet) left as inline strings. rich_shared: {escaped text: <si> inner XML} writes
    that string's table entry as rich text runs instead of a plain <t>.
    """
    rich_shared = rich_shared or {}
    table, index_of = [], {}
    count = 0

    def to_shared(match):
        nonlocal count
        if match["ref"] in keep_inline:
            return match[0]
        key = (match["text"], match["space"])
        if key not in index_of:
            index_of[key] = len(table)
            table.append(key)
        count += 1
        return f'<c r="{match["ref"]}"{match["attrs"]} t="s"><v>{index_of[key]}</v></c>'

    for name in sorted(entries):
        if name.startswith("xl/worksheets/sheet") and name.endswith(".xml"):
            entries[name] = INLINE_CELL.sub(to_shared, entries[name].decode("utf-8")).encode("utf-8")
    if not table:
        return
    items = []
    for text, space in table:
        items.append(f"<si>{rich_shared[text]}</si>" if text in rich_shared else f"<si><t{space}>{text}</t></si>")
    entries["xl/sharedStrings.xml"] = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                                       f'<sst xmlns="{MAIN_NS}" count="{count}" uniqueCount="{len(table)}">' +
                                       "".join(items) + "</sst>").encode("utf-8")
    rels = entries["xl/_rels/workbook.xml.rels"].decode("utf-8")
    used = {int(n) for n in re.findall(r'Id="rId([0-9]+)"', rels)}
    rid = f"rId{max(used, default=0) + 1}"
    rels = rels.replace("</Relationships>",
                        f'<Relationship Id="{rid}" Type="{SST_REL_TYPE}" Target="sharedStrings.xml"/></Relationships>')
    entries["xl/_rels/workbook.xml.rels"] = rels.encode("utf-8")
    types = entries["[Content_Types].xml"].decode("utf-8")
    types = types.replace("</Types>",
                          f'<Override PartName="/xl/sharedStrings.xml" ContentType="{SST_CONTENT_TYPE}"/></Types>')
    entries["[Content_Types].xml"] = types.encode("utf-8")


def patch_cell(entries, sheet, ref, make):
    """Replaces the whole <c> element of cell `ref` in worksheet entry `sheet` by make(attrs_without_r_and_t, inner)."""
    xml = entries[sheet].decode("utf-8")
    pattern = re.compile(rf'<c r="{ref}"(?P<attrs>[^>]*?)(?:/>|>(?P<inner>.*?)</c>)', re.S)
    match = pattern.search(xml)
    assert match, f"{sheet}: no cell {ref}"
    attrs = re.sub(r' t="[^"]*"', "", match["attrs"])
    xml = xml[:match.start()] + make(attrs, match["inner"] or "") + xml[match.end():]
    entries[sheet] = xml.encode("utf-8")


def new_workbook(epoch=None):
    wb = openpyxl.Workbook()
    wb.properties.creator = "ftstatus tests/xlsx/make_fixtures.py"
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    if epoch is not None:
        wb.epoch = epoch
    return wb


def save(wb, path, keep_inline=(), rich_shared=None, patch=None):
    buffer = io.BytesIO()
    wb.save(buffer)
    entries = read_entries(buffer.getvalue())
    move_strings_to_shared_table(entries, keep_inline, rich_shared)
    if patch:
        patch(entries)
    write_entries(path, entries)


def put_row(ws, row, values, date_format="mm-dd-yy"):
    """Writes typed values; None leaves the cell out (Excel writes no <c> for an empty cell)."""
    for col, value in enumerate(values, start=1):
        if value is None:
            continue
        cell = ws.cell(row=row, column=col, value=value)
        if isinstance(value, datetime.date):
            cell.number_format = date_format


# --------------------------------------------------------------------------------------------------------- fixtures
# Each maker returns its entry of expected.md: what a correct reader yields for the default sheet (or the sheets named).

FIXTURE_LIST = []


def fixture(func):
    FIXTURE_LIST.append(func)
    return func


def expected_rows(rows):
    return [[text_of(v) for v in row] for row in rows]


@fixture
def typed():
    """Typed cells: ints as numbers, real booleans, dates with a built-in (id 14) and a custom (dd/mm/yyyy) date format,
    a numeric id in a string column, and a formula-looking string stored as text."""
    wb = new_workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(HEADER)
    rows = [list(r) for r in BASE_ROWS]
    rows[1][COL["customer"]] = "=SUM(A1)"  # text that looks like a formula: must stay text, never evaluated
    rows[3][COL["entitlement_id"]] = 100099  # a numeric id in a string column: the number as Excel stores it
    for r, values in enumerate(rows, start=2):
        put_row(ws, r, values)
        ws.cell(row=r, column=COL["target_date"] + 1).number_format = "dd/mm/yyyy"  # custom numFmt id >= 164
    ws.cell(row=3, column=COL["customer"] + 1).data_type = "s"  # openpyxl would otherwise write a formula
    save(wb, FIXTURES / "typed.xlsx")
    return dict(sheets={"Sheet1": [HEADER] + expected_rows(rows)},
                notes=["B-column GUIDs, enum values and statuses are shared strings.",
                       "added_on uses numFmtId 14 (built-in m/d/yy); target_date uses custom numFmtId 164 "
                       "`dd/mm/yyyy`; both columns are date columns anyway.",
                       "C3 is the shared string `=SUM(A1)` (t=\"s\"): text, not a formula (there is no `<f>`).",
                       "A5 is the number 100099 in the string column entitlement_id: text `100099`."])


@fixture
def shared_inline():
    """Shared strings, inline strings, a rich-text inline cell, rich text + phonetic run in the shared table, and XML
    escapes / significant spaces."""
    wb = new_workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(HEADER)
    rows = [list(r) for r in BASE_ROWS[:3]]
    rows[0][COL["customer"]] = "Contoso Ltd"  # C2: rich text runs in the shared table (+ a phonetic run to ignore)
    rows[1][COL["customer"]] = "Contoso Ltd"  # C3: rich text runs in an inline string
    rows[2][COL["customer"]] = "Fabrikam & Co <Norte>"  # C4: XML escapes, inline string
    rows[2][COL["workload"]] = "  Outlook Mobile "  # D4: leading/trailing spaces kept by xml:space="preserve"
    for r, values in enumerate(rows, start=2):
        put_row(ws, r, values)
    inline_refs = {"A2", "A3", "A4", "C3", "C4", "D4", "S3", "T3"}
    rich = ('<r><rPr><b/><sz val="11"/><rFont val="Calibri"/></rPr><t>Con</t></r>'
            '<r><rPr><sz val="11"/><rFont val="Calibri"/></rPr><t xml:space="preserve">toso Ltd</t></r>'
            '<rPh sb="0" eb="7"><t>コントソ</t></rPh><phoneticPr fontId="0" type="noConversion"/>')

    def runs_in_inline_cell(entries):
        patch_cell(entries, "xl/worksheets/sheet1.xml", "C3",
                   lambda attrs, inner: f'<c r="C3"{attrs} t="inlineStr"><is><r><t>Con</t></r>'
                   '<r><rPr><i/></rPr><t xml:space="preserve">toso Ltd</t></r></is></c>')

    save(wb, FIXTURES / "shared-inline.xlsx", keep_inline=inline_refs, rich_shared={"Contoso Ltd": rich},
         patch=runs_in_inline_cell)
    return dict(sheets={"Sheet1": [HEADER] + expected_rows(rows)},
                notes=["Inline strings (t=\"inlineStr\"): A2, A3, A4, C3, C4, D4, S3, T3; every other text is shared.",
                       "C2 is a shared string written as rich text runs `Con` + `toso Ltd`, followed by a phonetic "
                       "run `<rPh><t>コントソ</t></rPh>`: the text is `Contoso Ltd` (phonetic text is NOT part "
                       "of the value; concatenate only `<r><t>` and a direct `<t>` of `<si>`).",
                       "C3 is an inline string with rich text runs "
                       "`<is><r><t>Con</t></r><r>..<t>toso Ltd</t></r></is>`.",
                       "C4 is `Fabrikam & Co <Norte>` (escaped as `&amp;` `&lt;` `&gt;` in the XML).",
                       "D4 is `  Outlook Mobile ` with its spaces (xml:space=\"preserve\"); trimming is the CSV "
                       "layer's business, not the reader's."])


@fixture
def date1904():
    """The 1904 date system (`<workbookPr date1904="1"/>`): the same dates have serials 1462 days smaller."""
    wb = new_workbook(epoch=CALENDAR_MAC_1904)
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(HEADER)
    rows = [list(r) for r in BASE_ROWS[:2]]
    for r, values in enumerate(rows, start=2):
        put_row(ws, r, values, date_format="dd/mm/yyyy")
    save(wb, FIXTURES / "date1904.xlsx")
    return dict(sheets={"Sheet1": [HEADER] + expected_rows(rows)},
                notes=["E2 (2026-03-02) is stored as 44621, R2 (2027-03-31) as 44985: 1904 serial = days since "
                       "1904-01-01. Read with the 1900 system by mistake they would come out 4 years and 1 day early."])


@fixture
def sparse():
    """Sparse rows: cells only in A and F, a row missing altogether, a row of styled empty cells, missing trailing
    cells."""
    wb = new_workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(HEADER)
    full = list(BASE_ROWS[0])
    a_and_f = [None] * len(HEADER)
    a_and_f[0], a_and_f[5] = "FT-100040", "duplicate"
    trailing = list(BASE_ROWS[2][:5]) + [None] * (len(HEADER) - 5)
    put_row(ws, 2, full)
    put_row(ws, 3, a_and_f)
    # row 4: no <row> element at all (the r= numbers jump from 3 to 5)
    for col in (1, 2, 3):  # row 5: cells with a style but no value, <c r="A5" s="1"/>: an empty row
        ws.cell(row=5, column=col).font = Font(bold=True)
    put_row(ws, 6, trailing)
    save(wb, FIXTURES / "sparse.xlsx")
    rows = [full, a_and_f, trailing]
    return dict(sheets={"Sheet1": [HEADER] + expected_rows(rows)},
                notes=["Sheet rows 1, 2, 3, 6 are the header and the three records; sheet row 4 does not exist and "
                       "sheet row 5 holds only valueless styled cells (`<c r=\"A5\" s=\"2\" t=\"n\"></c>`): both are "
                       "blank lines, not rows (as in CSV). Problems on the last record name row 6 (e.g. `Sheet1!A6`).",
                       "Row 3 has only A3 and F3; row 6 has only A6:E6. Missing cells read as empty, padded to the "
                       "header's width."])


@fixture
def no_refs():
    """Cells and rows without r= attributes (some generators omit them; cells are then consecutive)."""
    wb = new_workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(HEADER)
    rows = [list(r) for r in BASE_ROWS[:3]]
    for r, values in enumerate(rows, start=2):
        put_row(ws, r, values)
        for c in range(1, len(HEADER) + 1):
            if values[c - 1] is None:  # without r= a gap would shift the columns: write <c s=".."/> (openpyxl skips a
                ws.cell(row=r, column=c).font = Font(italic=True)  # valueless cell unless it has a style)

    def strip_refs(entries):
        name = "xl/worksheets/sheet1.xml"
        xml = entries[name].decode("utf-8")
        xml = re.sub(r'(<(?:c|row)) r="[A-Z]*[0-9]+"', r"\1", xml)
        entries[name] = xml.encode("utf-8")

    save(wb, FIXTURES / "no-refs.xlsx", patch=strip_refs)
    return dict(sheets={"Sheet1": [HEADER] + expected_rows(rows)},
                notes=["No `<row>` or `<c>` has an r= attribute; a cell's column is its position in the row, a row's "
                       "number is one more than the previous row's. Empty cells are present as styled valueless cells "
                       "(`<c s=\"2\" t=\"n\"></c>`).",
                       "Problems still name cells: the second record is sheet row 3 (`Sheet1!A3` .. `Sheet1!T3`)."])


@fixture
def two_sheets():
    """Two sheets: a hidden "Notas" sheet with a note first, the data on "Derechos"; their part names and sheetIds are
    swapped (Derechos lives in sheet1.xml), so the reader must follow workbook.xml and its rels."""
    wb = new_workbook()
    notes = wb.active
    notes.title = "Notas"
    notes["A1"] = "Exportado del portal de socios. Los datos están en la hoja Derechos."
    notes.sheet_state = "hidden"
    data = wb.create_sheet("Derechos")
    wb.active = 1
    data.append(HEADER)
    rows = [list(r) for r in BASE_ROWS[:2]]
    for r, values in enumerate(rows, start=2):
        put_row(data, r, values)

    def swap_parts(entries):
        one, two = "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"
        entries[one], entries[two] = entries[two], entries[one]
        rels = entries["xl/_rels/workbook.xml.rels"].decode("utf-8")
        rels = rels.replace("sheet1.xml", "@@").replace("sheet2.xml", "sheet1.xml").replace("@@", "sheet2.xml")
        entries["xl/_rels/workbook.xml.rels"] = rels.encode("utf-8")
        book = entries["xl/workbook.xml"].decode("utf-8")
        book = book.replace('sheetId="1"', "@@").replace('sheetId="2"', 'sheetId="1"').replace("@@", 'sheetId="2"')
        entries["xl/workbook.xml"] = book.encode("utf-8")

    save(wb, FIXTURES / "two-sheets.xlsx", patch=swap_parts)
    return dict(sheets={"Derechos": [HEADER] + expected_rows(rows),
                        "Notas": [["Exportado del portal de socios. Los datos están en la hoja Derechos."]]},
                default="Derechos",
                notes=["workbook.xml order: Notas (state=\"hidden\", sheetId 2, part xl/worksheets/sheet2.xml), then "
                       "Derechos (sheetId 1, part xl/worksheets/sheet1.xml). The default sheet is Derechos (the first "
                       "visible sheet with data); `--sheet Derechos` and `--sheet 2` (position in workbook order, "
                       "counting hidden sheets) pick it too; `--sheet Notas` / `--sheet 1` give the note, whose header "
                       "lacks the required columns; `--sheet Datos` / `--sheet 3` are a missing sheet."])


@fixture
def empty_first_sheet():
    """A visible first sheet without any cell ("Portada"), the data on the second: the default skips empty sheets."""
    wb = new_workbook()
    wb.active.title = "Portada"
    data = wb.create_sheet("Derechos")
    data.append(HEADER)
    rows = [list(BASE_ROWS[0])]
    put_row(data, 2, rows[0])
    save(wb, FIXTURES / "empty-first-sheet.xlsx")
    return dict(sheets={"Derechos": [HEADER] + expected_rows(rows), "Portada": []}, default="Derechos",
                notes=["Portada is visible and its `<sheetData/>` is empty, so the default is Derechos."])


@fixture
def serial_text():
    """Dates as plain serials (no date format) in date columns, a date format on a number in a text column (date
    wins), the 1900 leap-year bug, a fractional serial, a `@`-formatted number, a quoted `d` that is not a date."""
    wb = new_workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(HEADER)
    rows = [list(r) for r in BASE_ROWS[:4]]
    for r, values in enumerate(rows, start=2):
        put_row(ws, r, values)
    e, r_, c, b, u = (COL[k] + 1 for k in ("added_on", "target_date", "customer", "tenant_id", "active_users"))
    # Row 2: added_on and target_date as bare serials, no number format (General).
    ws.cell(row=2, column=e, value=46083).number_format = "General"  # 2026-03-02
    ws.cell(row=2, column=r_, value=46477).number_format = "General"  # 2027-03-31
    # Row 3: a serial with a time of day; a number formatted as Text (numFmt 49 "@"); customer (text column) with
    # built-in date format 14.
    ws.cell(row=3, column=r_, value=46402.75).number_format = "General"  # 2027-01-15 18:00
    ws.cell(row=3, column=e, value=46083).number_format = "@"
    ws.cell(row=3, column=c, value=46083).number_format = "mm-dd-yy"
    # Row 4: customer with a custom Spanish long date format (locale prefix and quoted literals); active_users (int)
    # with a format whose quoted literal contains d/m/y letters but is not a date format.
    ws.cell(row=4, column=c, value=46153).number_format = '[$-es-ES]d" de "mmmm" de "yyyy'  # 2026-05-11
    ws.cell(row=4, column=u, value=640).number_format = '#,##0" usuarios de pago"'
    # Row 5: the 1900 leap-year bug: serial 59 is 1900-02-28, serial 61 is 1900-03-01 (Excel's 60 is 1900-02-29,
    # a day that does not exist); a date as text in a date column; a plain number in a text column.
    ws.cell(row=5, column=e, value=61).number_format = "General"
    ws.cell(row=5, column=r_, value=59).number_format = "General"
    ws.cell(row=5, column=c, value=12345)
    ws.cell(row=5, column=b, value="31/03/2027")
    save(wb, FIXTURES / "serial-text.xlsx")
    rows[0][COL["added_on"]], rows[0][COL["target_date"]] = D(2026, 3, 2), D(2027, 3, 31)
    rows[1][COL["added_on"]], rows[1][COL["target_date"]] = D(2026, 3, 2), D(2027, 1, 15)
    rows[1][COL["customer"]] = D(2026, 3, 2)
    rows[2][COL["customer"]], rows[2][COL["active_users"]] = D(2026, 5, 11), 640
    rows[3][COL["added_on"]], rows[3][COL["target_date"]] = D(1900, 3, 1), D(1900, 2, 28)
    rows[3][COL["customer"]], rows[3][COL["tenant_id"]] = 12345, "31/03/2027"
    return dict(sheets={"Sheet1": [HEADER] + expected_rows(rows)},
                notes=["E2 46083 and R2 46477 have no number format: dates because added_on/target_date are date "
                       "columns.",
                       "R3 46402.75 (General) is 2027-01-15 18:00: the date column keeps the day, 2027-01-15.",
                       "E3 46083 has numFmt 49 (`@`, Text) but is a number cell in a date column: 2026-03-02.",
                       "C3 46083 has numFmt 14 in the text column customer: shown as a date, read as `2026-03-02`.",
                       "C4 46153 has custom format `[$-es-ES]d\" de \"mmmm\" de \"yyyy`: a date, `2026-05-11`.",
                       "P4 640 has custom format `#,##0\" usuarios de pago\"`: the d in the quoted literal does "
                       "not make it a date (skip quoted text, [..] sections and \\-escaped characters when looking "
                       "for d/m/y); it is `640`.",
                       "E5 61 is 1900-03-01 and R5 59 is 1900-02-28 (Excel's 1900 leap-year bug: serials below 60 are "
                       "one day later than serial 61's arithmetic gives; 60 would be the non-existent 1900-02-29).",
                       "C5 is the number 12345 (General) in a text column: `12345`. B5 is the text `31/03/2027`."])


@fixture
def header_row3():
    """A title in A1 (merged across A1:E1), an empty row 2, the header on row 3."""
    wb = new_workbook()
    ws = wb.active
    ws.title = "Derechos"
    ws["A1"] = "Exportación de derechos FastTrack - socio Contoso"
    ws["A1"].font = Font(bold=True, size=14)
    ws.merge_cells("A1:E1")
    for col, name in enumerate(HEADER, start=1):
        ws.cell(row=3, column=col, value=name)
    rows = [list(r) for r in BASE_ROWS[:2]]
    for r, values in enumerate(rows, start=4):
        put_row(ws, r, values)
    save(wb, FIXTURES / "header-row3.xlsx")
    return dict(sheets={"Derechos": [["Exportación de derechos FastTrack - socio Contoso"], HEADER] +
                        expected_rows(rows)},
                notes=["Sheet rows: 1 = the title (A1 only; `<mergeCells>` has A1:E1, B1:E1 have no `<c>`), "
                       "2 = absent, 3 = the header, 4-5 = records.",
                       "The issue says \"the header is the first non-empty row\": taken literally that is the "
                       "title row and classify stops on missing columns; a reader that looks for the first row "
                       "naming known columns (or skips rows with a single cell) finds row 3 (the lead's reader does). "
                       "The listing shows every non-empty row."])


def spanish_header():
    with open(EXAMPLE_CSV, encoding="utf-8-sig", newline="") as f:
        return next(csv.reader(f, delimiter=";"))


# Two groups of a grouped header: Contacto over H..J, Estado actual over S..T, and the labels under them.
GROUPS = [("Contacto", 7, 9), ("Estado actual", 18, 19)]
SUB_LABELS = {7: "Intentos de contacto", 8: "Canales de contacto", 9: "El cliente respondió", 18: "L1", 19: "L2"}


def grouped_header_as_read():
    names = spanish_header()
    for label, first, last in GROUPS:
        for c in range(first, last + 1):
            names[c] = f"{label} {SUB_LABELS[c]}"
    return names


@fixture
def grouped_header():
    """A title merged across A1:T1, then a header over rows 2-3: group labels merged across the columns they head
    (Contacto H2:J2, Estado actual S2:T2) with sub-labels on row 3, every other label merged down (A2:A3 ...)."""
    wb = new_workbook()
    ws = wb.active
    ws.title = "Derechos"
    ws["A1"] = "Derechos FastTrack por cliente"
    ws.merge_cells("A1:T1")
    names = spanish_header()
    grouped = {c for _, first, last in GROUPS for c in range(first, last + 1)}
    for c, name in enumerate(names):
        if c not in grouped:
            ws.cell(row=2, column=c + 1, value=name)
            ws.merge_cells(f"{letter(c)}2:{letter(c)}3")
    for label, first, last in GROUPS:
        ws.cell(row=2, column=first + 1, value=label)
        ws.merge_cells(f"{letter(first)}2:{letter(last)}2")
        for c in range(first, last + 1):
            ws.cell(row=3, column=c + 1, value=SUB_LABELS[c])
    rows = [list(r) for r in BASE_ROWS[:2]]
    for r, values in enumerate(rows, start=4):
        put_row(ws, r, values, date_format="dd/mm/yyyy")
    save(wb, FIXTURES / "grouped-header.xlsx")
    row2 = [("" if c in grouped else n) for c, n in enumerate(names)]
    for label, first, _ in GROUPS:
        row2[first] = label
    row3 = [SUB_LABELS.get(c, "") for c in range(len(names))]
    return dict(sheets={"Derechos": [["Derechos FastTrack por cliente"], row2[:-1], row3] + expected_rows(rows)},
                header=(2, grouped_header_as_read()),
                notes=["Only top-left cells of merged ranges hold values (openpyxl writes no `<c>` for the others; "
                       "Excel writes empty styled ones); `<mergeCells>` comes after `<sheetData>`.",
                       "The reader joins each column's labels top to bottom, the merged ones spread over their "
                       "range, a label repeated downwards once: H is `Contacto Intentos de contacto`, A is "
                       "`ID de derecho`. The header is sheet row 2; records start on row 4."])


@fixture
def sub_label_header():
    """Group labels merged across the columns they head on row 1 (Contacto H1:J1, Estado actual S1:T1) and every
    column's own label on row 2: nothing merged downwards."""
    wb = new_workbook()
    ws = wb.active
    ws.title = "Derechos"
    names = spanish_header()
    for label, first, last in GROUPS:
        ws.cell(row=1, column=first + 1, value=label)
        ws.merge_cells(f"{letter(first)}1:{letter(last)}1")
    for c, name in enumerate(names):
        ws.cell(row=2, column=c + 1, value=SUB_LABELS.get(c, name))
    rows = [list(r) for r in BASE_ROWS[:2]]
    for r, values in enumerate(rows, start=3):
        put_row(ws, r, values, date_format="dd/mm/yyyy")
    save(wb, FIXTURES / "sub-label-header.xlsx")
    row1 = [""] * len(names)
    for label, first, _ in GROUPS:
        row1[first] = label
    row2 = [SUB_LABELS.get(c, n) for c, n in enumerate(names)]
    return dict(sheets={"Derechos": [row1[:-1], row2] + expected_rows(rows)},
                header=(2, grouped_header_as_read()),
                notes=["Row 1 has two labels, so it is where the header starts; its merged labels have text under "
                       "every column they span on row 2, so row 2 is the header's second row."])


@fixture
def errors():
    """Excel error values (t="e") in an int, a date and another int column, and the text "#N/A" that is not an error."""
    wb = new_workbook()
    ws = wb.active
    ws.title = "Derechos"
    ws.append(HEADER)
    rows = [list(r) for r in BASE_ROWS[:3]]
    rows[0][COL["contact_attempts"]] = "#N/A"
    rows[1][COL["added_on"]] = "#VALUE!"
    rows[1][COL["eligible_seats"]] = "#DIV/0!"
    rows[2][COL["customer"]] = "#N/A"
    for r, values in enumerate(rows, start=2):
        put_row(ws, r, values)
    ws.cell(row=4, column=COL["customer"] + 1).data_type = "s"  # C4 is text, not an error value
    save(wb, FIXTURES / "errors.xlsx")
    return dict(sheets={"Derechos": [HEADER] + expected_rows(rows)},
                errors=["Derechos!H2 #N/A", "Derechos!E3 #VALUE!", "Derechos!Q3 #DIV/0!"],
                notes=["H2 (contact_attempts, int) is `<c t=\"e\"><v>#N/A</v></c>`: an invalid_value problem naming "
                       "`Derechos!H2`. E3 #VALUE! (added_on) and Q3 #DIV/0! (eligible_seats) likewise.",
                       "C4 is the shared STRING `#N/A` (t=\"s\"): a customer name, not an error."])


@fixture
def formulas():
    """Formula cells with cached values (t="str", t="b", numbers, a date, a shared formula, an error) and one without
    a cached value."""
    wb = new_workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(HEADER)
    rows = [list(r) for r in BASE_ROWS[:2]]
    for r, values in enumerate(rows, start=2):
        put_row(ws, r, values)
    ws["Z1"] = "note"  # a column beyond the header width, to carry a formula with no cached value
    ws["Z2"] = 0
    sheet = "xl/worksheets/sheet1.xml"

    def add_formulas(entries):
        patch_cell(entries, sheet, "C2", lambda a, i: f'<c r="C2"{a} t="str"><f>"Contoso"&amp;" Ltd"</f>'
                   '<v>Contoso Ltd</v></c>')
        patch_cell(entries, sheet, "G2", lambda a, i: f'<c r="G2"{a} t="b"><f>TRUE()</f><v>1</v></c>')
        patch_cell(entries, sheet, "H2", lambda a, i: f'<c r="H2"{a}><f>1+1</f><v>2</v></c>')
        patch_cell(entries, sheet, "E2", lambda a, i: f'<c r="E2"{a}><f>DATE(2026,3,2)</f>{i}</c>')
        patch_cell(entries, sheet, "Q2", lambda a, i: f'<c r="Q2"{a}><f t="shared" ref="Q2:Q3" si="0">4000+800</f>'
                   '<v>4800</v></c>')
        patch_cell(entries, sheet, "Q3", lambda a, i: f'<c r="Q3"{a}><f t="shared" si="0"/><v>4800</v></c>')
        patch_cell(entries, sheet, "I3", lambda a, i: f'<c r="I3"{a} t="e"><f>1/0</f><v>#DIV/0!</v></c>')
        patch_cell(entries, sheet, "Z2", lambda a, i: f'<c r="Z2"{a}><f>NOW()</f></c>')

    save(wb, FIXTURES / "formulas.xlsx", patch=add_formulas)
    header = HEADER + [""] * 5 + ["note"]
    rows[1][COL["contact_channels"]] = "#DIV/0!"
    expected = [header] + [r + [""] * 6 for r in expected_rows(rows)]
    return dict(sheets={"Sheet1": expected}, errors=["Sheet1!I3 #DIV/0!"],
                notes=["Formulas are never evaluated; the cached `<v>` is the value: C2 t=\"str\" `Contoso Ltd`, G2 "
                       "t=\"b\" TRUE, H2 2, E2 (date format) 2026-03-02, Q2/Q3 a shared formula (Q3's `<f>` is empty) "
                       "4800, I3 t=\"e\" #DIV/0! (an error value like errors.xlsx).",
                       "Z1 `note` is an extra column with a header name no column knows (columns V:Y have no header); "
                       "Z2 is a formula without a cached value (`<f>NOW()</f>` and no `<v>`): empty."])


# ---------------------------------------------------------------------------------------------------------- bad files


@fixture
def bad_files():
    """truncated.xlsx, corrupt.xlsx, not-a-workbook.xlsx, old.xls, encrypted.xlsx (each must exit 2, never crash)."""
    good = (FIXTURES / "typed.xlsx").read_bytes()
    # truncated.xlsx: the first half of typed.xlsx - the central directory at the end of the zip is gone.
    (FIXTURES / "truncated.xlsx").write_bytes(good[:len(good) // 2])
    # corrupt.xlsx: a well-formed zip and workbook whose sheet XML breaks off inside an unclosed <row> tag.
    entries = read_entries(good)
    sheet = entries["xl/worksheets/sheet1.xml"].decode("utf-8")
    cut = sheet.index('<row r="3"')
    entries["xl/worksheets/sheet1.xml"] = (sheet[:cut] + '<row r="3"><c r="A3" t="s"><v>0</v></c><c r="B3"').encode()
    write_entries(FIXTURES / "corrupt.xlsx", entries)
    # not-a-workbook.xlsx: a valid zip holding one text file.
    write_entries(FIXTURES / "not-a-workbook.xlsx", {"readme.txt": b"This zip holds no workbook.\n"})
    # old.xls: the OLE2 compound-file signature, a plausible header, the UTF-16 stream name "Workbook", filler.
    (FIXTURES / "old.xls").write_bytes(ole_file(["Root Entry", "Workbook", "\x05SummaryInformation"]))
    # encrypted.xlsx: what Excel writes for a password-protected workbook - an OLE file with EncryptionInfo and
    # EncryptedPackage streams (names in UTF-16LE within the first 4 KiB), not a zip.
    (FIXTURES / "encrypted.xlsx").write_bytes(
        ole_file(["Root Entry", "EncryptionInfo", "EncryptedPackage", "\x06DataSpaces"]))
    return None


def ole_file(stream_names):
    """A 4 KiB stand-in for an OLE2 compound file: the 512-byte header, then directory entries (128 bytes each, the
    name as UTF-16LE and its byte length) at sector 1 (offset 1024), then 0xFF filler. Not a complete compound file;
    the signature and the names are what a reader checks."""
    header = bytearray(512)
    header[0:8] = OLE_SIGNATURE
    header[0x18:0x1A] = (0x3E).to_bytes(2, "little")  # minor version
    header[0x1A:0x1C] = (3).to_bytes(2, "little")  # major version 3 (512-byte sectors)
    header[0x1C:0x1E] = (0xFFFE).to_bytes(2, "little")  # little-endian byte order mark
    header[0x1E:0x20] = (9).to_bytes(2, "little")  # sector shift: 2^9 = 512
    header[0x20:0x22] = (6).to_bytes(2, "little")  # mini sector shift: 2^6 = 64
    header[0x30:0x34] = (1).to_bytes(4, "little")  # first directory sector
    body = bytearray(b"\xff" * 512)  # sector 0 (FAT), filler
    for name in stream_names:
        entry = bytearray(128)
        encoded = (name + "\0").encode("utf-16-le")
        entry[0:len(encoded)] = encoded
        entry[0x40:0x42] = len(encoded).to_bytes(2, "little")
        entry[0x42] = 5 if name == "Root Entry" else 2  # object type: root storage / stream
        body += entry
    data = bytes(header) + bytes(body)
    return data + b"\xff" * (4096 - len(data))


def make_bomb(path, mebibytes):
    """A zip bomb on the fly: a workbook whose sheet XML inflates to `mebibytes` MiB of one repeated row."""
    wb = new_workbook()
    wb.active.append(HEADER)
    buffer = io.BytesIO()
    wb.save(buffer)
    entries = read_entries(buffer.getvalue())
    sheet = entries["xl/worksheets/sheet1.xml"]
    head, tail = sheet.split(b"</sheetData>")
    row = b'<row><c t="inlineStr"><is><t>FT-1</t></is></c></row>'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries.items():
            if name != "xl/worksheets/sheet1.xml":
                z.writestr(zipfile.ZipInfo(name, date_time=ZIP_TIME), data, zipfile.ZIP_DEFLATED)
        info = zipfile.ZipInfo("xl/worksheets/sheet1.xml", date_time=ZIP_TIME)
        info.compress_type = zipfile.ZIP_DEFLATED
        chunk = row * (1024 * 1024 // len(row))
        with z.open(info, "w", force_zip64=True) as out:
            out.write(head)
            for _ in range(mebibytes):
                out.write(chunk)
            out.write(b"</sheetData>" + tail)


# ------------------------------------------------------------------------------------- examples/entitlements.xlsx


def header_types():
    """Header text (case-folded) -> column type, from the taxonomy's ids and aliases."""
    types = {}
    for cid, ctype, aliases in COLUMNS:
        for name in [cid] + list(aliases):
            types[name.casefold()] = ctype
    return types


BOOL_TEXT = {"sí": True, "si": True, "no": False, "verdadero": True, "falso": False, "true": True,
             "false": False}


def typed_value(text, ctype):
    """The typed cell for a CSV field: None for empty, a bool/int/date where the text is clean, else the text."""
    if text == "":
        return None
    if ctype == "bool" and text.casefold() in BOOL_TEXT:
        return BOOL_TEXT[text.casefold()]
    if ctype == "int" and re.fullmatch(r"-?[0-9]+", text):
        return int(text)
    if ctype == "date" and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
        return datetime.date.fromisoformat(text)
    return text


def example_workbook():
    with open(EXAMPLE_CSV, encoding="utf-8-sig", newline="") as f:
        records = list(csv.reader(f, delimiter=";"))
    header, body = records[0], records[1:]
    types = header_types()
    wb = new_workbook()
    ws = wb.active
    ws.title = "Derechos"
    ws.append(header)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"
    kept_text = []
    for r, record in enumerate(body, start=2):
        for c, (name, text) in enumerate(zip(header, record), start=1):
            ctype = types.get(name.casefold(), "string")
            value = typed_value(text, ctype)
            if value is None:
                continue
            cell = ws.cell(row=r, column=c, value=value)
            if isinstance(value, datetime.date):
                cell.number_format = "dd/mm/yyyy"
            elif isinstance(value, str):
                cell.data_type = "s"  # never a formula, whatever the text starts with
                if ctype in ("bool", "int", "date"):
                    kept_text.append(f"{letter(c - 1)}{r} {text!r}")
    for c, name in enumerate(header, start=1):
        longest = max(len(name), *(len(rec[c - 1]) for rec in body))
        ws.column_dimensions[letter(c - 1)].width = min(max(longest, 10) + 2, 48)
    save(wb, EXAMPLE_XLSX)
    rows = [header] + [[text_of(typed_value(t, types.get(n.casefold(), "string"))) for n, t in zip(header, rec)]
                       for rec in body]
    return rows, kept_text


# ---------------------------------------------------------------------------------------- independent reference reader


def q(tag):
    return f"{{{MAIN_NS}}}{tag}"


def run_text(node):
    """The text of an <si> or <is>: its own <t>, or its runs' <t> in order; never the phonetic <rPh> runs."""
    parts = [node.find(q("t"))] + [run.find(q("t")) for run in node.findall(q("r"))]
    return "".join(t.text or "" for t in parts if t is not None)


def is_date_format(num_fmt_id, code):
    if 14 <= num_fmt_id <= 22 or 45 <= num_fmt_id <= 47:
        return True
    if code is None:
        return False
    stripped = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.|_.|\*.', "", code)
    stripped = stripped.split(";")[0]
    return bool(re.search(r"[dmyDMY]", stripped)) and not re.search(r"[0#?]", stripped)


def serial_to_date(serial, date1904):
    days = int(serial // 1)
    if date1904:
        return datetime.date(1904, 1, 1) + datetime.timedelta(days=days)
    if days < 61:  # Excel counts a 1900-02-29 that never was: serial 1 is 1900-01-01, 59 is 1900-02-28
        return datetime.date(1899, 12, 31) + datetime.timedelta(days=days)
    return datetime.date(1899, 12, 30) + datetime.timedelta(days=days)


def col_index(ref):
    letters = re.match(r"[A-Z]+", ref)[0]
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def reference_read(path):
    """{sheet name: [rows of cell texts]}, errors: ['Sheet!A1 #N/A'], hidden: {names}. Column types come from the
    header row of each sheet (the first non-empty row whose cells name known columns, as described in expected.md)."""
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        book = ElementTree.fromstring(z.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(z.read("xl/_rels/workbook.xml.rels"))
        target = {r.get("Id"): r.get("Target") for r in rels}
        shared = []
        if "xl/sharedStrings.xml" in names:
            for si in ElementTree.fromstring(z.read("xl/sharedStrings.xml")).findall(q("si")):
                shared.append(run_text(si))
        styles = ElementTree.fromstring(z.read("xl/styles.xml"))
        codes = {int(f.get("numFmtId")): f.get("formatCode") for f in styles.iter(q("numFmt"))}
        xf_is_date = [is_date_format(int(xf.get("numFmtId", "0")), codes.get(int(xf.get("numFmtId", "0"))))
                      for xf in styles.find(q("cellXfs"))]
        pr = book.find(q("workbookPr"))
        date1904 = pr is not None and pr.get("date1904") in ("1", "true")
        known = header_types()
        known.update({"l1": "string", "l2": "string", "l3": "string"})
        sheets, errors, hidden = {}, [], set()
        for sheet in book.find(q("sheets")):
            name = sheet.get("name")
            if sheet.get("state") in ("hidden", "veryHidden"):
                hidden.add(name)
            part = target[sheet.get(f"{{{REL_NS}}}id")].lstrip("/")
            part = part if part.startswith("xl/") else "xl/" + part
            root = ElementTree.fromstring(z.read(part))
            rows, col_types, row_number = [], None, 0
            for row in root.find(q("sheetData")):
                row_number = int(row.get("r")) if row.get("r") else row_number + 1
                cells, position = {}, -1
                for c in row.findall(q("c")):
                    position = col_index(c.get("r")) if c.get("r") else position + 1
                    kind, v, style = c.get("t", "n"), c.find(q("v")), int(c.get("s", "0"))
                    ref = f"{letter(position)}{row_number}"
                    if kind == "inlineStr":
                        text = run_text(c.find(q("is")))
                    elif v is None or v.text is None:
                        continue
                    elif kind == "s":
                        text = shared[int(v.text)]
                    elif kind == "str":
                        text = v.text
                    elif kind == "b":
                        text = "TRUE" if v.text == "1" else "FALSE"
                    elif kind == "e":
                        errors.append(f"{name}!{ref} {v.text}")
                        text = v.text
                    else:
                        ctype = col_types[position] if col_types and position < len(col_types) else None
                        if ctype == "date" or xf_is_date[style]:
                            text = serial_to_date(float(v.text), date1904).isoformat()
                        else:
                            number = float(v.text)
                            text = str(int(number)) if number.is_integer() and "E" not in v.text.upper() else v.text
                    if text != "":
                        cells[position] = text
                if not cells:
                    continue
                width = max(cells) + 1
                values = [cells.get(i, "") for i in range(width)]
                if col_types is None and sum(v.casefold() in known for v in values) >= 2:
                    col_types = [known.get(v.casefold()) for v in values]
                if col_types:
                    values += [""] * (len(col_types) - len(values))
                rows.append(values)
            sheets[name] = rows
        return sheets, errors, hidden


# --------------------------------------------------------------------------------------------------- expected.md


def markdown_table(rows):
    if not rows:
        return "(no rows)\n"
    width = max(len(r) for r in rows)
    lines = []
    for i, row in enumerate(rows):
        cells = [c.replace("|", "\\|") for c in row] + [""] * (width - len(row))
        cells = ["`" + c + "`" if c.strip() != c or re.search(r"[<>&`]", c) else c for c in cells]
        lines.append("| " + " | ".join(cells) + " |")
        if i == 0:
            lines.append("|" + "---|" * width)
    return "\n".join(lines) + "\n"


BAD_FILES = [
    ("truncated.xlsx", "the first half of typed.xlsx: a zip without its central directory",
     "exit 2, the file is a damaged or incomplete workbook (libzip: not a zip archive / premature end)"),
    ("corrupt.xlsx", "a valid zip and workbook whose xl/worksheets/sheet1.xml stops inside an unclosed `<row>` "
     "(expat: no element found / unclosed token)", "exit 2, naming the sheet part and the XML error; no rows"),
    ("not-a-workbook.xlsx", "a valid zip holding only readme.txt (no [Content_Types].xml, no xl/workbook.xml)",
     "exit 2, the zip is not an Excel workbook"),
    ("old.xls", "4 KiB: the OLE2 signature D0 CF 11 E0 A1 B1 1A E1, a header, the UTF-16LE stream names Root Entry "
     "and Workbook, 0xFF filler", "exit 2, an old binary Excel file: save it as .xlsx or CSV"),
    ("encrypted.xlsx", "4 KiB: the OLE2 signature and the UTF-16LE stream names EncryptionInfo and EncryptedPackage "
     "(at offset 1152 and 1280)", "exit 2, a password-protected workbook: remove the password (or save as CSV)"),
]


def expected_markdown(results, example_rows, kept_text):
    out = ["# xlsx fixtures: what a correct reader produces\n",
           "Generated by `/usr/bin/python3 tests/xlsx/make_fixtures.py` together with the fixtures in `fixtures/` "
           "(do not edit by hand: change the script and re-run it; it re-reads every file with its own small reader "
           "and fails if a file disagrees with this page).\n",
           "## Conventions\n",
           "- Rows are listed as cell texts, one table per sheet, in sheet order; a blank row (no cell with a "
           "value) is not listed, as blank lines are not rows in CSV. Missing cells are empty; rows are padded "
           "to the header's width.",
           "- Text cells (shared strings t=\"s\", inline strings t=\"inlineStr\", formula strings t=\"str\") are their "
           "text exactly, spaces included; rich text is the concatenation of its runs' `<t>` (never the "
           "phonetic `<rPh>`).",
           "- In the tables a cell in backticks is literal text (it has spaces at an end, or characters Markdown "
         "would eat); the backticks are not part of it.",
         "- Booleans (t=\"b\") are `TRUE` / `FALSE`.",
           "- Numbers are the `<v>` text as Excel stores it, an integral value without a fraction (`1200`, `3.5`).",
           "- A number is a date, written `YYYY-MM-DD`, when its column is a date column (added_on, target_date) OR "
           "its cell style's number format is a date format (built-in ids 14-22 and 45-47, or a custom code with d, m "
           "or y outside quotes, [..] and \\-escapes and no 0 # ?). The time of day is dropped. 1900 system: serial "
           "61 is 1900-03-01, serials 1-59 are one day later than that arithmetic (Excel's 1900 leap-year bug). 1904 "
           "system (`<workbookPr date1904=\"1\"/>`): days since 1904-01-01.",
           "- Error values (t=\"e\") are listed with their text (`#N/A`); the reader must turn them into an "
           "invalid_value problem naming the cell (listed under *errors*).",
           "- Cells are named `Sheet!A1`; r= attributes give the positions (see no-refs.xlsx for when they are "
           "missing).",
           "- Columns in the fixtures: the taxonomy's 20 column ids, entitlement_id .. target_date, l1, l2 (A..T).",
           "- What openpyxl's files look like (and Excel's may not): sheet XML without an XML declaration; "
           "non-ASCII text as numeric character references (`Incorporaci&#243;n`); an explicit t=\"n\" on numbers; "
           "valueless styled cells as `<c r=\"A5\" s=\"2\" t=\"n\"></c>`; worksheet relationship targets "
           "absolute (`/xl/worksheets/sheet1.xml`) while styles.xml and sharedStrings.xml are relative to xl/ - "
           "resolve both. sharedStrings.xml is added by the script (openpyxl 3.0.9 writes inline strings only).\n"]
    for name, result in results:
        out.append(f"## {name}\n")
        out.append(result["doc"] + "\n")
        default = result.get("default")
        if default:
            out.append(f"Default sheet: **{default}**.\n")
        for note in result.get("notes", []):
            out.append(f"- {note}")
        out.append("")
        for sheet, rows in result["sheets"].items():
            out.append(f"Sheet **{sheet}**:\n")
            out.append(markdown_table(rows))
        if result.get("header"):
            count, names = result["header"]
            out.append(f"Header as read ({count} rows): " + markdown_table([names]).splitlines()[0] + "\n")
        if result.get("errors"):
            out.append("Errors: " + ", ".join(f"`{e}`" for e in result["errors"]) + "\n")
    out.append("## Bad files\n")
    out.append("None of these may crash, hang or read much memory; each exits 2 with a message saying what the file "
               "is and what to do. A zip bomb is made on the fly: `make_fixtures.py --bomb OUT.xlsx 2048` writes a "
               "workbook whose sheet inflates to 2 GiB (about 6.5 MiB on disk, a ratio near 330:1).\n")
    out.append("| file | what it is | expected |\n|---|---|---|")
    for name, what, expected in BAD_FILES:
        out.append(f"| {name} | {what} | {expected} |")
    out.append("")
    out.append("## examples/entitlements.xlsx\n")
    out.append("examples/entitlements-excel-es.csv as a workbook: sheet **Derechos**, the CSV's Spanish headers (bold, "
               "frozen), ints as numbers, `sí`/`no` in the bool columns (Tiene Exchange, El cliente respondió) as "
               "real booleans, dates as Excel dates formatted dd/mm/yyyy, every other field as text (Intención's "
               "`sí`/`no` are enum values, so they stay text). Empty CSV fields are absent cells. It must classify "
               "with no flags to the same statuses as the CSV.\n")
    if kept_text:
        out.append("Cells kept as text in a typed column (not a clean value): " + ", ".join(kept_text) + "\n")
    else:
        out.append("Every field of a bool, int or date column was a clean value, so none is kept as text.\n")
    out.append(markdown_table(example_rows))
    return "\n".join(out)


def check(results, example_rows):
    failures = 0
    for name, result in results:
        sheets, errors, hidden = reference_read(FIXTURES / name)
        for sheet, rows in result["sheets"].items():
            if sheets.get(sheet) != rows:
                failures += 1
                print(f"MISMATCH {name} sheet {sheet}:\n  expected {rows}\n  read     {sheets.get(sheet)}")
        if sorted(errors) != sorted(result.get("errors", [])):
            failures += 1
            print(f"MISMATCH {name} errors: expected {result.get('errors', [])}, read {errors}")
    sheets, errors, _ = reference_read(EXAMPLE_XLSX)
    if sheets.get("Derechos") != example_rows or errors:
        failures += 1
        print(f"MISMATCH examples/entitlements.xlsx:\n  expected {example_rows}\n  read     {sheets}")
    for name, _, _ in BAD_FILES:
        data = (FIXTURES / name).read_bytes()
        if name in ("old.xls", "encrypted.xlsx"):
            ok = data.startswith(OLE_SIGNATURE) and (("EncryptedPackage".encode("utf-16-le") in data[:4096]) ==
                                                     (name == "encrypted.xlsx"))
        else:
            try:
                reference_read(FIXTURES / name)
                ok = False
            except (zipfile.BadZipFile, ElementTree.ParseError, KeyError):
                ok = True
        if not ok:
            failures += 1
            print(f"MISMATCH {name}: not bad in the intended way")
    return failures


def make_all():
    """Writes every fixture; returns [(file name, expectation)] of the readable ones (bad_files has none)."""
    results = []
    for maker in FIXTURE_LIST:
        result = maker()
        if result is not None:
            result["doc"] = " ".join(maker.__doc__.split())
            results.append((maker.__name__.replace("_", "-") + ".xlsx", result))
    return results


def main(argv):
    global FIXTURES, EXAMPLE_XLSX
    if len(argv) == 4 and argv[1] == "--bomb":
        make_bomb(Path(argv[2]), int(argv[3]))
        return 0
    only_check = argv[1:] == ["--check"]
    if len(argv) != 1 and not only_check:
        print(__doc__, file=sys.stderr)
        return 2
    committed_fixtures, committed_example = FIXTURES, EXAMPLE_XLSX
    failures = 0
    with tempfile.TemporaryDirectory(prefix="xlsx-fixtures-") as scratch:
        if only_check:  # the expectations are made with the files: make them aside and compare with the committed
            FIXTURES, EXAMPLE_XLSX = Path(scratch) / "fixtures", Path(scratch) / "entitlements.xlsx"
        results = make_all()
        example_rows, kept_text = example_workbook()
        expected_md = expected_markdown(results, example_rows, kept_text)
        if only_check:
            fresh_files = [(f, committed_fixtures / f.name) for f in sorted(FIXTURES.iterdir())]
            for fresh, committed in fresh_files + [(EXAMPLE_XLSX, committed_example)]:
                if not committed.exists() or fresh.read_bytes() != committed.read_bytes():
                    failures += 1
                    print(f"STALE {committed}: re-run make_fixtures.py")
            if EXPECTED_MD.read_text(encoding="utf-8") != expected_md:
                failures += 1
                print(f"STALE {EXPECTED_MD}: re-run make_fixtures.py")
            FIXTURES, EXAMPLE_XLSX = committed_fixtures, committed_example
        else:
            EXPECTED_MD.write_text(expected_md, encoding="utf-8")
    failures += check(results, example_rows)
    print(f"{len(results) + len(BAD_FILES) + 1} files, {failures} problem(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
