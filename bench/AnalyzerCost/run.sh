#!/usr/bin/env bash
# Measures SchemaBind's generator and analyzers inside a real build: the Buddy schema plus 200
# call sites of the generated client. Prints the compiler's own per-analyzer timing report.
set -euo pipefail
cd "$(dirname "$0")"
{
  echo "using Buddy.Api;"
  echo "namespace AnalyzerCost;"
  echo "public static class CallSites"
  echo "{"
  for i in $(seq 1 200); do
    echo "    public static System.Threading.Tasks.Task<PipelineAction> Call$i(BuddyClient client) =>"
    echo "        client.AddActionAsync(\"buddy\", \"project-$i\", $i, new SleepActionRequest { Name = \"Wait $i\", SleepInSec = $((i % 1200)) });"
  done
  echo "}"
} > CallSites.g.cs
dotnet build -c Release -nologo >/dev/null   # restore and warm up
touch CallSites.g.cs
dotnet build -c Release -nologo --no-restore --no-dependencies -p:ReportAnalyzer=true -v:detailed -clp:PerformanceSummary > build.log

grep -E "Total (analyzer|generator) execution time|Time Elapsed" build.log | sed 's/^ *//' | sort -u
grep -E "^ *[<0-9.]+ +[<0-9]+ +SchemaBind" build.log | sed 's/^ *//' | sort -u
grep -E "^ *[0-9]+ ms +Csc " build.log | sed 's/^ *//'
