#!/usr/bin/env bash
# Issue 20's nullable header lever as a user has it: the same console project (the generator and runtime as packages
# from a local feed, one SchemaBindApi item) built with the default header (#nullable enable annotations +
# #nullable disable warnings) and with SchemaBindNullableWarnings=true (the full #nullable enable).
# Builds are interleaved (lean, full, ...), restore excluded, each after touching Program.cs so that the compiler
# runs; the clock and the CPU time of the whole `dotnet build` (its child processes included: the environment's
# UseSharedCompilation=false keeps the compiler in them) are printed per build.
# DOC=<document> (default: GitHub Enterprise Server 3.19), TAGS=<IncludeTags> to build one part of it (e.g. repos),
# RUNS=3 pairs by default.
set -euo pipefail
cd "$(dirname "$0")"
runs="${RUNS:-3}"
. ./local-feed.sh
large_document_bench build-nullable-header
tags="${TAGS:+ IncludeTags=\"$TAGS\"}"
schemabind_project "$out/lean" '' "$tags"
schemabind_project "$out/full" '    <SchemaBindNullableWarnings>true</SchemaBindNullableWarnings>
' "$tags"

# One build: "<clock s> <cpu s> <peak KB>" of the dotnet build process tree.
build() {
  touch "$out/$1/Program.cs"
  /usr/bin/time -f '%e %U %S %M' -o "$out/$1.time" dotnet build "$out/$1" -c Release --no-restore -nologo -v:q -clp:ErrorsOnly > "$out/$1.log" || { cat "$out/$1.log"; exit 1; }
  awk '{ printf "%s %.1f %s", $1, $2 + $3, $4 }' "$out/$1.time"
}
echo "warm-up: lean $(build lean), full $(build full) (clock s, cpu s, peak KB)"
: > "$out/pairs.txt"
for i in $(seq "$runs"); do
  line="$(build lean) $(build full)"
  echo "$line" >> "$out/pairs.txt"
  echo "pair $i (load $(cut -d' ' -f1-3 /proc/loadavg)): lean $(echo "$line" | cut -d' ' -f1-3), full $(echo "$line" | cut -d' ' -f4-6)"
done
python3 - "$out/pairs.txt" <<'PY'
import statistics, sys
rows = [list(map(float, line.split())) for line in open(sys.argv[1]) if line.strip()]
for name, clock, cpu in (("lean (default)", 0, 1), ("full (SchemaBindNullableWarnings)", 3, 4)):
    print(f"{name:34} clock median {statistics.median(r[clock] for r in rows):6.1f} s, cpu median {statistics.median(r[cpu] for r in rows):6.1f} s")
print(f"lean / full, cpu by pair: {', '.join(f'{r[1] / r[4]:.2f}' for r in rows)}")
PY
