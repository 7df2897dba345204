#!/usr/bin/env bash
# Pantau SPM benchmark: a national workload run night by night, with same-run baselines.
#
#   bench/run.sh                    one national quarter (552 csv files), H2, then a night with nothing new
#   QUARTERS=9 bench/run.sh         nine nights, a quarter each, then a night with nothing new
#   QUARTERS=9 SEED=8 bench/run.sh  eight quarters in the first night (history), the ninth the next, then nothing new
#   FORMAT=xlsx DB=pg bench/run.sh  the same files as xlsx, PostgreSQL as job repository and store
#   BIG=1000000 HEAP=512m bench/run.sh   one night with one file of 1,000,000 monthly rows (ten years)
#   PROVINCES=3 ...                 only the first three provinces (a smaller, quicker run)
#
# Per night it prints wall, CPU (user+sys) and peak RSS of the whole `pantau run` process (/usr/bin/time -v),
# the job's own time (job=, without the JVM start and Spring context) and each step's wall time (from the run's
# data/run-status.json, which the job writes from its step executions),
# and two baselines measured in the same run over the same rows: a bare streaming parse of the night's files
# (BareParse: a line reader for csv, fastexcel-reader for xlsx) and a PostgreSQL COPY of the rows into a plain
# table. Figures are given as ratios to those baselines; absolute seconds are shown for reference only.
# Generated data and results go to $BENCH_DIR (default target/bench), never into git.
set -euo pipefail
if [ "$#" -gt 0 ]; then # settings are environment variables; any argument (--help) prints this header instead of running
  sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
  exit 0
fi
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
QUARTERS="${QUARTERS:-1}"
FORMAT="${FORMAT:-csv}"
DB="${DB:-h2}"
BIG="${BIG:-0}"
HEAP="${HEAP:-1g}"
PROVINCES="${PROVINCES:-}"
PG_HOST="${PG_HOST:-127.0.0.1}"
PG_USER="${PG_USER:-postgres}"
BENCH_DIR="${BENCH_DIR:-$here/target/bench}"
PG_DB="${PG_DB:-pantau_bench}" # the COPY baseline's database; DB=pg stores in ${PG_DB}_store (both dropped and created anew)

echo "== building (jar and test classes)" >&2
mvn -B -q -ntp -DskipTests -Dassembly.skipAssembly=true package >/dev/null
mvn -B -q -ntp test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test >/dev/null
cp="target/test-classes:target/classes:$(cat target/bench.cp)"
./pantau --version >/dev/null # the launcher's once-per-build preparation (extracted jar, class-data archive), untimed

rm -rf "$BENCH_DIR"
mkdir -p "$BENCH_DIR"/{gen,inbox,data,reports}
echo "== generating the workload" >&2
if [ "$BIG" != 0 ]; then
  rows=$(java -cp "$cp" id.pantauspm.bench.NationalWorkload big "$BENCH_DIR/gen" "$BIG" $PROVINCES)
  nights=(big)
else
  rows=$(java -cp "$cp" id.pantauspm.bench.NationalWorkload quarters "$BENCH_DIR/gen" "$QUARTERS" "$FORMAT" $PROVINCES)
  nights=()
  first=1
  if [ "${SEED:-0}" -gt 0 ]; then # the first SEED quarters arrive in one night (history to start from)
    seed=$(seq -s+ 1 "$SEED" | sed 's/[0-9][0-9]*/q&/g'); nights+=("$seed"); first=$((SEED + 1))
  fi
  for q in $(seq "$first" "$QUARTERS"); do nights+=("q$q"); done
  nights+=(none)
fi
echo "   $rows rows in all" >&2

psql_() { psql -h "$PG_HOST" -U "$PG_USER" -v ON_ERROR_STOP=1 -q "$@"; }
psql_ -d postgres -c "drop database if exists $PG_DB" -c "create database $PG_DB"
psql_ -d "$PG_DB" -c "create table copy_baseline (kode_wilayah text, periode text, kode_data text, nilai numeric)"
if [ "$DB" = pg ]; then
  psql_ -d postgres -c "drop database if exists ${PG_DB}_store" -c "create database ${PG_DB}_store"
  db=(--db-url "jdbc:postgresql://$PG_HOST:5432/${PG_DB}_store" --db-user "$PG_USER")
else
  db=() # the embedded H2 database in --data
fi

# timed LABEL CMD...: runs CMD under /usr/bin/time -v; sets T_WALL, T_CPU (s), T_RSS (MB) and T_OK (ok, ok(exit3) for a night with refused rows, or FAILED).
# A baseline that fails ends the benchmark; a night that fails is printed as FAILED with what it measured.
timed() {
  local label="$1"; shift
  T_OK=ok
  local rc=0
  /usr/bin/time -v -o "$BENCH_DIR/time.$label" "$@" >"$BENCH_DIR/out.$label" 2>&1 || rc=$?
  # exit 3 is a night that completed with rows or files refused (the big file's rows before 2019 are, by design)
  if [ "$rc" = 3 ] && [ "${label#run.}" != "$label" ]; then
    T_OK="ok(exit3)"
  elif [ "$rc" != 0 ]; then
    T_OK=FAILED
    echo "!! $label failed (exit $rc):" >&2; tail -15 "$BENCH_DIR/out.$label" >&2
    case "$label" in run.*) ;; *) exit 1 ;; esac
  fi
  T_WALL=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$BENCH_DIR/time.$label")
  T_CPU=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {print u+s}' "$BENCH_DIR/time.$label")
  T_RSS=$(awk -F': ' '/Maximum resident set size/ {print int($2/1024)}' "$BENCH_DIR/time.$label")
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }

printf '\nPantau SPM benchmark: format=%s db=%s heap=%s quarters=%s big=%s provinces=%s cores=%s\n' \
  "$FORMAT" "$DB" "$HEAP" "$QUARTERS" "$BIG" "${PROVINCES:-all}" "$(nproc)"
printf '%-12s %8s %8s %8s %7s | %8s %8s | %9s %9s %9s %s\n' night rows wall_s cpu_s rss_MB parse_s copy_s \
  run/parse ingest/parse run/copy steps_s
for night in "${nights[@]}"; do
  n_rows=0
  if [ "$night" != none ]; then
    srcs=(); rows_files=()
    for part in ${night//+/ }; do
      srcs+=("$BENCH_DIR/gen/$part"); rows_files+=("$BENCH_DIR/gen/$part.rows")
      cp -r "$BENCH_DIR/gen/$part"/. "$BENCH_DIR/inbox/"
    done
    cat "${rows_files[@]}" >"$BENCH_DIR/night.rows"
    n_rows=$(wc -l <"$BENCH_DIR/night.rows")
    # baselines over exactly this night's files and rows
    timed "parse.$night" java -Xmx"$HEAP" -cp "$cp" id.pantauspm.bench.BareParse "${srcs[@]}"; p_wall=$T_WALL
    psql_ -d "$PG_DB" -c "truncate copy_baseline"
    timed "copy.$night" psql -h "$PG_HOST" -U "$PG_USER" -d "$PG_DB" -v ON_ERROR_STOP=1 -q \
      -c "\\copy copy_baseline from '$BENCH_DIR/night.rows' with (format csv)"; c_wall=$T_WALL
  else
    p_wall=0; c_wall=0
  fi
  # through the launcher, with its JVM options, as a user or cron runs it
  timed "run.$night" env PANTAU_JAVA_OPTS="-Xmx$HEAP" ./pantau run \
    --inbox "$BENCH_DIR/inbox" --data "$BENCH_DIR/data" --reports "$BENCH_DIR/reports" \
    --archive "$BENCH_DIR/archive" --rejected "$BENCH_DIR/rejected" --outbox "$BENCH_DIR/outbox" \
    --catalogue "$here/indicators" "${db[@]}"
  cp "$BENCH_DIR/data/run-status.json" "$BENCH_DIR/status.$night.json"
  steps=$(python3 - "$BENCH_DIR/status.$night.json" <<'PY'
import json, sys
from datetime import datetime
doc = json.load(open(sys.argv[1]))
t = lambda k: datetime.fromisoformat(doc[k].replace("Z", "+00:00"))
job = (t("ended") - t("started")).total_seconds()
print(f"job={job:.1f} " + " ".join(f"{s['name']}={s.get('seconds', 0):.1f}"
      + ("" if s.get("status") in (None, "COMPLETED", "STARTED") else "(" + s["status"] + ")") for s in doc["steps"]))
PY
)
  ingest=$(sed -n 's/.*ingest=\([0-9.]*\).*/\1/p' <<<"$steps")
  printf '%-12s %8s %8.1f %8.1f %7s | %8.1f %8.1f | %9s %9s %9s %s\n' "$night" "$n_rows" "$T_WALL" "$T_CPU" "$T_RSS" \
    "$p_wall" "$c_wall" "$(ratio "$T_WALL" "$p_wall")" "$(ratio "${ingest:-0}" "$p_wall")" "$(ratio "$T_WALL" "$c_wall")" "$([ "$T_OK" = ok ] || echo "$T_OK ")$steps"
done
echo
echo "run/parse: the night's wall time over a bare streaming parse of its files; ingest/parse: the ingest step over"
echo "the same parse (ingest throughput is parse/ingest); run/copy: the night over a PostgreSQL COPY of its rows."
echo "Every process includes its JVM start. Files kept in $BENCH_DIR."
