#!/usr/bin/env bash
# Issue 20's generator goal as a user meets it: "< 300 ms cold in a warm process (the compiler server case)".
# Builds a project with a large API description (default: ghes-3.19) RUNS times with the compiler server
# (UseSharedCompilation=true), touching Program.cs each time, and reads the compiler's own report
# (-p:ReportAnalyzer=true) of SchemaBind's generator time in each build. Without the opt-in generator driver cache
# the server makes a new generator driver for every build, so each build runs the generator cold, in a process
# that is warm (JIT done, a compiler's heap). The first build (the server's start and the JIT) is printed apart.
# RUNS=10 by default; DOC=<document> for another one. The server is shut down at the start and at the end.
# COMPILER=fresh: a new compiler process for every build instead (UseSharedCompilation=false, as many CI machines
# build), so that every build pays the generator's JIT. GENERATOR_DLL=<path>: that file in place of the packed
# generator assembly (a ReadyToRun-compiled copy, say), so that two builds of the generator compare in the same project.
set -euo pipefail
cd "$(dirname "$0")"
runs="${RUNS:-10}"
. ./local-feed.sh
large_document_bench build-generator-time
schemabind_project "$out/project"
if [ -n "${GENERATOR_DLL:-}" ]; then
  cp "$GENERATOR_DLL" "$out/packages/schemabind.generator/$version/analyzers/dotnet/cs/SchemaBind.Generator.dll"
fi
shared_compilation=true; [ "${COMPILER:-server}" = "fresh" ] && shared_compilation=false

dotnet build-server shutdown > /dev/null 2>&1 || true
# The report's row for the generator: "<seconds> <percent> SchemaBind.Generator.SchemaBindGenerator".
build() {
  touch "$out/project/Program.cs"
  dotnet build "$out/project" -c Release --no-restore -nologo -v:detailed \
    -p:UseSharedCompilation=$shared_compilation -p:ReportAnalyzer=true > "$out/build.log" || { grep -E 'error' "$out/build.log" | head; exit 1; }
  local row
  row=$(grep -m1 -E '^ *[<0-9.]+ +[<0-9]+ +SchemaBind\.Generator\.SchemaBindGenerator *$' "$out/build.log") \
    || { echo "no row for SchemaBind's generator in the compiler's report: see $out/build.log" >&2; exit 1; }
  echo "$row" | awk '{print $1 * 1000}'
}
first=$(build)
echo "first build (JIT$([ $shared_compilation = true ] && echo ', the server starts')): $first ms"
: > "$out/times.txt"
for _ in $(seq "$runs"); do build >> "$out/times.txt"; done
dotnet build-server shutdown > /dev/null 2>&1 || true
python3 - "$out/times.txt" <<'PY'
import statistics, sys
times = sorted(float(line) for line in open(sys.argv[1]) if line.strip())
print(f"SchemaBind's generator in {len(times)} builds (ms, the compiler's report): "
      f"median {statistics.median(times):.0f}  mean {statistics.mean(times):.0f}  min {times[0]:.0f}  max {times[-1]:.0f}")
print("each: " + " ".join(f"{t:.0f}" for t in times))
PY
