#!/usr/bin/env python3
"""A large taxonomy file for the loader benchmark (README, "Performance").

Usage: bench/make_taxonomy.py KIB > FILE
Writes about KIB KiB: the header, then L1 statuses each with two values left
empty (`description:` and `notes:`), the shape that made the loader quadratic.
Every status is an error (an empty text), so `ftstatus lint --taxonomy FILE`
reports two errors per status and exits 1; what is timed is the loading.
"""
import sys


def main() -> None:
    kib = int(sys.argv[1]) if len(sys.argv) > 1 else 240
    out = sys.stdout
    size = 0
    head = "taxonomy:\n  id: bench\n  name: Bench\nstatuses:\n"
    out.write(head)
    size += len(head)
    i = 0
    while size < kib * 1024:
        i += 1
        item = f"  - id: s{i:06d}\n    name: Status {i}\n    description:\n    notes:\n"
        out.write(item)
        size += len(item)


if __name__ == "__main__":
    main()
