#!/usr/bin/env bash
# What the analyzers of a user's build spend on SchemaBind's output: the `with-schemabind` project of
# build-vs-kiota.sh alone (the generator and runtime as packages from a local feed, the document as a SchemaBindApi
# item), built with -p:ReportAnalyzer=true. Prints the compiler's analyzer and generator totals, the slowest
# analyzers (CA2252, the SDK's preview-feature analyzer, runs an action on nearly every operation of every method
# body, generated code included) and the Csc task's time. RUNS=2 timed builds by default (after a warm-up);
# DOC=<document> to use another one. CPU-bound: on a shared machine, state the load with the figures.
set -euo pipefail
cd "$(dirname "$0")"
runs="${RUNS:-2}"
. ./local-feed.sh
large_document_bench build-analyzers
schemabind_project "$out/with-schemabind"

build() { # $1: log name
  touch "$out/with-schemabind/Program.cs"
  dotnet build "$out/with-schemabind" -c Release --no-restore -nologo -v:d -p:ReportAnalyzer=true -clp:PerformanceSummary > "$out/$1.log"
}
build warm-up
for i in $(seq "$runs"); do
  echo "--- run $i, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  build "run$i"
  log="$out/run$i.log"
  grep -E "Total (analyzer|generator) execution time" "$log" | sed 's/^ *//' | sort -u
  # The analyzer table: seconds, percent, name; the slowest five analyzers (lines with their IDs in parentheses).
  grep -E "^ *[0-9.]+ +[<0-9]+ +[A-Za-z.]+.*\(" "$log" | sed 's/^ *//' | sort -u | sort -rn | sed -n 1,5p | cut -c1-110
  grep -E "^ *[0-9]+ ms +Csc " "$log" | sed 's/^ *//'
done
