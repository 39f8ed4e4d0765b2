#!/usr/bin/env bash
# Issue 20's build goal: a project with a large API description (default: GitHub Enterprise Server 3.19,
# ../shared/realworld/github/ghes-3.19.json) builds, restore excluded, in less time than the same project
# with Kiota's generated files for that document.
#   with-schemabind: the generator and runtime as packages from a local feed, the document as a SchemaBindApi item;
#   with-kiota:      Kiota 1.38.0's C# output as plain sources, with the Microsoft.Kiota.* packages it needs.
# Same settings for both: Release, Nullable, GenerateDocumentationFile (CS1591 off: Kiota leaves members
# undocumented), warnings not as errors (Kiota's output has some). Each timed build touches Program.cs so the
# compiler runs; builds are interleaved (schemabind, kiota, ...) so that drifting load hits both.
# Needs: KIOTA=<path to the kiota tool> (dotnet tool install Microsoft.OpenApi.Kiota --version 1.38.0 --tool-path DIR).
# RUNS=3 pairs by default; DOC=<document> to use another one. UseSharedCompilation=true builds with the compiler
# server, as a developer's machine does by default (this machine's environment sets it to false: a fresh compiler
# process for every build, as many CI machines run); the server is shut down at the end.
set -euo pipefail
cd "$(dirname "$0")"
kiota="${KIOTA:-kiota}"
runs="${RUNS:-3}"
. ./local-feed.sh
large_document_bench build-vs-kiota
schemabind_project "$out/with-schemabind"

mkdir -p "$out/with-kiota"
kv=2.1.6
package_project '' "    <PackageReference Include=\"Microsoft.Kiota.Abstractions\" Version=\"$kv\" />
    <PackageReference Include=\"Microsoft.Kiota.Http.HttpClientLibrary\" Version=\"$kv\" />
    <PackageReference Include=\"Microsoft.Kiota.Serialization.Form\" Version=\"$kv\" />
    <PackageReference Include=\"Microsoft.Kiota.Serialization.Json\" Version=\"$kv\" />
    <PackageReference Include=\"Microsoft.Kiota.Serialization.Multipart\" Version=\"$kv\" />
    <PackageReference Include=\"Microsoft.Kiota.Serialization.Text\" Version=\"$kv\" />" \
  > "$out/with-kiota/Bench.csproj"
echo 'System.Console.WriteLine(typeof(Bench.Kiota.BenchClient).Name);' > "$out/with-kiota/Program.cs"
KIOTA_TUTORIAL_ENABLED=false KIOTA_OFFLINE_ENABLED=true "$kiota" generate -l CSharp -d "$doc" \
  -o "$out/with-kiota/Generated" -c BenchClient -n Bench.Kiota --clean-output --log-level Error > /dev/null
# Kiota 1.38.0 names a C# parameter `base` (GitHub's /repos/{owner}/{repo}/compare/{base}...{head}) without
# escaping the keyword, so its output does not compile; escape it where it is used as a parameter.
grep -rlE '\bstring base\b' "$out/with-kiota/Generated" --include='*.cs' | while read -r f; do
  sed -i -E 's/string base\b/string @base/g; s/\((base)\)\)/(@base))/g; s/nameof\(base\)/nameof(@base)/g; s/RequestAdapter, base, head\)/RequestAdapter, @base, head)/; s/Add\("base", base\)/Add("base", @base)/' "$f"
done
echo "Kiota: $(find "$out/with-kiota/Generated" -name '*.cs' | wc -l) files, $(find "$out/with-kiota/Generated" -name '*.cs' -exec cat {} + | wc -c) bytes"

dotnet restore "$out/with-kiota" -nologo -v:q > /dev/null

build() { touch "$out/$1/Program.cs"; local t0; t0=$(date +%s%N); dotnet build "$out/$1" -c Release --no-restore -nologo -v:q -clp:ErrorsOnly > "$out/$1.log" || { cat "$out/$1.log"; exit 1; }; echo $(( ($(date +%s%N) - t0) / 1000000 )); }
echo "compiler: $([ "${UseSharedCompilation:-}" = "true" ] && echo "the compiler server" || echo "a fresh process each build")"
echo "warm-up: schemabind $(build with-schemabind) ms, kiota $(build with-kiota) ms"
: > "$out/pairs.txt"
for _ in $(seq "$runs"); do
  echo "$(build with-schemabind) $(build with-kiota)" >> "$out/pairs.txt"
done
python3 - "$out/pairs.txt" <<'PY'
import statistics, sys
pairs = [tuple(map(int, line.split())) for line in open(sys.argv[1]) if line.strip()]
sb = [a for a, _ in pairs]; ki = [b for _, b in pairs]
print(f"{len(pairs)} interleaved pairs (ms), restore excluded")
print(f"with SchemaBind (generator package): median {statistics.median(sb):7.0f}  min {min(sb):7.0f}")
print(f"with Kiota's generated files:        median {statistics.median(ki):7.0f}  min {min(ki):7.0f}")
print(f"ratio of medians: {statistics.median(sb) / statistics.median(ki):.2f}")
PY
if [ "${UseSharedCompilation:-}" = "true" ]; then dotnet build-server shutdown > /dev/null 2>&1 || true; fi
