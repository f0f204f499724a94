#!/usr/bin/env bash
# Proof under load (bench/load.py): `samverkan serve` on PostgreSQL with a generated country, 100 users with think
# times for two minutes (bench/locustfile.py), on the loopback only; then p50, p95 and max per page kind.
#
#   LOAD_GENERATE=1 bash bench/load.sh     # first: a new database samverkan_load with `samverkan generate`
#   bash bench/load.sh                     # again on the same country (each run adds its surveys and incidents)
#
# LOAD_DATABASE, LOAD_USERS (100), LOAD_TIME (2m), LOAD_REPORTER_SECONDS (30-90 between a reporter's incidents;
# 5-15 for the stress run), LOAD_WORKERS (gunicorn's, default 2 × cores + 1), LOAD_THREADS (per worker, default 1),
# LOAD_PORT and LOAD_OUT (/tmp/samverkan-load) change it. Every user comes from the one address 127.0.0.1, so the per-address
# limits of the public forms and the API are off for the run; two-factor login is off (the sessions are made
# beforehand, bench/load.py prepare).
set -euo pipefail
cd "$(dirname "$0")/.."
uv() { python3 -m uv "$@"; }

DATABASE=${LOAD_DATABASE:-samverkan_load}
PORT=${LOAD_PORT:-8123}
OUT=${LOAD_OUT:-/tmp/samverkan-load}
mkdir -p "$OUT/data"
export DATABASE_URL="postgres://postgres@127.0.0.1:5432/$DATABASE"
export DEBUG=false SECRET_KEY="load-run-$(python3 -c 'import secrets; print(secrets.token_urlsafe(50))')"
export ALLOWED_HOSTS=127.0.0.1 REQUIRE_2FA=false SAMVERKAN_DATA_DIR="$OUT/data" SECURITY_LOG_FILE="" MAP_TILE_URL=""
export PUBLIC_FORM_PER_MINUTE=0 PUBLIC_FORM_PER_HOUR=0 SURVEY_REPEAT_HOURS=0 API_PER_MINUTE=0
# The pictures' cache the server processes share (README, "The pictures' cache"): the Redis on this machine,
# emptied first so that every run starts from the same place; LOAD_PICTURE_CACHE=memory keeps one per process.
export PICTURE_CACHE=${LOAD_PICTURE_CACHE:-redis://127.0.0.1:6379/1}

if [ "${LOAD_GENERATE:-0}" = 1 ]; then
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $DATABASE" -c "CREATE DATABASE $DATABASE"
  uv run samverkan generate --incidents "${LOAD_INCIDENTS:-100000}"
fi
uv run python bench/load.py prepare --targets "$OUT/targets.json"
uv run python -m samverkan shell -c "from django.core.cache import caches; caches['pictures'].clear()"

if curl -fsS -o /dev/null "http://127.0.0.1:$PORT/konto/logga-in/" 2>/dev/null; then
  echo "something already answers on port $PORT: stop it, or set LOAD_PORT" >&2
  exit 1
fi
server_args=(serve --bind "127.0.0.1:$PORT")
[ -n "${LOAD_WORKERS:-}" ] && server_args+=(--workers "$LOAD_WORKERS")
[ -n "${LOAD_THREADS:-}" ] && server_args+=(--threads "$LOAD_THREADS")
# The environment's own Python, not `uv run`: the server is then this script's child, which SIGTERM stops.
python=$(uv run python -c 'import sys; print(sys.executable)')
"$python" -m samverkan "${server_args[@]}" >"$OUT/serve.log" 2>&1 &
server=$!
trap 'kill -TERM "$server" 2>/dev/null; wait "$server" 2>/dev/null || true' EXIT
for _ in $(seq 120); do
  curl -fsS -o /dev/null "http://127.0.0.1:$PORT/konto/logga-in/" 2>/dev/null && break
  sleep 1
done

# Every picture the users read built once (bench/load.py warm), as on a server that has run a day.
uv run python bench/load.py warm --targets "$OUT/targets.json" "http://127.0.0.1:$PORT"

# A server that has run a while: `serve` imports the libraries once before it forks its processes, but each process
# opens its connections and fills its template loaders on its first requests. LOAD_WARMUP (40s; 0: none) of
# LOAD_WARMUP_USERS (20) of the same users first, reported apart, and 15 s for the server to finish what they
# asked; then the measured run.
if [ "${LOAD_WARMUP:-40s}" != 0 ]; then
  echo "warm-up: ${LOAD_WARMUP_USERS:-20} users for ${LOAD_WARMUP:-40s}"
  LOAD_TARGETS="$OUT/targets.json" uv run locust -f bench/locustfile.py --headless --only-summary \
    -u "${LOAD_WARMUP_USERS:-20}" -r 2 -t "${LOAD_WARMUP:-40s}" --stop-timeout 10 \
    --host "http://127.0.0.1:$PORT" --csv "$OUT/warmup" >"$OUT/warmup.log" 2>&1 || true
  uv run python bench/load.py summarise "$OUT/warmup_stats.csv" || true
  sleep 15
fi
echo "load: ${LOAD_USERS:-100} users for ${LOAD_TIME:-2m} on $(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
LOAD_TARGETS="$OUT/targets.json" uv run locust -f bench/locustfile.py --headless --only-summary \
  -u "${LOAD_USERS:-100}" -r 10 -t "${LOAD_TIME:-2m}" --stop-timeout 10 \
  --host "http://127.0.0.1:$PORT" --csv "$OUT/load" >"$OUT/locust.log" 2>&1 || true
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
uv run python bench/load.py summarise "$OUT/load_stats.csv"
