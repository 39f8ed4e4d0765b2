#!/usr/bin/env bash
# Issue 20: what in the generated C# costs the compiler its time. Generates a document (default: GitHub Enterprise
# Server 3.19) with the CLI, writes variants of the output that differ in one construct (compile-variants.py), and
# compiles each with `compile DIR` (CompileDirectory.cs: `schemabind check`'s settings, phase by phase, CPU time).
# Optionally Kiota's output for the same document: KIOTA_OUT=<its Generated folder, with build-vs-kiota.sh's `base`
# patch> and KIOTA_PACKAGES=<a NuGet packages folder holding Microsoft.Kiota.* 2.1.6 and Std.UriTemplate>
# (build-vs-kiota.sh leaves both under artifacts/generator-bench/build-vs-kiota).
# RUNS=2 compilations per variant in one process, after a --warm-up; VARIANTS to choose (`docsoff`: the
# output as generated, compiled without documentation mode, as GenerateDocumentationFile=false); TAGS=repos to
# generate one tag only (--include-tags; a quicker corpus with the same file grouping as the whole document).
# Each compilation is --serial (one thread: on a shared machine, the CPU time of the parallel compiler counts its
# threads' spinning) and --no-bodies (parse, declarations, emit: what a build does).
set -euo pipefail
cd "$(dirname "$0")"
root="$(cd ../.. && pwd)"
shared="$root/../shared"; [ -d "$shared" ] || shared=/work/shared
doc="${DOC:-$shared/realworld/github/ghes-3.19.json}"
out="$root/artifacts/generator-bench/compile-variants"
runs="${RUNS:-2}"
variants="${VARIANTS:-same nodocs docsoff classes nou8 nonullable annotations split}"
mkdir -p "$out"

dotnet build "$root/generator/SchemaBind.Cli" -c Release -nologo -v:q > /dev/null
dotnet build . -c Release -nologo -v:q > /dev/null
bench="./bin/Release/net10.0/SchemaBind.Benchmarks.Generator"
rm -rf "$out/sb"
"$root/generator/SchemaBind.Cli/bin/Release/net10.0/SchemaBind.Cli" generate "$doc" -o "$out/sb" --namespace Bench.Api --client-name BenchClient ${TAGS:+--include-tags "$TAGS"} > /dev/null

for v in $variants; do
  rm -rf "${out:?}/$v"
  python3 compile-variants.py "$out/sb" "$out/$v" "${v/docsoff/same}"
  extra=(--serial --no-bodies --warm-up)
  case "$v" in
    nodocs|docsoff) extra+=(--docs none) ;;
    nonullable) extra+=(--nowarn CS8632 --nowarn CS8669) ;;
  esac
  echo "== $v: $(find "$out/$v" -name '*.cs' | wc -l) files, $(cat "$out/$v"/*.cs | wc -c) bytes"
  "$bench" compile "$out/$v" "$runs" "${extra[@]}"
done

if [ -n "${KIOTA_OUT:-}" ]; then
  refs=()
  for dll in "$KIOTA_PACKAGES"/microsoft.kiota.*/2.1.6/lib/net10.0/*.dll "$KIOTA_PACKAGES"/std.uritemplate/*/lib/net8.0/*.dll; do
    refs+=(--ref "$dll")
  done
  defines=()
  for d in NET NET10_0 NETCOREAPP NETCOREAPP3_1_OR_GREATER NETSTANDARD2_1_OR_GREATER NET8_0_OR_GREATER NET10_0_OR_GREATER; do
    defines+=(--define "$d")
  done
  # As build-vs-kiota.sh's project: CS1591 off (Kiota leaves members undocumented).
  echo "== kiota: $(find "$KIOTA_OUT" -name '*.cs' | wc -l) files, $(find "$KIOTA_OUT" -name '*.cs' -exec cat {} + | wc -c) bytes"
  "$bench" compile "$KIOTA_OUT" "$runs" --serial --no-bodies --warm-up "${refs[@]}" "${defines[@]}" --nowarn CS1591
fi
