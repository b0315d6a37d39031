#!/usr/bin/python3
"""Seeds for xlsx_reader_fuzz: the workbook fixtures re-zipped without compression.

Usage: /usr/bin/python3 fuzz/xlsx_seeds.py OUTDIR
In a deflated zip almost every mutation breaks the compressed stream, so the
fuzzer rarely reaches the XML; stored entries put the sheet XML itself under
its mutations (libzip still reports the CRC mismatch, but only after the
part has been parsed).
"""
import sys
import zipfile
from pathlib import Path

fixtures = Path(__file__).resolve().parents[1] / "tests" / "xlsx" / "fixtures"
out = Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)
for book in sorted(fixtures.glob("*.xlsx")):
    try:
        with zipfile.ZipFile(book) as source, zipfile.ZipFile(out / ("stored-" + book.name), "w",
                                                              zipfile.ZIP_STORED) as target:
            for info in source.infolist():
                target.writestr(info.filename, source.read(info.filename))
    except zipfile.BadZipFile:
        pass  # the deliberately broken fixtures are seeds as they are
