#!/usr/bin/env bash
# 5,000 viewers with their pages' status polling, beside the floor (see bench/README.md, "Open pages"):
# ../shared/bench/side-by-side.sh runs gifstream and then the floor under the same meter; while gifstream
# runs, wrk polls /status as 5,000 open pages would (bench/status-poll.lua: 50 connections, one request per
# 20 ms each). Prints the side-by-side lines, then wrk's latency distribution for /status.
#   bench/page-load.sh [VIEWERS] [SECONDS] [jetty|tomcat|wildfly]     (needs Debian's wrk, ffmpeg, gcc)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
viewers=${1:-5000} seconds=${2:-25} kind=${3:-jetty}
mvn -q -B package -DskipTests
mkdir -p target/bench
echo "$(date -u +%F) $(nproc) cores, $viewers viewers on $kind with 2,500 status polls a second"
../shared/bench/side-by-side.sh "$viewers" "$seconds" "$kind" &
side=$!
# side-by-side.sh serves gifstream on port 18321; poll it from when it answers, about as long as the meter runs
# (the server is stopped after the meter: polls after that fail and count as socket errors)
for _ in $(seq 1 240); do curl -sf http://127.0.0.1:18321/status >/dev/null 2>&1 && break; sleep 0.5; done
wrk -t1 -c50 -d"${seconds}s" --latency -s bench/status-poll.lua http://127.0.0.1:18321 > target/bench/status-poll.txt
wait $side
echo "status polls during the gifstream run:"
sed -n '/Latency Distribution/,/Requests\/sec/p' target/bench/status-poll.txt
