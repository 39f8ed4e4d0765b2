#!/usr/bin/env bash
# The build overhead a user sees: a `dotnet build` of the Buddy demo that gets SchemaBind as NuGet
# *packages* (SchemaBind.Generator + SchemaBind.Runtime from a local feed), against the same project
# with the generated files checked in as plain sources (SchemaBind.Runtime only, no generator).
# Unlike build-compare.sh (project references into this repository), no MSBuild up-to-date check of
# the generator project takes part. Both projects live outside the repository (own Directory.Build.props)
# under artifacts/generator-bench/build-compare-package; each timed run touches Program.cs so the
# compiler runs every time, with restore done and the referenced fake server up to date. Builds run as
# interleaved pairs, see below.
# RUNS=20 pairs by default.
set -euo pipefail
cd "$(dirname "$0")"
root="$(cd ../.. && pwd)"
out="$root/artifacts/generator-bench/build-compare-package"
runs="${RUNS:-20}"
version="0.1.0-bench"
rm -rf "$out"
mkdir -p "$out/with-generator" "$out/plain/Generated"

. ./local-feed.sh
pack_local_feed
dotnet build "$root/samples/Buddy.FakeServer" -c Release -nologo -v:q > /dev/null
cat > "$out/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <config><add key="globalPackagesFolder" value="$out/packages" /></config>
  <packageSources><add key="schemabind-local" value="$out/feed" /></packageSources>
</configuration>
XML

project() { # $1: extra items
  package_project '    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
' "    <PackageReference Include=\"SchemaBind.Runtime\" Version=\"$version\" />
    <ProjectReference Include=\"$root/samples/Buddy.FakeServer/Buddy.FakeServer.csproj\" />
$1"
}

project "    <PackageReference Include=\"SchemaBind.Generator\" Version=\"$version\" PrivateAssets=\"all\" />
    <SchemaBindApi Include=\"$root/schema/buddy/pipeline-actions.openapi.json\" Namespace=\"Buddy.Api\" ClientName=\"BuddyClient\" />" \
  > "$out/with-generator/Buddy.Demo.csproj"
project "" > "$out/plain/Buddy.Demo.csproj"
cp "$root/samples/Buddy.Demo/Program.cs" "$out/with-generator/"
cp "$root/samples/Buddy.Demo/Program.cs" "$out/plain/"

# Plain: the generated files, captured once from a real build, as ordinary sources.
dotnet build "$out/with-generator" -c Release -nologo -v:q -p:EmitCompilerGeneratedFiles=true \
    -p:CompilerGeneratedFilesOutputPath="$out/captured" > /dev/null
find "$out/captured" -path '*SchemaBind.Generator.SchemaBindGenerator*' -name '*.g.cs' -exec cp {} "$out/plain/Generated/" \;
dotnet build "$out/plain" -c Release -nologo -v:q > /dev/null
echo "generated files checked in: $(ls "$out/plain/Generated" | wc -l) ($(cat "$out"/plain/Generated/*.cs | wc -c) bytes)"

# Interleaved pairs (with, plain, with, plain, ...): on a shared machine the load drifts, and the paired
# difference cancels most of that drift. Prints each variant's median and minimum and the median of the
# paired differences.
build() { touch "$out/$1/Program.cs"; local t0; t0=$(date +%s%N); dotnet build "$out/$1" -c Release --no-restore -nologo -v:q > /dev/null; echo $(( ($(date +%s%N) - t0) / 1000000 )); }
build with-generator > /dev/null; build plain > /dev/null; build with-generator > /dev/null; build plain > /dev/null
: > "$out/pairs.txt"
for _ in $(seq "$runs"); do
  echo "$(build with-generator) $(build plain)" >> "$out/pairs.txt"
done
python3 - "$out/pairs.txt" <<'PY'
import statistics, sys
pairs = [tuple(map(int, line.split())) for line in open(sys.argv[1]) if line.strip()]
gen = [a for a, _ in pairs]; plain = [b for _, b in pairs]; diff = [a - b for a, b in pairs]
print(f"{len(pairs)} interleaved pairs (ms)")
print(f"with the generator package:       median {statistics.median(gen):6.0f}  min {min(gen):6.0f}")
print(f"generated files as plain sources: median {statistics.median(plain):6.0f}  min {min(plain):6.0f}")
print(f"paired difference:                median {statistics.median(diff):+6.0f}  ({statistics.median(diff) / statistics.median(plain):+.1%} of the plain build)")
PY
