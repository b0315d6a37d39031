#!/usr/bin/env python3
"""Differential test of the CSV reader: two ftstatus binaries read the same
generated nasty CSV files and must answer byte for byte the same.

Usage: tests/io/csv_differential.py OLD_BINARY NEW_BINARY [--cases N] [--seed S] [--keep DIR]

Each case is a random file (quotes, doubled quotes, text after a closing
quote, the three delimiters, CR, LF, CRLF, lone CRs, BOMs, blank lines, NULs,
cp1252 bytes, fields across the 1 MiB read buffer, now and then a record over
16 MiB) run through `classify --format jsonl` (which shows every cell as
parsed), `classify` with `--errors` (raw records, CRLF and BOM written back)
and sometimes bulk `validate`, with random --delimiter and --encoding.
Stdout, stderr and the exit status must be identical. Not run by ctest: a
few thousand cases take minutes. The first differing case is kept in --keep
(default: a temporary folder) with the commands that differ.
"""
import argparse
import hashlib
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile

MIB = 1 << 20
DELIMITERS = [b",", b";", b"\t"]
VALUES = [b"yes", b"no", b"unknown", b"s\xc3\xad", b"Exchange Online", b"FT-1", b"FT-2", b"2026-12-01",
          b"in_progress", b"migration", b"In Progress", b"Migration", b" yes ", b"YES"]
PIECES = [b"a", b"b", b"x y", b" ", b",", b";", b"\t", b"\"", b"\"\"", b"\r", b"\n", b"\r\n", b"27\" monitor",
          b"caf\xc3\xa9", b"\xe9", b"\x80\x93", b"FT", b"-", b"1"]


def plain_text(rng, delimiter):
    """Unquoted text: anything but the delimiter and line ends (a quote inside is text)."""
    out = b"".join(rng.choice(PIECES) for _ in range(rng.randint(0, 4)))
    out = out.replace(delimiter, b"").replace(b"\n", b"")
    if rng.random() < 0.9:
        out = out.replace(b"\r", b"")
    if out.startswith(b"\"") and rng.random() < 0.5:
        out = b"x" + out
    return out if rng.random() < 0.6 else rng.choice(VALUES)


def quoted_text(rng):
    """Contents of a quoted field: every special byte, quotes doubled (mostly)."""
    body = b"".join(rng.choice(PIECES) for _ in range(rng.randint(0, 5)))
    body = body.replace(b"\"", b"\"\"")
    if rng.random() < 0.05:  # a stray single quote: closes the field early
        pos = rng.randint(0, len(body))
        body = body[:pos] + b"\"" + body[pos:]
    return body


def field(rng, delimiter, broken):
    """One cell; `broken` lets it hold what makes the file unreadable (NUL, unclosed quote)."""
    r = rng.random()
    if r < 0.35:
        return plain_text(rng, delimiter)
    if r < 0.45:
        return b""
    if r < 0.85:
        out = b"\"" + quoted_text(rng) + b"\""
        if rng.random() < 0.15:  # text after the closing quote
            out += plain_text(rng, delimiter) or b"tail"
        return out
    if r < 0.86 and broken:
        return b"\"" + quoted_text(rng)  # an opening quote that may never close
    if r < 0.865 and broken:
        return b"a\x00b"
    if r < 0.95:
        return b" \"" + quoted_text(rng) + b"\" "  # quotes that do not open a field
    return rng.choice(VALUES)


def line_end(rng, crlf, broken=False):
    r = rng.random()
    if r < 0.03 and broken:
        return b"\r"  # a lone CR
    if r < 0.10:
        return b"\n" if crlf else b"\r\n"
    return b"\r\n" if crlf else b"\n"


def header(rng, delimiter, broken):
    names = [b"entitlement_id", b"intent", b"workload"]
    extra = [b"l1", b"l2", b"target_date", b"note", b"\"quoted, name\"", b"size 27\"", b"\"a;b\tc\"",
             b"\"two\nlines\"", b"\"cr\rinside\"", b"", b"\"\"\"x\"\"\"", b"\"\"", b"x \"y\" z"]
    for name in rng.sample(extra, rng.randint(0, 4)):
        names.insert(rng.randint(0, len(names)), name)
    if broken and rng.random() < 0.2:
        names.append(rng.choice([b"x\ry", b"\"open", b"tail\x00"]))
    other = rng.choice(DELIMITERS)
    parts = []
    for name in names:
        parts.append(name)
        parts.append(delimiter if rng.random() < 0.98 else other)
    return b"".join(parts[:-1])


def long_field(rng, size, delimiter, line_breaks=True):
    kind = rng.random()
    if kind < 0.4:
        return b"x" * size
    if kind < 0.8:
        units = [b"q\"\"", b"d" + delimiter, b"e"] + ([b"ab\n", b"c\r\n"] if line_breaks else [])
        unit = rng.choice(units)
        return b"\"" + (unit * (size // len(unit) + 1))[:size] + b"\""
    return b"\"" + b"y" * size + b"\"" + b"z" * rng.randint(0, 3)


def make_case(rng):
    delimiter = rng.choice(DELIMITERS)
    crlf = rng.random() < 0.4
    broken = rng.random() < 0.2  # these files may be unreadable
    out = bytearray()
    r = rng.random()
    if r < 0.15:
        out += b"\xef\xbb\xbf"
    elif r < 0.16 and broken:
        out += rng.choice([b"\xff\xfe", b"\xfe\xff"])
    if rng.random() < 0.05:
        out += line_end(rng, crlf) * rng.randint(1, 2)  # blank lines before the header
    head = header(rng, delimiter, broken)
    columns = head.count(delimiter) + 1
    if rng.random() < 0.02:
        # A header longer than the first read. No line breaks in it: a stray
        # quote would turn them into rows, each written with the 1 MiB header.
        head += delimiter + long_field(rng, MIB + rng.randint(-8, 8), delimiter, line_breaks=False)
    out += head + line_end(rng, crlf, broken)
    rows = rng.randint(0, 25)
    long_row = rng.randrange(rows) if rows and rng.random() < 0.25 else -1  # one long field at most
    for row in range(rows):
        if rng.random() < 0.1:
            out += line_end(rng, crlf) * rng.randint(1, 3)  # blank lines
        count = max(1, columns + rng.choice([0, 0, 0, 0, -1, 1, 2, -2]))
        cells = [field(rng, delimiter, broken) for _ in range(count)]
        if rng.random() < 0.9:
            cells[0] = b"FT-%d" % rng.randint(1, 30)
        if row == long_row:
            # A long field placed so that interesting bytes land on the 1 MiB
            # (and 2 MiB) read boundary, or a record over 16 MiB now and then.
            if broken and rng.random() < 0.05:
                size = 16 * MIB + rng.randint(-4, 64)
            else:
                boundary = rng.choice([MIB, 2 * MIB])
                size = max(0, boundary - len(out) - 4 + rng.randint(-6, 6))
            cells[rng.randrange(count)] = long_field(rng, size, delimiter)
        out += delimiter.join(cells)
        if row + 1 < rows or rng.random() < 0.8:
            out += line_end(rng, crlf, broken)
    if rng.random() < 0.3:
        # Special bytes at random places: quotes that open or close in odd
        # spots, line ends inside fields, delimiters after closing quotes.
        inserts = [b"\"", b"\"\"", b"\r", b"\n", b"\r\n", delimiter, rng.choice(DELIMITERS)]
        if broken:
            inserts.append(b"\x00")
        for _ in range(rng.randint(1, 3)):
            at = rng.randint(0, len(out))
            out[at:at] = rng.choice(inserts)
    return bytes(out), delimiter


def commands(rng, path, delimiter, scratch):
    options = ["--as-of", "2026-11-24"]
    r = rng.random()
    if r < 0.05:
        options += ["--delimiter", rng.choice([",", ";", "tab"])]
    elif r < 0.15:
        options += ["--delimiter", {b",": ",", b";": ";", b"\t": "tab"}[delimiter]]
    if rng.random() < 0.15:
        options += ["--encoding", "cp1252"]
    errors = os.path.join(scratch, "errors.csv")
    runs = [["classify", path, "--format", "jsonl"] + options,
            ["classify", path, "--errors", errors] + options]
    if rng.random() < 0.2:
        runs.append(["validate", path] + options[2:])
    return runs, errors


def limit_output():
    """No file a run writes grows past 2 GiB (a runaway case must not fill the disk)."""
    resource.setrlimit(resource.RLIMIT_FSIZE, (2 << 30, 2 << 30))


def run(binary, args, errors, out):
    """Runs one command with its outputs in files named `out`.*, which can be
    large (a 16 MiB record in every --errors line); returns their digests."""
    if os.path.exists(errors):
        os.remove(errors)
    with open(out + ".stdout", "wb") as stdout, open(out + ".stderr", "wb") as stderr:
        code = subprocess.run([binary] + args, stdout=stdout, stderr=stderr, env={"LC_ALL": "C", "LANG": "C"},
                              preexec_fn=limit_output).returncode
    if os.path.exists(errors):
        shutil.move(errors, out + ".errors")
    else:
        open(out + ".errors", "wb").close()
    with open(out + ".exit", "w") as f:
        f.write(f"{code}\n")
    digests = [code]
    for part in ("stdout", "stderr", "errors"):
        digest = hashlib.sha256()
        with open(f"{out}.{part}", "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                digest.update(chunk)
        digests.append(digest.hexdigest())
    return digests


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("old")
    parser.add_argument("new")
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", help="folder for the first differing case")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    scratch = tempfile.mkdtemp(prefix="csv-differential-")
    path = os.path.join(scratch, "case.csv")
    exits = {}
    try:
        for case in range(args.cases):
            data, delimiter = make_case(rng)
            with open(path, "wb") as f:
                f.write(data)
            runs, errors = commands(rng, path, delimiter, scratch)
            for command in runs:
                old = run(args.old, command, errors, os.path.join(scratch, "old"))
                new = run(args.new, command, errors, os.path.join(scratch, "new"))
                exits[old[0]] = exits.get(old[0], 0) + 1
                if old != new:
                    keep = args.keep or tempfile.mkdtemp(prefix="csv-differential-diff-")
                    os.makedirs(keep, exist_ok=True)
                    for name in os.listdir(scratch):
                        shutil.copy(os.path.join(scratch, name), keep)
                    print(f"case {case} (seed {args.seed}) differs: ftstatus {' '.join(command)}; kept in {keep}")
                    return 1
        summary = ", ".join(f"exit {code}: {n}" for code, n in sorted(exits.items()))
        print(f"csv differential: {args.cases} cases, {sum(exits.values())} runs identical ({summary})")
        return 0
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
