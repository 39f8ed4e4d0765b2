#!/usr/bin/env bash
# Runs the runtime benchmarks: one launch, 10 warm-up and 20 measured iterations per benchmark (about 2 minutes
# on 2 cores). Reports land in bench/SchemaBind.Benchmarks.Runtime/BenchmarkDotNet.Artifacts/results.
#   run.sh                          every benchmark
#   run.sh --filter '*Client*'      only the three whole calls
# `dotnet bin/Release/net10.0/SchemaBind.Benchmarks.Runtime.dll --diag` is a quick loop without BenchmarkDotNet
# that also reports whether calls complete synchronously (they should, with the in-memory handler).
# `dotnet bin/Release/net10.0/SchemaBind.Benchmarks.Runtime.dll --interleaved [rounds] [batch]` alternates batches of
# the hand-written and generated seed call (and the transport alone) and prints the least and median batch of each:
# steadier ratios than a BenchmarkDotNet run on a loaded machine.
set -euo pipefail
cd "$(dirname "$0")"
dotnet build -c Release
filter=('--filter' '*')
[[ "$*" == *--filter* ]] && filter=()
dotnet bin/Release/net10.0/SchemaBind.Benchmarks.Runtime.dll "${filter[@]}" --job short --warmupCount 10 --iterationCount 20 "$@"
