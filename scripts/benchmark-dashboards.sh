#!/usr/bin/env bash
# Benchmark of the dashboards on a national-scale dataset (docs/decisions/030-dashboard-aggregates.md).
#
#   bash scripts/benchmark-dashboards.sh [DATABASE=/tmp/national.db] [REQUESTS=50]
#
# Generates the dataset if the file does not exist (generate-national), builds the app in Release,
# starts it on a free local port on a copy of that file, logs in as admin, board user and school user,
# requests every page WARMUP times and then REQUESTS times (interleaved), stops the app and reports the
# median and p95 of the *server* time of each page, taken from the app's own request log (Serilog
# "Elapsed"), next to the client time measured by curl. A trivial page (change password: layout,
# navigation, one form) is measured in the same run as a baseline.
set -euo pipefail
cd "$(dirname "$0")/.."
db="${1:-/tmp/national.db}"
requests="${2:-50}"
warmup=5
project=src/Zout.Basisondersteuning.Web
dll="$project/bin/Release/net10.0/Zout.Basisondersteuning.Web.dll"

dotnet build "$project" -c Release -v q -nologo >/dev/null
if [ ! -f "$db" ]; then
  dotnet "$dll" generate-national --database "$db"
fi

work="$(mktemp -d)"
cp "$db" "$work/national.db"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
base="http://127.0.0.1:$port"
(cd "$project" && ASPNETCORE_ENVIRONMENT=Development exec dotnet "bin/Release/net10.0/Zout.Basisondersteuning.Web.dll" \
  --urls "$base" --Database:ConnectionString="Data Source=$work/national.db" --Storage:DataDirectory="$work/data" \
  --Demo:Seed=false --Serilog:MinimumLevel:Default=Information >"$work/app.out" 2>&1) &
app=$!
trap 'kill $app 2>/dev/null || true; wait $app 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -fs "$base/health" >/dev/null 2>&1 && break; sleep 0.5; done

login() { # email -> cookie jar
  local jar="$work/$1.jar" token
  token="$(curl -s -c "$jar" -b "$jar" "$base/account/inloggen" | python3 -c 'import re,sys; print(re.search(r"name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"__RequestVerificationToken\"", sys.stdin.read()).group(1))')"
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Email=$1" --data-urlencode "Password=Benchmark-wachtwoord-1" \
    --data-urlencode "__RequestVerificationToken=$token" "$base/account/inloggen"
  echo "$jar"
}
admin="$(login beheerder@landelijk.example)"
board="$(login bestuur1@landelijk.example)"
school="$(login ib-000100@landelijk.example)"
year="$(python3 -c 'import datetime; d=datetime.date.today(); y=d.year if d.month>=8 else d.year-1; print(f"{y}-{y+1}")')"

# name|cookie jar|url
pages=(
  "partnership dashboard|$admin|/swv/dashboard?jaar=$year"
  "partnership dashboard, one region|$admin|/swv/dashboard?jaar=$year&regio=1"
  "board dashboard|$board|/bestuur/1/dashboard?jaar=$year"
  "finder (level 4 in a domain)|$school|/vinder?domein=basiskwaliteit"
  "finder (offering item, region)|$school|/vinder?aanbod=leesinterventie&regio=1"
  "school dashboard|$school|/school/000100/dashboard?jaar=$year"
  "scan form (one section)|$school|/school/000100/scan/$year/sectie/domein-basiskwaliteit"
  "trivial page (change password)|$school|/account/wachtwoord-wijzigen"
)
: >"$work/client.tsv"
for round in $(seq 1 $((warmup + requests))); do
  for page in "${pages[@]}"; do
    IFS='|' read -r name jar url <<<"$page"
    status_time="$(curl -s -o /dev/null -b "$jar" -w '%{http_code} %{time_total}' "$base$url")"
    [ "${status_time%% *}" = "200" ] || { echo "$name: HTTP ${status_time%% *} for $url" >&2; exit 1; }
    [ "$round" -gt "$warmup" ] && printf '%s\t%s\t%s\n' "$name" "$url" "${status_time#* }" >>"$work/client.tsv"
  done
done
kill $app; wait $app 2>/dev/null || true; trap - EXIT

python3 - "$work" "$warmup" "${pages[@]}" <<'PY'
import glob, json, statistics, sys
work, warmup, pages = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
server = {}
for file in sorted(glob.glob(f"{work}/data/logs/portal-*.json")):
    for line in open(file, encoding="utf-8"):
        e = json.loads(line)
        if "Elapsed" in e and "RequestPath" in e and e.get("StatusCode") == 200:
            server.setdefault(e["RequestPath"], []).append(float(e["Elapsed"]))
client = {}
for line in open(f"{work}/client.tsv"):
    name, url, t = line.rstrip("\n").split("\t")
    client.setdefault(name, []).append(float(t) * 1000)
def p(values, q):
    values = sorted(values); return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]
print(f"{'page':36} {'n':>4} {'server p50':>11} {'server p95':>11} {'client p50':>11} {'client p95':>11}")
seen = {}
for page in pages:
    name, _, url = page.split("|")
    path = url.split("?")[0]
    # The same path can be measured with different queries: split its log entries in request order.
    same = [pg for pg in pages if pg.split("|")[2].split("?")[0] == path]
    k, index = len(same), same.index(page)
    values = server.get(path, [])[warmup * k:]
    mine = values[index::k]
    c = client.get(name, [])
    print(f"{name:36} {len(mine):>4} {p(mine,.5):>9.1f}ms {p(mine,.95):>9.1f}ms {p(c,.5):>9.1f}ms {p(c,.95):>9.1f}ms")
PY
echo "(work folder: $work)"
