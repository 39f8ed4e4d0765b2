#!/usr/bin/env bash
# Native AOT check of the demo: publish samples/Buddy.Demo with PublishAot, fail on any trim (IL2xxx) or AOT
# (IL3xxx) warning, then run the native binary against its embedded fake Buddy server.
# Exit 0 only when the publish has no such warning and the binary succeeds.
# Usage: bash .ci/aot-check.sh            (needs the ILCompiler package, restored from the NuGet registry)
set -uo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
rid="${AOT_RID:-linux-x64}"
out="$(pwd)/artifacts/aot/$rid"
log="$(pwd)/artifacts/aot/publish.log"
mkdir -p "$(dirname "$log")"
rm -rf "$out"
start=$(date +%s)

echo "::: aot: publish samples/Buddy.Demo (PublishAot, $rid)"
# SchemaBindAot turns PublishAot on in the demo only (a global -p:PublishAot=true would reach the netstandard2.0
# generator). Warnings stay warnings here so that every one of them is listed, not just the first.
dotnet publish samples/Buddy.Demo -c Release -r "$rid" -p:SchemaBindAot=true -p:TreatWarningsAsErrors=false \
  -o "$out" >"$log" 2>&1
publish_rc=$?

warnings=$(grep -E "warning IL[23][0-9]{3}" "$log" | sed 's/ \[[^]]*\]$//' | sort -u)
count=$(printf '%s' "$warnings" | grep -c . || true)
if [ "$publish_rc" -ne 0 ]; then
  tail -n 40 "$log"
  echo "aot: the publish failed (exit $publish_rc); log: $log"
  exit 1
fi
if [ "$count" -ne 0 ]; then
  echo "$warnings"
  echo "aot: $count distinct trim/AOT warning(s); log: $log"
  exit 1
fi

echo "::: aot: run $out/Buddy.Demo"
if ! timeout 60 "$out/Buddy.Demo"; then
  echo "aot: the native demo failed"
  exit 1
fi

echo "aot: ok, no trim/AOT warning, native demo ran ($(( $(date +%s) - start )) s, binary $(du -h "$out/Buddy.Demo" | cut -f1))"
