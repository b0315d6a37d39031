#!/usr/bin/env python3
# Usage: /usr/bin/python3 bench/make_xlsx.py IN.csv OUT.xlsx  (IN.csv from bench/run, e.g. ${TMPDIR:-/tmp}/ftstatus-bench-v2-1000000.csv)
# 1M-row workbook from the bench CSV: shared strings for text (as Excel writes), numbers as numbers.
import csv, sys, zipfile
src, dst = sys.argv[1], sys.argv[2]
strings = {}; order = []
def sid(s):
    i = strings.get(s)
    if i is None:
        i = strings[s] = len(order); order.append(s)
    return i
def col(i):
    s = ''
    i += 1
    while i: i, r = divmod(i - 1, 26); s = chr(65 + r) + s
    return s
from xml.sax.saxutils import escape
z = zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED)
with z.open('xl/worksheets/sheet1.xml', 'w', force_zip64=True) as f:
    f.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
    cols = [col(i) for i in range(40)]
    for n, row in enumerate(csv.reader(open(src, encoding='utf-8')), 1):
        parts = ['<row r="%d">' % n]
        for i, v in enumerate(row):
            if v == '': continue
            ref = cols[i] + str(n)
            if v.isdigit() and len(v) < 10:
                parts.append('<c r="%s"><v>%s</v></c>' % (ref, v))
            else:
                parts.append('<c r="%s" t="s"><v>%d</v></c>' % (ref, sid(v)))
        parts.append('</row>')
        f.write(''.join(parts).encode())
    f.write(b'</sheetData></worksheet>')
with z.open('xl/sharedStrings.xml', 'w', force_zip64=True) as f:
    f.write(('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">' % (len(order), len(order))).encode())
    for s in order: f.write(('<si><t>%s</t></si>' % escape(s)).encode())
    f.write(b'</sst>')
z.writestr('xl/workbook.xml', '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Derechos" sheetId="1" r:id="rId1"/></sheets></workbook>')
z.writestr('xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
z.writestr('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
z.close()
print(len(order), 'shared strings')
