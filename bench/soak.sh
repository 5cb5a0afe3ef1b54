#!/usr/bin/env bash
# Soak: the built WAR in a stock Jetty for an hour (default) with a live producer and viewer churn,
# sampling the server's heap after GC, open file descriptors, threads and /status every minute.
#   bench/soak.sh [--minutes N] [--steady N] [--churn N]      (not part of CI)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
minutes=60 steady=50 churn=10
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) minutes=$2; shift 2 ;;
    --steady) steady=$2; shift 2 ;;
    --churn) churn=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
ulimit -n 65536 2>/dev/null || true
mvn -q -B package test-compile -DskipTests
mkdir -p target/soak
mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/soak/classpath >&2
frames="$root/target/soak/frames"
rm -rf "$frames"; mkdir -p "$frames"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
deploy/jetty/run.sh --port "$port" --work target/soak/jetty --set gifstream.frames.dir="$frames" \
  --set gifstream.viewer.stall-timeout=5 --set gifstream.status.details=true > target/soak/jetty.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/status" >/dev/null 2>&1 && break; sleep 0.5; done
java -cp "target/test-classes:$(cat target/soak/classpath)" io.gifstream.bench.SoakDriver \
  --url "http://127.0.0.1:$port/stream.gif" --pid "$server" --minutes "$minutes" --steady "$steady" \
  --churn "$churn" --frames-dir "$frames"
echo "server log problems: $(grep -cE 'SEVERE|ERROR|Exception' target/soak/jetty.log || true)"
