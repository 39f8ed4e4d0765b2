#!/usr/bin/env bash
# Runs the validation benchmarks: one launch, 5 warm-up and 10 measured iterations per benchmark (the whole
# suite takes about 4 minutes on 2 cores). Reports land in BenchmarkDotNet.Artifacts/results.
#   run.sh                            every benchmark
#   run.sh --filter '*Request*'       only the seed request
# `dotnet bin/Release/net10.0/SchemaBind.Benchmarks.Validation.dll --check` prints what each validator says about
# each payload, and how many bytes a typed Validate() allocates, without BenchmarkDotNet; `--time-typed` the typed
# Validate() of the seed request by CPU time, best of 20 rounds (for A/B comparisons on a loaded machine).
set -euo pipefail
cd "$(dirname "$0")"
dotnet build -c Release
filter=('--filter' '*')
[[ "$*" == *--filter* ]] && filter=()
dotnet bin/Release/net10.0/SchemaBind.Benchmarks.Validation.dll "${filter[@]}" --job short --warmupCount 5 --iterationCount 10 "$@"
