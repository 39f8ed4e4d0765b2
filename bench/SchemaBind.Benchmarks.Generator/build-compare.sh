#!/usr/bin/env bash
# A whole `dotnet build` of the Buddy demo with the generator against the same project with the
# generated files checked in as plain sources (no generator, no SchemaBind analyzers).
# Both are copies of samples/Buddy.Demo under artifacts/generator-bench/build-compare at the repository root (git-ignored), so they share
# Directory.Build.props and the project references. Each timed run touches Program.cs, so the
# compiler runs every time; restore and the referenced projects are up to date (as in an edit loop).
# Needs hyperfine (apt-get install -y hyperfine).  RUNS=10 by default.
set -euo pipefail
cd "$(dirname "$0")"
root="$(cd ../.. && pwd)"
out="$root/artifacts/generator-bench/build-compare"
runs="${RUNS:-10}"
rm -rf "$out"
mkdir -p "$out/with-generator" "$out/plain/Generated"

# With the generator: the demo as it is, its relative paths made absolute.
sed -e "s|\.\./\.\./|$root/|g" -e "s|\.\./Buddy\.FakeServer/|$root/samples/Buddy.FakeServer/|g" \
    "$root/samples/Buddy.Demo/Buddy.Demo.csproj" > "$out/with-generator/Buddy.Demo.csproj"
cp "$root/samples/Buddy.Demo/Program.cs" "$out/with-generator/"

# Plain: the generated files, captured once from a real build, as ordinary sources.
dotnet build "$out/with-generator" -c Release -nologo -v:q -p:EmitCompilerGeneratedFiles=true \
    -p:CompilerGeneratedFilesOutputPath="$out/captured" > /dev/null
find "$out/captured" -path '*SchemaBind.Generator.SchemaBindGenerator*' -name '*.g.cs' -exec cp {} "$out/plain/Generated/" \;
cp "$root/samples/Buddy.Demo/Program.cs" "$out/plain/"
# Same project without the generator reference, the SchemaBindApi item and the package's props/targets.
grep -v -e 'SchemaBind.Generator.csproj' -e '<SchemaBindApi ' -e 'SchemaBind.Generator.props' -e 'SchemaBind.Generator.targets' \
    "$out/with-generator/Buddy.Demo.csproj" > "$out/plain/Buddy.Demo.csproj"
dotnet build "$out/plain" -c Release -nologo -v:q > /dev/null
echo "generated files checked in: $(ls "$out/plain/Generated" | wc -l) ($(cat "$out"/plain/Generated/*.cs | wc -c) bytes)"

hyperfine --warmup 2 --runs "$runs" --export-markdown "$out/build-compare.md" \
  -n "with generator" "touch $out/with-generator/Program.cs && dotnet build $out/with-generator -c Release --no-restore -nologo -v:q" \
  -n "generated files as plain sources" "touch $out/plain/Program.cs && dotnet build $out/plain -c Release --no-restore -nologo -v:q"
cat "$out/build-compare.md"
