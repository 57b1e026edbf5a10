#!/usr/bin/env bash
# Throughput of every kind of page, side by side in one run (issue 15; not part of the test command).
#
#   bash scripts/benchmark.sh [--database /tmp/national.db] [--duration 10] [--connections 8] [--only PATTERN]   (the trivial page, the baseline, is always measured)
#                             [--warm-up 10] [--save-warm-up 60]
#
# Builds the solution in Release, generates the national dataset (generate-national: 3,000 schools x 5 years) when
# the file is missing (else reuses it), starts the portal on a copy of it on a free local port, logs in as each
# role and measures every row with wrk (Debian's package, installed when missing): requests per second, p50, p95
# and p99, and the ratio to the authenticated trivial page of the same run; the documents too (cached, and fresh
# renders of another school's SOP each time, at 2 connections). Then the cached SOP one request at a time, with the
# server's own time from the portal's request log, and the section save (8 users, each saving their own school's
# section with its current version, so every save is real) with the load tool (tools/Zout.Basisondersteuning.Load).
# Before anything is measured, every row is played --warm-up seconds unmeasured (default 10): with 2 s per page only,
# the JIT was still compiling the big pages (tiered compilation: 16 % of the portal's CPU during the partnership
# dashboard's measured seconds), so the figures were those of a portal just started, not of one that runs.
# The trivial page is measured again just before and after every page at 8 connections, and each such page also gets
# its ratio to the mean of those two neighbours: they saw the same load of others on the machine as the page itself.
# Only ratios within one run mean something on a shared machine. Figures: docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
db=/tmp/national.db
duration=10
connections=8
only=""
warm_up=10
save_warm_up=60
while [ $# -gt 0 ]; do
  case "$1" in
    --database) db="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --only) only="$2"; shift 2 ;;
    --warm-up) warm_up="$2"; shift 2 ;;
    --save-warm-up) save_warm_up="$2"; shift 2 ;;
    *) echo "Unknown option $1" >&2; exit 2 ;;
  esac
done

if ! command -v sqlite3 >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get install -y sqlite3 >/dev/null; else sudo apt-get install -y sqlite3 >/dev/null; fi
fi
if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get install -y wrk >/dev/null; else sudo apt-get install -y wrk >/dev/null; fi
fi

project=src/Zout.Basisondersteuning.Web
dll="$root/$project/bin/Release/net10.0/Zout.Basisondersteuning.Web.dll"
load_dll="$root/tools/Zout.Basisondersteuning.Load/bin/Release/net10.0/Zout.Basisondersteuning.Load.dll"
dotnet build Zout.Basisondersteuning.sln -c Release -v q -nologo >/dev/null
dotnet build tools/Zout.Basisondersteuning.Load -c Release -v q -nologo >/dev/null
if [ ! -f "$db" ]; then
  dotnet "$dll" generate-national --database "$db"
fi

work="$(mktemp -d /tmp/zb-benchmark.XXXXXX)"
cp "$db" "$work/national.db"
# The national dataset opens this year's scan window in May; open it now in the copy, so section saves are real
# saves (a closed window answers every save with "not editable").
year_now="$(python3 -c 'import datetime; d=datetime.date.today(); y=d.year if d.month>=8 else d.year-1; print(f"{y}-{y+1}")')"
sqlite3 "$work/national.db" "update SchoolYears set ScanOpensOn = '$(date +%Y-%m-%d -d '-1 day')' where Name = '$year_now' and (ScanOpensOn is null or ScanOpensOn > date('now'))"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
base="http://127.0.0.1:$port"
# Development: plain HTTP on loopback (no HTTPS redirect, cookies without Secure); the console log is off (the log
# file keeps every request, as in production); no demo data.
(cd "$project" && ASPNETCORE_ENVIRONMENT=Development exec dotnet "$dll" \
  --urls "$base" --Database:ConnectionString="Data Source=$work/national.db" --Storage:DataDirectory="$work/data" \
  --Demo:Seed=false --Serilog:Console=false --Reminders:Scheduled=false \
  --Security:LoginRateLimit:PerAddress=100000 --Security:LoginRateLimit:PerAccount=100000 ${BENCHMARK_APP_ARGS:-} >"$work/app.out" 2>&1) &
app=$!
trap 'kill $app 2>/dev/null || true; wait $app 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do curl -fs "$base/health" >/dev/null 2>&1 && break; sleep 0.5; done

login() { # email -> the value of the authentication cookie
  local jar="$work/$1.jar" token
  rm -f "$jar"
  token="$(curl -s -c "$jar" -b "$jar" "$base/account/inloggen" | python3 -c 'import re,sys; print(re.search(r"name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"", sys.stdin.read()).group(1))')"
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Email=$1" --data-urlencode "Password=Benchmark-wachtwoord-1" \
    --data-urlencode "__RequestVerificationToken=$token" "$base/account/inloggen"
  awk '$6 == "zb.auth" { print $7 }' "$jar"
}
# The cookie of a role (school, board, admin), signed in again when it is older than a minute. Identity checks the
# security stamp of a cookie older than Security:StampValidationSeconds (5 minutes) on every request and issues a new
# one; a browser keeps the new cookie, wrk does not: with the cookies of the start, every page measured after the
# fifth minute paid a user query and a new cookie per request (the trivial page fell from ~3,200 to ~1,800 rps).
cookie_of() {
  local file="$work/cookie.$1" email
  case "$1" in
    admin) email=beheerder@landelijk.example ;;
    board) email=bestuur1@landelijk.example ;;
    school) email=ib-000100@landelijk.example ;;
    *) return 0 ;;
  esac
  if [ ! -s "$file" ] || [ $(( $(date +%s) - $(stat -c %Y "$file") )) -gt 60 ]; then login "$email" >"$file"; fi
  cat "$file"
}
for role in admin board school; do
  [ -n "$(cookie_of $role)" ] || { echo "Logging in as $role failed" >&2; exit 1; }
done
year="$(python3 -c 'import datetime; d=datetime.date.today(); y=d.year if d.month>=8 else d.year-1; print(f"{y}-{y+1}")')"

# Every request of the fresh-render row asks for the SOP of another school: never a cached document. The warm-up,
# the settling and the measured seconds each take schools of their own (a school rendered in one would be cached in
# the next).
python3 -c "
for phase, first, last in (('measure', 2, 1500), ('settle', 1501, 2000), ('warm-up', 2001, 3000)):
    with open(f'$work/fresh-sop-paths.txt.{phase}', 'w') as out:
        for i in range(first, last + 1): print(f'/school/{i * 100:06d}/documenten/$year/sop.pdf', file=out)"

# name|role|connections|path (a path starting with @ is a file of paths, one per request)
rows=(
  "static CSS file||$connections|/css/site.css"
  "/health||$connections|/health"
  "log-in page (anonymous)||$connections|/account/inloggen"
  "change password (trivial, signed in)|school|$connections|/account/wachtwoord-wijzigen"
  "school dashboard|school|$connections|/school/000100/dashboard?jaar=$year"
  "board dashboard|board|$connections|/bestuur/1/dashboard?jaar=$year"
  "finder, level 4 in a domain|school|$connections|/vinder?domein=basiskwaliteit"
  "partnership dashboard, one region|admin|$connections|/swv/dashboard?jaar=$year&regio=1"
  "partnership dashboard, all|admin|$connections|/swv/dashboard?jaar=$year"
  "scan section (GET)|school|$connections|/school/000100/scan/$year/sectie/domein-basiskwaliteit"
  "public school list /scholen||$connections|/scholen"
  "concept SOP as HTML|admin|2|/school/000100/documenten/$year/sop"
  "concept SOP as PDF, unchanged (cache)|admin|2|/school/000100/documenten/$year/sop.pdf"
  "concept SOP as PDF, fresh render|admin|2|@$work/fresh-sop-paths.txt"
)

# The rows of this run (--only keeps the trivial page: it is the baseline of every ratio).
selected=()
for row in "${rows[@]}"; do
  IFS='|' read -r name _ <<<"$row"
  if [ -n "$only" ] && [[ "$name" != *$only* ]] && [[ "$name" != "change password"* ]]; then continue; fi
  selected+=("$row")
done

# wrk for one row: name|role|connections|path, seconds, phase (warm-up, settle, measure: a file of paths has one
# of its own per phase).
play() {
  local name role conns path headers=() paths_file="" url
  IFS='|' read -r name role conns path <<<"$1"
  [ -n "$role" ] && headers=(-H "Cookie: zb.auth=$(cookie_of "$role")")
  url="$base$path"
  if [[ "$path" == @* ]]; then paths_file="${path#@}.$3"; url="$base/"; fi
  WRK_PATHS="$paths_file" WRK_THREADS=2 wrk -t2 -c"$conns" -d"${2}s" "${headers[@]}" -s scripts/benchmark/wrk-report.lua "$url"
}

# Every page first answers 200 (a page that does not would measure an error page), then is played unmeasured.
for row in "${selected[@]}"; do
  IFS='|' read -r name role conns path <<<"$row"
  probe="${path}"; [[ "$path" == @* ]] && probe="$(tail -1 "${path#@}.warm-up")"
  cookie="$(cookie_of "$role")"
  status="$(curl -s -o /dev/null -w '%{http_code}' ${cookie:+-H "Cookie: zb.auth=$cookie"} "$base$probe")"
  [ "$status" = 200 ] || { echo "$name: HTTP $status for $probe" >&2; exit 1; }
done
if [ "$warm_up" -gt 0 ]; then
  echo "Warming up: every page $warm_up s, unmeasured" >&2
  for row in "${selected[@]}"; do play "$row" "$warm_up" warm-up >/dev/null; done
fi

results="$work/results.tsv"
: >"$results"
# The trivial page is measured once in its own row, and again around every other page at the same concurrency: that
# page's second ratio is to the mean of the trivial page just before and just after it. On a shared machine the load of
# others changes from minute to minute; the neighbours saw the same load as the page between them.
trivial_row=""
for row in "${selected[@]}"; do [[ "$row" == "change password"* ]] && trivial_row="$row"; done
# One measurement of a row: two seconds to settle after the page before, then the measured seconds.
measure() { play "$1" 2 settle >/dev/null; play "$1" "$duration" measure | grep '^WRK-RESULT'; }
baseline() { measure "$trivial_row" | sed 's/.* rps=\([0-9.]*\).*/\1/'; }
before=""
for row in "${selected[@]}"; do
  IFS='|' read -r name role conns path <<<"$row"
  neighbours=0
  if [ -n "$trivial_row" ] && [ "$row" != "$trivial_row" ] && [ "$conns" -gt 2 ]; then
    [ -n "$before" ] || before="$(baseline)"
    neighbours=1
  fi
  line="$(measure "$row")"
  around=""
  if [ "$neighbours" = 1 ]; then
    after="$(baseline)"
    around="$(python3 -c "print(round(($before + $after) / 2, 1))")"
    before="$after"
  fi
  printf '%s\t%s\t%s\t%s\n' "$name" "$conns" "$line" "$around" >>"$results"
  echo "$name: $line${around:+ (trivial page around it: $around rps)}" >&2
done

python3 - "$results" <<'PY'
import sys
rows = []
for line in open(sys.argv[1]):
    name, conns, result, around = line.rstrip("\n").split("\t")
    values = dict(part.split("=") for part in result.split()[1:])
    rows.append((name, int(conns), values, float(around) if around else None))
trivial = next((float(v["rps"]) for n, c, v, a in rows if n.startswith("change password")), None)
print(f"| page | c | rps | p50 | p95 | p99 | errors | ratio to trivial | ratio to the trivial page around it |")
print(f"|---|---:|---:|---:|---:|---:|---:|---:|---:|")
for name, conns, v, around in rows:
    ratio = f"{float(v['rps']) / trivial:.2f}" if trivial and conns > 2 else ""
    neighbours = f"{float(v['rps']) / around:.2f}" if around else ""
    print(f"| {name} | {conns} | {float(v['rps']):,.1f} | {float(v['p50']):.1f} ms | {float(v['p95']):.1f} ms | {float(v['p99']):.1f} ms | {v['errors']} | {ratio} | {neighbours} |")
PY

# A document whose data did not change, one request at a time: the server's own time per request, from the portal's
# request log (Serilog's "responded 200 in X ms", from the request's arrival to its last byte), not the client's.
# The school's SOP (ADR 074) and the board's comparison of its 20 schools, both kept by the versions of their data.
cached_documents=(
  "concept SOP as PDF, unchanged (cache)|admin|/school/000100/documenten/$year/sop.pdf"
  "board comparison as PDF, unchanged (cache)|board|/bestuur/1/vergelijkingsrapport/$year.pdf"
)
for document in "${cached_documents[@]}"; do
  IFS='|' read -r name role cached_path <<< "$document"
  if [ -n "$only" ] && [[ "$name" != *$only* ]]; then continue; fi
  cookie="$(cookie_of "$role")"
  # The first request may render it.
  curl -s -o /dev/null -H "Cookie: zb.auth=$cookie" "$base$cached_path"
  urls=()
  for _ in $(seq 1 200); do urls+=(-o /dev/null "$base$cached_path"); done
  sleep 1
  before="$(cat "$work"/data/logs/portal-*.json | wc -l)"
  # One curl for all 200: one connection, kept alive.
  curl -s -H "Cookie: zb.auth=$cookie" "${urls[@]}"
  sleep 1
  cat "$work"/data/logs/portal-*.json | tail -n +"$((before + 1))" | NAME="$name" CACHED_PATH="$cached_path" python3 -c "
import json, os, sys
path, name = os.environ['CACHED_PATH'], os.environ['NAME']
times = sorted(e['Elapsed'] for e in map(json.loads, sys.stdin) if e.get('RequestPath') == path and e.get('StatusCode') == 200)
if not times: sys.exit(f'no logged requests for {path}')
pick = lambda p: times[min(len(times) - 1, int(p * (len(times) - 1) + 0.5))]
print(f'\n{name[:1].upper()}{name[1:]}, one at a time: server time p50 {pick(0.5):.2f} ms, p95 {pick(0.95):.2f} ms, p99 {pick(0.99):.2f} ms ({len(times)} requests, from the request log)')
"
done

# The section save: 8 school users, each saving its own school's section with the version it just read (real saves).
if [ -z "$only" ] || [[ "section save" == *$only* ]]; then
  echo
  echo "Section save, $connections users, ${duration} s:"
  # Saves need an editable scan: the schools whose scan of this year is still a concept (most national scans are adopted).
  codes="$(sqlite3 "$work/national.db" "select group_concat(LocationCode) from (select c.LocationCode from Scans s join Schools c on c.Id = s.SchoolId join SchoolYears y on y.Id = s.SchoolYearId where y.Name = '$year' and s.Status in (0, 1) order by c.LocationCode)")"
  # First the same workload unmeasured, in the same load-tool process: the save path's code (the portal's and the load
  # tool's) is compiled again by the JIT (tiered compilation) for the first minute or so, which cost ~0.8 s of CPU per
  # second on this machine; the figures are those of a running portal.
  echo "(the first ${save_warm_up} s warm up, not measured)"
  dotnet "$load_dll" save --base "$base" --users "$connections" --duration "$duration" --warm-up "$save_warm_up" --year "$year" --codes "$codes" || true
fi
echo "(work folder: $work; load average $(cut -d' ' -f1-3 /proc/loadavg))"
