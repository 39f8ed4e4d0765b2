#!/usr/bin/env bash
# The generator benchmarks (short jobs: one launch, 2 warm-ups, 6 iterations; about 8 minutes on 2 cores).
# Results: BenchmarkDotNet.Artifacts/results/*-report-github.md and *.csv.
# One document only, with a longer job: SCHEMABIND_BENCH_SPECS=buddy bash run.sh --iterationCount 20
set -euo pipefail
cd "$(dirname "$0")"
dotnet build -c Release -nologo -v:q
# Every document must generate without a diagnostic (and NSwag must read it) before anything is timed.
dotnet bin/Release/net10.0/SchemaBind.Benchmarks.Generator.dll check
dotnet bin/Release/net10.0/SchemaBind.Benchmarks.Generator.dll --filter "*GeneratorBenchmarks*" "*NSwagBenchmarks*" "$@"
