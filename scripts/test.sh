#!/usr/bin/env bash
# Builds everything and runs all tests. Test results (TRX) go to artifacts/test-results.
# Extra arguments go to `dotnet test`, e.g. --filter "Category=Browser".
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test || exit 1

results="artifacts/test-results"
rm -rf "$results"
# Browser tests (tests/Zout.Basisondersteuning.BrowserTests) save a screenshot and the HTML of a failed test here.
export BROWSER_TESTS_ARTIFACTS="$PWD/$results/browser"
dotnet build Zout.Basisondersteuning.sln -c Release -nologo -v quiet || exit 1
# Formatting and code style as .editorconfig says (the build already enforces the analysers and code style).
format_status=0
if ! dotnet format Zout.Basisondersteuning.sln --verify-no-changes --no-restore -v quiet; then
  format_status=1
fi
dotnet test Zout.Basisondersteuning.sln -c Release --no-build -nologo \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" "$@"
status=$?

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  total=$(get total); p=$(get passed); f=$(get failed); e=$(get error); ne=$(get notExecuted); to=$(get timeout); ab=$(get aborted)
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0} + ${to:-0} + ${ab:-0}))
  ex=$(get executed)
  # xunit's skipped tests are neither executed nor counted as notExecuted: they are total - executed.
  skipped=$((skipped + ${total:-0} - ${ex:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
if [ "$format_status" -ne 0 ]; then failed=$((failed + 1)); status=1; fi

# Name the failed tests (with the first line of their message) just above the summary, where CI logs are read.
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  python3 - "$trx" <<'PY' || true
import sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
for r in ET.parse(sys.argv[1]).getroot().iterfind(".//t:UnitTestResult", ns):
    if r.get("outcome") not in ("Passed", "NotExecuted"):
        m = r.find(".//t:Message", ns)
        first = (m.text or "").strip().splitlines()[0][:300] if m is not None and m.text else ""
        print(f"FAILED {r.get('testName')}: {first}")
PY
done

if [ "$format_status" -ne 0 ]; then
  echo "FAILED dotnet format --verify-no-changes: run 'dotnet format Zout.Basisondersteuning.sln' and commit the result"
fi

# The HTTP tests run on SQL Server when TEST_SQLSERVER holds a connection string (docs/operations.md); say which it was.
if [ -z "${TEST_SQLSERVER:-}" ]; then
  echo "SQL Server: not run (TEST_SQLSERVER is not set; the HTTP tests ran on SQLite). See docs/operations.md."
else
  echo "SQL Server: the HTTP tests ran on the SQL Server of TEST_SQLSERVER."
fi

if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
exit $status
