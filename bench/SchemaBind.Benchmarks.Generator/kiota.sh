#!/usr/bin/env bash
# Kiota (the `kiota` CLI, dotnet tool Microsoft.OpenApi.Kiota; its builder library is not on the package
# registry here, so it cannot run in process) on the same documents, timed with hyperfine. Each run is a
# whole process: start-up and JIT included, which the in-process BenchmarkDotNet figures do not have;
# `kiota --version` is timed too so that the start-up can be read off.
# Needs: dotnet tool install Microsoft.OpenApi.Kiota --version 1.38.0 --tool-path <dir> (KIOTA=<dir>/kiota), hyperfine.
set -euo pipefail
cd "$(dirname "$0")"
kiota="${KIOTA:-kiota}"
out="$(cd ../.. && pwd)/artifacts/generator-bench/kiota"
rm -rf "$out" && mkdir -p "$out"
dotnet build -c Release -nologo -v:q > /dev/null
dotnet bin/Release/net10.0/SchemaBind.Benchmarks.Generator.dll write "$out"
export KIOTA_TUTORIAL_ENABLED=false KIOTA_OFFLINE_ENABLED=true
commands=(-n "kiota --version" "$kiota --version")
for spec in buddy ops100 ops1000 ops5000; do
  commands+=(-n "kiota $spec" "$kiota generate -l CSharp -d $out/$spec.json -o $out/$spec-client -c ApiClient -n UserProject.Api --clean-output --log-level Error")
done
hyperfine --warmup 1 --runs "${RUNS:-3}" --export-markdown "$out/kiota.md" "${commands[@]}"
cat "$out/kiota.md"
