#!/usr/bin/env bash
# tests/report/browser.sh FTSTATUS SOURCE_DIR
#
# The report of examples/entitlements.csv, in English and Spanish, as a real
# browser shows it: Debian's headless chromium renders the page (--dump-dom)
# and the test checks that the rendered DOM holds every section, the SVG
# charts and the tables; a screenshot is a PNG of the window's size with
# something drawn on it; the browser logged no console message (an error of
# the page, or of a script that should not be there) and the page asked the
# network for nothing (chromium's log of every request it makes, with
# --v=1, has none but the browser's own background calls to Google, and
# host names do not resolve anyway). Exit 77 (skipped) without chromium.
set -uo pipefail

ftstatus=${1:?usage: browser.sh FTSTATUS SOURCE_DIR}
source_dir=${2:?usage: browser.sh FTSTATUS SOURCE_DIR}
chromium=$(command -v chromium || true)
if [ -z "$chromium" ]; then
  echo "SKIPPED: chromium not installed (apt-get install chromium)"
  exit 77
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/ftstatus-browser-XXXXXX")
trap 'rm -rf "$work"' EXIT
failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

# Everything chromium might fetch on its own is off; the profile is private.
browse() {
  timeout 60 "$chromium" --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --disable-default-apps --disable-extensions \
    --host-resolver-rules='MAP * ~NOTFOUND' --user-data-dir="$work/profile" "$@"
}

# Requests chromium makes for itself whatever the page (clock, updates, accounts, dictionaries).
own_requests='https?://(clients[0-9]*\.google\.com|update\.googleapis\.com|accounts\.google\.com|redirector\.gvt1\.com)/'

# The watch itself works: a page that asks for an image and logs to the console is caught.
printf '<!DOCTYPE html><html lang="en"><body><img alt="" src="http://canary.invalid/x.png"><script>console.error("canary")</script></body></html>' > "$work/canary.html"
browse --enable-logging=stderr --v=1 --dump-dom "file://$work/canary.html" > /dev/null 2> "$work/canary.txt"
grep -q 'NotifyBeforeURLRequest: http://canary.invalid/' "$work/canary.txt" ||
  fail "chromium's log does not show a page's request (has --v=1 stopped logging them?)"
grep -q ':CONSOLE.*canary' "$work/canary.txt" ||
  fail "chromium's log does not show a page's console message (has --enable-logging changed?)"

for lang in en es; do
  page="$work/report-$lang.html"
  (cd "$source_dir" && "$ftstatus" report examples/entitlements.csv --as-of 2026-11-24 --lang "$lang" -o "$page")
  status=$?
  [ "$status" = 1 ] || fail "$lang: ftstatus report exited $status, expected 1 (the example's rows have problems)"
  [ -s "$page" ] || { fail "$lang: no page written"; continue; }
  echo "$lang: $(wc -c < "$page") bytes"

  # Nothing in the page points outside it.
  if grep -Eio 'https?:|src=|url\(|@import|<link|<script' "$page" | head -3 | grep -q .; then
    fail "$lang: the page names something outside it: $(grep -Eio 'https?:[^"]*|src=|url\(|@import|<link|<script' "$page" | head -3 | tr '\n' ' ')"
  fi

  browse --enable-logging=stderr --v=1 --dump-dom "file://$page" > "$work/dom-$lang.html" 2> "$work/log-$lang.txt"
  status=$?
  [ "$status" = 0 ] || fail "$lang: chromium --dump-dom exited $status"
  dom="$work/dom-$lang.html"
  for id in summary statuses transitions problems target-dates customers about; do
    grep -q "<section id=\"$id\"" "$dom" || fail "$lang: the rendered page has no section $id"
  done
  grep -q "<html lang=\"$lang\">" "$dom" || fail "$lang: <html lang=\"$lang\"> missing"
  charts=$(grep -o '<svg class="chart"' "$dom" | wc -l)
  [ "$charts" -ge 3 ] || fail "$lang: $charts SVG charts, expected 3 (L1, L2, months)"
  bars=$(grep -o '<rect ' "$dom" | wc -l)
  [ "$bars" -ge 20 ] || fail "$lang: only $bars bars drawn"
  tables=$(grep -o '<table' "$dom" | wc -l)
  [ "$tables" -ge 10 ] || fail "$lang: only $tables tables"
  grep -q '<th scope="col"' "$dom" || fail "$lang: no column headers"
  grep -q '<details' "$dom" || fail "$lang: no customer groups"
  case $lang in
    en) grep -q '>Contoso Ltd<' "$dom" || fail "en: customer Contoso Ltd not shown" ;;
    es) grep -q '>Fechas objetivo</h2>' "$dom" || fail "es: the headings are not in Spanish" ;;
  esac

  # No console message at all: the page has no script, so any is an error.
  if grep -E ':CONSOLE[(:]|Uncaught' "$work/log-$lang.txt" | head -3 | grep -q .; then
    fail "$lang: console messages: $(grep -E ':CONSOLE[(:]|Uncaught' "$work/log-$lang.txt" | head -3)"
  fi
  requests=$(grep -o 'NotifyBeforeURLRequest: [^ ]*' "$work/log-$lang.txt" | sed 's/^NotifyBeforeURLRequest: //' |
    grep -Ev "^(file|data|chrome|about):" | grep -Ev "^$own_requests" || true)
  [ -z "$requests" ] || fail "$lang: the page made requests: $requests"

  png="$work/report-$lang.png"
  browse --hide-scrollbars --window-size=1280,1800 --screenshot="$png" "file://$page" > /dev/null 2>&1
  status=$?
  [ "$status" = 0 ] || fail "$lang: chromium --screenshot exited $status"
  if [ ! -s "$png" ]; then
    fail "$lang: no screenshot"
    continue
  fi
  [ "$(head -c 8 "$png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "$lang: the screenshot is not a PNG"
  width=$(od -An -tu1 -j16 -N4 "$png" | awk '{ print $1 * 16777216 + $2 * 65536 + $3 * 256 + $4 }')
  height=$(od -An -tu1 -j20 -N4 "$png" | awk '{ print $1 * 16777216 + $2 * 65536 + $3 * 256 + $4 }')
  [ "$width" = 1280 ] && [ "$height" = 1800 ] || fail "$lang: the screenshot is ${width}x$height, not 1280x1800"
  # A blank or nearly blank window compresses to about 10 KB; the report's text and charts do not.
  size=$(wc -c < "$png")
  [ "$size" -gt 60000 ] || fail "$lang: the screenshot is $size bytes: is the page blank?"
  echo "$lang: screenshot ${width}x$height, $size bytes"
done

if [ "$failures" -gt 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "report_browser: all checks passed"
