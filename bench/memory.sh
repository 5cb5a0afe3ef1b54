#!/usr/bin/env bash
# A browser's memory while it plays the page (see bench/README.md, "Browser memory"): the WAR in a stock
# Jetty, 640x360 ffmpeg frames written at 10 fps, the page open in the browser, the PSS of the browser's
# processes every minute.
#   bench/memory.sh [chromium|webkit] [MINUTES]     (default: chromium, 30)
#   RECYCLE=600 bench/memory.sh webkit 30           (the page's fresh connection every 600 s, not 60)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
browser=${1:-chromium}
minutes=${2:-30}
mvn -q -B package test-compile -DskipTests
mkdir -p target/bench
mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench/classpath >&2
frames="$root/target/bench/memory-frames"
rm -rf "$frames"; mkdir -p "$frames"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
deploy/jetty/run.sh --port "$port" --work target/bench/jetty-memory --set gifstream.frames.dir="$frames" \
  --set gifstream.page.recycle-seconds="${RECYCLE:-60}" > target/bench/jetty-memory.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/status" >/dev/null 2>&1 && break; sleep 0.5; done
echo "$(date -u +%F) $(nproc) cores, $browser, page recycle ${RECYCLE:-60} s, 640x360 at 10 fps"
java -cp "target/test-classes:$(cat target/bench/classpath)" io.gifstream.bench.BrowserMemoryBenchmark \
  "http://127.0.0.1:$port/" "$minutes" src/test/resources/frames/640x360 "$frames" "$browser"
