#!/bin/bash
# Load test of GET /api/similar with the MEDIQA consumer questions (see the module README, "Benchmark").
# Usage: bench/bench-similar.sh [BASE_URL] [RATE] [CONNECTIONS] [SECONDS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
base=${1:-http://127.0.0.1:8083}
rate=${2:-200}
connections=${3:-50}
seconds=${4:-60}
questions=${ASKFLOW_DATASETS:-$here/../../../shared/datasets}/mediqa-dev/questions.jsonl
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "single client (1 connection, closed loop, ${seconds}s/3):"
wrk -t1 -c1 -d$((seconds / 3))s --latency -s "$here/similar.lua" "$base" -- "$questions" 1000000 1 \
  | grep -E "Requests/sec|^ +(50|90|99)%|Non-2xx|Socket errors"
echo "${rate} requests/s over ${connections} connections, ${seconds}s:"
wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$here/similar.lua" "$base" -- "$questions" "$rate" "$connections" \
  | grep -E "Requests/sec|^ +(50|75|90|99)%|Non-2xx|Socket errors|requests in"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
