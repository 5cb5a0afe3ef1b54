#!/usr/bin/env bash
# Glass-to-glass lag in headless Chromium, Firefox or WebKit (see bench/README.md, "Lag"): the WAR in a stock Jetty,
# numbered frames written in place at 10 fps, the page in the browser, screenshots back to back. The page
# swaps in a fresh image every 10 s (not the default 60 s), so that every run crosses a few swaps.
#   bench/lag.sh [steady|stall|network|fast|slow|preroll ...]     (default: all)
#   BROWSER=firefox bench/lag.sh ...                              (Firefox ESR; needs npm ci --prefix src/test/js)
#   BROWSER=webkit bench/lag.sh ...                               (WebKitGTK MiniBrowser on its own Xvfb display)
#   LAG_OPTIONS="--noise true --stall-ms 10000" bench/lag.sh network   (big frames, a longer stall)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scenarios=("$@")
[ "${#scenarios[@]}" -gt 0 ] || scenarios=(steady stall network fast slow preroll)
mvn -q -B package test-compile -DskipTests
mkdir -p target/bench
mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench/classpath >&2
echo "| scenario | frames seen | lag p50 ms | p95 ms | max ms |"
echo "|---|---|---|---|---|"
for scenario in "${scenarios[@]}"; do
  frames="$root/target/bench/lag-frames"
  rm -rf "$frames"; mkdir -p "$frames"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  preroll=0; [ "$scenario" = preroll ] && preroll=2
  deploy/jetty/run.sh --port "$port" --work target/bench/jetty --set gifstream.frames.dir="$frames" \
    --set gifstream.preroll.seconds=$preroll --set gifstream.page.recycle-seconds=10 --set gifstream.status.details=true > target/bench/jetty-lag.log 2>&1 &
  server=$!
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/status" >/dev/null 2>&1 && break; sleep 0.5; done
  java -cp "target/test-classes:$(cat target/bench/classpath)" io.gifstream.bench.LagBenchmark \
    --url "http://127.0.0.1:$port/" --frames-dir "$frames" --seconds 30 \
    --scenario "$([ "$scenario" = preroll ] && echo steady || echo "$scenario")" --label "$scenario" \
    --browser "${BROWSER:-chromium}" ${LAG_OPTIONS:-}
  kill $server; wait $server 2>/dev/null || true
done
