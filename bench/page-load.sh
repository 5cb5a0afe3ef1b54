#!/usr/bin/env bash
# 5,000 viewers with their pages' status polling, beside the floor (see bench/README.md, "Open pages"):
# ../shared/bench/side-by-side.sh runs gifstream and then the floor under the same meter; while gifstream
# runs, wrk polls /status as that many open pages would (bench/status-poll.lua, 50 connections): each page
# every POLL_SECONDS, by default what the server tells that many pages (web/PollInterval: 2 s up to 1,000
# viewers, then longer to keep about 500 polls a second, at most 10 s; POLL_SECONDS=2 makes the 2,500 a
# second of 5,000 pages polling every 2 s). Prints the side-by-side lines, then wrk's latency for /status.
#   [POLL_SECONDS=s] bench/page-load.sh [VIEWERS] [SECONDS] [jetty|tomcat|wildfly]   (needs wrk, ffmpeg, gcc)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
viewers=${1:-5000} seconds=${2:-25} kind=${3:-jetty}
poll_seconds=${POLL_SECONDS:-$(( (viewers + 499) / 500 < 2 ? 2 : (viewers + 499) / 500 > 10 ? 10 : (viewers + 499) / 500 ))}
export POLL_DELAY_MS=$(( 50 * poll_seconds * 1000 / viewers ))
mvn -q -B package -DskipTests
mkdir -p target/bench
echo "$(date -u +%F) $(nproc) cores, $viewers viewers on $kind, their pages polling every ${poll_seconds} s:" \
    "about $(( viewers / poll_seconds )) status polls a second"
../shared/bench/side-by-side.sh "$viewers" "$seconds" "$kind" &
side=$!
# side-by-side.sh serves gifstream on port 18321; poll it from when it answers, about as long as the meter runs
# (the server is stopped after the meter: polls after that fail and count as socket errors)
for _ in $(seq 1 240); do curl -sf http://127.0.0.1:18321/status >/dev/null 2>&1 && break; sleep 0.5; done
wrk -t1 -c50 -d"${seconds}s" --latency -s bench/status-poll.lua http://127.0.0.1:18321 > target/bench/status-poll.txt
wait $side
echo "status polls during the gifstream run:"
sed -n '/Latency Distribution/,/Requests\/sec/p' target/bench/status-poll.txt
