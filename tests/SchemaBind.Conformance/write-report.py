#!/usr/bin/env python3
"""Turns the runner's output into the tables of docs/conformance.md.

usage: dotnet run -c Release --project tests/SchemaBind.Conformance -- --suite S --remotes R > out.txt
       python3 tests/SchemaBind.Conformance/write-report.py out.txt
prints the two Markdown tables (required, optional) to paste into docs/conformance.md.
"""
import sys

rows = []
for line in open(sys.argv[1], encoding="utf-8").read().splitlines():
    if line.startswith("    ") or ".json: " not in line:
        continue
    name, rest = line.split(": ", 1)
    passed, failed, skipped = [int(part.split()[0]) for part in rest.split(", ")]
    rows.append((name, passed, failed, passed + failed + skipped))

for title, selected in (("Required", [r for r in rows if not r[0].startswith("optional/")]),
                        ("Optional", [r for r in rows if r[0].startswith("optional/")])):
    print(f"## {title} tests: {sum(r[1] for r in selected)} passed, {sum(r[2] for r in selected)} failed\n")
    print("| file | passed | failed | pass rate |\n|---|---|---|---|")
    for name, passed, failed, total in selected:
        print(f"| {name} | {passed} | {failed} | {100 * passed / total:.0f}% |" if total else f"| {name} | 0 | 0 | — |")
    print()
