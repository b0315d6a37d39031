#!/usr/bin/env bash
# What ftstatus promises about files, signals and memory (README, "Safety"), tried as an unlucky user
# would: outputs naming the input, signals mid-run, replaced files' modes and owners, full disks, closed
# pipes, long file names, unusable TMPDIRs, running out of memory.
# Usage: tests/safety/run.sh FTSTATUS_BINARY SOURCE_DIR
set -uo pipefail
binary=$(realpath "$1")
source_dir=$(realpath "$2")
example="$source_dir/examples/entitlements.csv"
as_of=(--as-of 2026-11-24)
scratch=$(mktemp -d)
trap 'chmod -R u+w "$scratch" 2>/dev/null; rm -rf "$scratch"' EXIT
cd "$scratch" || exit 2
failed=0
passed=0

pass() { passed=$((passed + 1)); }
fail() {
  echo "FAIL $1"
  [[ -s err ]] && sed 's/^/    /' err | head -n 5
  failed=$((failed + 1))
}
# expect NAME STATUS COMMAND...: runs COMMAND (stderr to ./err), checks its exit status.
expect() {
  local name=$1 want=$2
  shift 2
  "$@" 2>err
  local got=$?
  if [[ $got == "$want" ]]; then pass; else fail "$name: exit $got, expected $want"; fi
}
stderr_has() { if grep -qF -- "$2" err; then pass; else fail "$1: stderr lacks '$2'"; fi; }
no_temporaries() {
  local left
  left=$(find "${2:-.}" \( -name '.ftstatus-*' -o -name '*.tmp-*' \) 2>/dev/null | head -n 3)
  if [[ -z $left ]]; then pass; else fail "$1: temporary files left: $left"; fi
}

# ---- 1. no output may replace the input, nor two outputs one file
cp "$example" in.csv
cp in.csv pristine.csv
ln -s in.csv link.csv
ln in.csv hard.csv
for errors in in.csv link.csv hard.csv ./in.csv; do
  expect "--errors $errors (the input)" 2 "$binary" classify in.csv "${as_of[@]}" -o out.csv --errors "$errors"
  stderr_has "--errors $errors" "--errors"
done
expect "--errors same as -o (not there yet)" 2 "$binary" classify in.csv "${as_of[@]}" -o both.csv --errors ./both.csv
expect "--errors same as -o through a link" 2 \
  bash -c "ln -sf out1.csv alias.csv && touch out1.csv && '$binary' classify in.csv ${as_of[*]} -o out1.csv --errors alias.csv"
cp "$source_dir/examples/entitlements.xlsx" book.xlsx
cp book.xlsx pristine.xlsx
expect "validate -o the input workbook" 2 "$binary" validate book.xlsx --format xlsx -o book.xlsx "${as_of[@]}"
stderr_has "validate -o input" "-o"
if cmp -s book.xlsx pristine.xlsx; then pass; else fail "validate -o: the input workbook was changed"; fi
if cmp -s in.csv pristine.csv; then pass; else fail "the input was changed"; fi
cp pristine.csv in.csv  # the sections below stand on their own
# -o naming the input is allowed: it is written to a temporary file first.
cp in.csv self.csv
expect "-o the input itself" 1 "$binary" classify self.csv "${as_of[@]}" -o self.csv
if head -n 1 self.csv | grep -q suggested_l1 && [[ $(wc -l <self.csv) == $(wc -l <in.csv) ]]; then pass; else
  fail "-o the input: not replaced by the classified rows"
fi

# ---- 2. signals: the old output stays, no temporary file, exit 128 + signal
# About 420,000 rows (the example's, doubled 13 times; repeated ids are only duplicate_id problems).
tail -n +2 in.csv >body.csv
for _ in $(seq 1 13); do cat body.csv body.csv >body2.csv && mv body2.csv body.csv; done
{ head -n 1 in.csv && cat body.csv; } >big.csv
for signal in TERM HUP INT; do
  echo "old output" >sig-out.csv
  # Job control: a background job of a script would otherwise start with SIGINT ignored.
  set -m
  "$binary" classify big.csv "${as_of[@]}" -o sig-out.csv --errors sig-err.csv 2>err &
  pid=$!
  set +m
  # Mid-run: once a file that was not there before (a temporary output) has data.
  for _ in $(seq 1 200); do
    [[ -n $(find . -maxdepth 1 -type f -newer big.csv ! -name err ! -name sig-out.csv -size +0 | head -n 1) ]] && break
    sleep 0.02
  done
  kill -s "$signal" "$pid"
  wait "$pid"
  status=$?
  want=$((128 + $(kill -l "$signal")))
  if [[ $status == "$want" ]]; then pass; else fail "SIG$signal: exit $status, expected $want"; fi
  if [[ $(cat sig-out.csv) == "old output" ]]; then pass; else fail "SIG$signal: the old output was replaced"; fi
  if [[ ! -e sig-err.csv ]]; then pass; else fail "SIG$signal: a partial --errors file was left"; fi
  no_temporaries "SIG$signal"
done

# ---- 3. a replaced file keeps its mode (and owner and group); a new one gets the umask's
"$binary" classify in.csv "${as_of[@]}" -o mode.csv 2>/dev/null
chmod 600 mode.csv
"$binary" classify in.csv "${as_of[@]}" -o mode.csv 2>/dev/null
if [[ $(stat -c %a mode.csv) == 600 ]]; then pass; else fail "mode 0600 became $(stat -c %a mode.csv)"; fi
if [[ $(id -u) == 0 ]] && id nobody >/dev/null 2>&1; then
  chown nobody mode.csv
  "$binary" classify in.csv "${as_of[@]}" -o mode.csv 2>/dev/null
  if [[ $(stat -c %U mode.csv) == nobody ]]; then pass; else fail "owner nobody became $(stat -c %U mode.csv)"; fi
fi
(umask 027 && "$binary" classify in.csv "${as_of[@]}" -o new-mode.csv 2>/dev/null)
if [[ $(stat -c %a new-mode.csv) == 640 ]]; then pass; else fail "new file under umask 027: $(stat -c %a new-mode.csv)"; fi
# A folder that takes no new file, holding a writable output: written in place, and said so; but never
# over the input being read. Root ignores folder permissions: as root the runs are made as nobody.
as_user=()
if [[ $(id -u) == 0 ]] && command -v setpriv >/dev/null; then
  as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
  chmod 755 "$scratch"
fi
mkdir locked && cp in.csv locked/out.csv && cp in.csv locked/in.csv
[[ ${#as_user[@]} -gt 0 ]] && chown -R 65534 locked
chmod 555 locked
if ! "${as_user[@]}" touch locked/probe 2>/dev/null; then
  expect "output in a read-only folder" 1 "${as_user[@]}" "$binary" classify in.csv "${as_of[@]}" -o locked/out.csv
  stderr_has "read-only folder" "locked/out.csv"
  if head -n 1 locked/out.csv | grep -q suggested_l1; then pass; else fail "read-only folder: not written"; fi
  expect "in place over the input is refused" 2 "${as_user[@]}" "$binary" classify locked/in.csv "${as_of[@]}" \
    -o locked/in.csv
  if cmp -s locked/in.csv in.csv; then pass; else fail "in place over the input: the input was changed"; fi
else
  echo "skip: a read-only folder cannot be made here (root without setpriv)"
fi
chmod 755 locked

# ---- 4. a full disk names the file and the reason, and nothing is renamed into place
expect "-o /dev/full" 2 "$binary" classify in.csv "${as_of[@]}" -o /dev/full
stderr_has "-o /dev/full" "/dev/full: "
stderr_has "-o /dev/full" "No space left on device"
echo "old" >full-out.csv
expect "--errors /dev/full" 2 "$binary" classify in.csv "${as_of[@]}" -o full-out.csv --errors /dev/full
stderr_has "--errors /dev/full" "/dev/full: "
stderr_has "--errors /dev/full" "No space left on device"
if [[ $(cat full-out.csv) == old ]]; then pass; else fail "--errors /dev/full: -o was renamed into place anyway"; fi
no_temporaries "--errors /dev/full"
expect "stdout on a full disk" 2 bash -c "'$binary' classify in.csv ${as_of[*]} >/dev/full"
stderr_has "stdout on a full disk" "No space left on device"

# ---- 5. a closed pipe on stdout is quiet: 141 (SIGPIPE) or 0, no message
"$binary" classify big.csv "${as_of[@]}" 2>err | head -n 1 >/dev/null
status=${PIPESTATUS[0]}
if [[ $status == 141 || $status == 0 ]]; then pass; else fail "closed pipe: exit $status"; fi
if [[ ! -s err ]]; then pass; else fail "closed pipe: a message was printed"; fi
# The same when whoever started us ignores SIGPIPE: the write fails with EPIPE instead.
(trap '' PIPE && "$binary" classify big.csv "${as_of[@]}" 2>err | head -n 1 >/dev/null && exit "${PIPESTATUS[0]}")
status=$?
if [[ $status == 141 || $status == 0 ]]; then pass; else fail "closed pipe, SIGPIPE ignored: exit $status"; fi
if [[ ! -s err ]]; then pass; else fail "closed pipe, SIGPIPE ignored: a message was printed"; fi

# ---- 6 is the date tests' (tests/model); 7. a file name of 255 bytes
long=$(printf 'n%.0s' $(seq 1 251)).csv
expect "a 255-byte file name" 1 "$binary" classify in.csv "${as_of[@]}" -o "$long"
if [[ -s $long ]]; then pass; else fail "255-byte name: no output"; fi

# ---- 8. a workbook on stdin spills to TMPDIR, else to the output's folder, else stops clearly
mkdir spill
expect "stdin workbook, TMPDIR missing, output folder used" 0 bash -c \
  "TMPDIR=/nonexistent '$binary' classify - ${as_of[*]} -o spill/out.csv <'$source_dir/examples/entitlements.xlsx'"
no_temporaries "stdin workbook spill" spill
expect "stdin workbook, TMPDIR missing, stdout" 2 bash -c \
  "TMPDIR=/nonexistent '$binary' classify - ${as_of[*]} <'$source_dir/examples/entitlements.xlsx' >/dev/null"
stderr_has "stdin workbook, nowhere to spill" "/nonexistent"
stderr_has "stdin workbook, nowhere to spill" "TMPDIR"

# ---- 10. a 60 MB record (quotes doubled in a 50 MB cell) goes through within 256 MiB, cell for cell
/usr/bin/python3 -c '
with open("huge-cell.csv", "w") as f:
    f.write("entitlement_id,workload,intent\nE1,Exchange Online,yes\n")
    f.write("E2,\"" + "ab\"\"c," * 10_000_000 + "\",no\nE3,Microsoft Teams,yes\n")
'
expect "a 60 MB record under ulimit -v 262144" 1 bash -c "ulimit -v 262144; exec '$binary' classify huge-cell.csv \
  ${as_of[*]} --allow-missing all -o huge-cell-out.csv"
if /usr/bin/python3 -c '
import csv, sys
csv.field_size_limit(1 << 30)
a = list(csv.reader(open("huge-cell.csv")))
b = list(csv.reader(open("huge-cell-out.csv")))
sys.exit(0 if len(a) == len(b) == 4 and all(x == y[:len(x)] for x, y in zip(a, b)) else 1)'; then pass; else
  fail "a 60 MB record: the output does not repeat the input's cells"
fi

# ---- 11. out of memory: exit 2 with a message, no temporary file, never an abort
/usr/bin/python3 - <<'EOF'
import zipfile
ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
rel = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
with zipfile.ZipFile("huge-strings.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
    z.writestr("xl/workbook.xml", f'<workbook {ns} {rel}><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>')
    z.writestr("xl/_rels/workbook.xml.rels",
               '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               '<Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
    z.writestr("xl/worksheets/sheet1.xml", f'<worksheet {ns}><sheetData/></worksheet>')
    z.writestr("xl/sharedStrings.xml", f'<sst {ns}><si><t>' + "x" * (400 << 20) + '</t></si></sst>')
EOF
echo "old" >oom-out.csv
expect "out of memory" 2 bash -c "ulimit -v 262144; exec '$binary' classify huge-strings.xlsx ${as_of[*]} -o oom-out.csv \
  --xlsx-max-ratio 100000000 --xlsx-max-string-kib 1000000"
stderr_has "out of memory" "huge-strings.xlsx"
if [[ $(cat oom-out.csv) == old ]]; then pass; else fail "out of memory: the old output was replaced"; fi
no_temporaries "out of memory"

echo "$passed passed, $failed failed"
[[ $failed == 0 ]]
