#!/usr/bin/python3
"""Writes the fuzz targets' seed corpora, tests/fuzz/corpus/<target>/, from the tests' fixtures.

Usage: /usr/bin/python3 tests/fuzz/make_corpus.py   (re-run when fixtures change; commits the result)
Each seed starts with the parameter bytes its target reads first (see each fuzz_<target>.cpp).
Workbooks are re-zipped without compression, or split into their XML parts, so that mutations
reach the XML rather than break a deflate stream.
"""
import hashlib
import re
import shutil
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent / "corpus"
MAX_SEED = 16 * 1024  # small seeds mutate faster; the whole corpus stays well under 2 MB


def write(target, data):
    folder = OUT / target
    folder.mkdir(parents=True, exist_ok=True)
    data = data[:MAX_SEED]
    (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)


def literals(*paths):
    """The short string literals of test sources: cells the tests already care about."""
    found = set()
    for path in paths:
        for match in re.finditer(r'"((?:[^"\\\n]|\\.){1,60})"', path.read_text(encoding="utf-8")):
            text = match.group(1)
            text = re.sub(r"\\x([0-9A-Fa-f]{2})", lambda m: chr(int(m.group(1), 16)), text)
            text = text.replace('\\"', '"').replace("\\t", "\t").replace("\\n", "\n").replace("\\r", "\r")
            try:
                found.add(text.encode("latin-1") if any(0x80 <= ord(c) < 0x100 for c in text) else text.encode())
            except UnicodeEncodeError:
                found.add(text.encode())
    return sorted(found)


if OUT.exists():
    shutil.rmtree(OUT)

csv_files = sorted((ROOT / "examples").glob("*.csv")) + sorted((ROOT / "examples" / "exports").glob("*.csv")) + sorted(
    (ROOT / "tests" / "golden" / "inputs").glob("*.csv"))
for k, path in enumerate(csv_files):
    data = path.read_bytes()
    # fuzz_csv: delimiter choice, encoding choice, chunk size; fuzz_encoding: encoding and chunk; fuzz_classify: options.
    write("csv", bytes([k % 5, k % 3, 1 + k * 7 % 64]) + data)
    write("encoding", bytes([k * 5 % 256]) + data)
for k, text in enumerate([b"a,b\n1,2\n", b'"a""b",c\r\n"x\ny",\r\n', b"h1;h2\n;\n", b"x|y\n1|\"2|3\"\n",
                          b"\xff\xfea\x00,\x00b\x00\n\x00", b"\xfe\xff\x00a\x00,\x00b\x00\n", b"caf\xe9,na\xefve\n",
                          b"\xef\xbb\xbfcol\n\xef\xbb\xbfv\n", b"a\rb\rc\r"]):
    write("csv", bytes([k % 5, k % 5, 1 + k]) + text)
    write("encoding", bytes([k]) + text)

for text in literals(ROOT / "tests" / "model" / "dates_test.cpp", ROOT / "tests" / "model" / "date_test.cpp"):
    write("dates", text)
for text in [b"45000", b"45000.5", b"2958465", b"9999-12-31", b"0001-01-01", b"lunes, 2 de marzo de 2026",
             b"Monday, March 2, 2026", b"2 de marzo de 2027", b"Mar 2, 2026", b"31/12/9999", b"12/31/99"]:
    write("dates", text)

for text in literals(ROOT / "tests" / "model" / "names_test.cpp", ROOT / "tests" / "engine" / "columns_test.cpp"):
    write("folding", text)
for text in ["Migración", "L2 - Migración", "SÍ", "não", "1.200", "2 000", "-9223372036854775808", "IT Change",
             "on-premises", "Entitlement ID", "ß", "İstanbul", "ﬁ", "Å", "\u00a0x\u202f"]:
    write("folding", text.encode())

for path in [ROOT / "taxonomy" / "fasttrack.yaml", ROOT / "examples" / "custom-l3.yaml"] + sorted(
        (ROOT / "tests" / "golden" / "inputs").glob("*.yaml")):
    write("taxonomy", path.read_bytes()[:64 * 1024])

PARTS = ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
         "xl/sharedStrings.xml", "xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"]
for book in sorted((ROOT / "tests" / "xlsx" / "fixtures").glob("*.xls*")) + [ROOT / "examples" / "entitlements.xlsx"]:
    try:
        with zipfile.ZipFile(book) as source:
            names = set(source.namelist())
            parts = [source.read(name)[:MAX_SEED // 4] if name in names else b"" for name in PARTS]
            write("xlsx", b"\x00" + b"\x00".join(parts))
            if book.stat().st_size < MAX_SEED:
                stored = OUT / "stored.zip"
                with zipfile.ZipFile(stored, "w", zipfile.ZIP_STORED) as target:
                    for info in source.infolist():
                        target.writestr(info.filename, source.read(info.filename))
                write("xlsx", b"\x01" + stored.read_bytes())
                stored.unlink()
    except zipfile.BadZipFile:
        write("xlsx", b"\x01" + book.read_bytes())  # the deliberately broken fixtures, as they are

HEADER = b"ticket_id,priority,waiting,days_open,resolved,target_date,l1,l2\n"
for k, body in enumerate([
        b"T-1,high,false,31,false,2026-07-01,Open,In Work\nT-2,low,yes,2,no,,On Hold,Waiting\n",
        b"T-3,normal,,,true,15/07/2026,Closed,\nT-3,normal,,,,07/15/2026,,\n",
        b'"T-4","hi,gh",x,"1.200",0,45000,"Abierto","Nuevo"\nT-5\nT-6,low,false,1,false,2026-06-20,a,b,extra\n',
]):
    write("classify", bytes([k * 9]) + HEADER + body)
write("classify", b"\x02Ticket;Prioridad;Esperando;l1;l2\r\nA;low;s\xc3\xad;Open;Triage\r\n")
write("classify", b"\x00ticket_id,suggested_l1,rule,problems\nT-1,open,other,\n")

# fuzz_record_cuts: delimiter choice, CR-only and alignment, a two-byte split point; then the data.
for k, path in enumerate(csv_files):
    write("record_cuts", bytes([k % 4, k * 37 % 256, k * 11 % 256, k * 53 % 256]) + path.read_bytes())
for k, text in enumerate([b'a,b\r\nc\rd,"e\r\nf"\r\n', b'27" monitor,x\n"q\n",y\n', b'"a"b"c\n"d""\n\n",e\n',
                          b"a\rb\r\"c\rd\"\r\r\n", b"x" * 62 + b"\r\n\"" + b"y" * 60 + b"\"\n", b"a;\"b\tc\"\td\n"]):
    write("record_cuts", bytes([k, k * 2 + 1 if k % 2 else k * 2, 0, 40 + k]) + text)
