#!/usr/bin/env bash
# Crowds that come and go at one server: ROUNDS crowds of VIEWERS, one after the other, each watching for
# SECONDS and leaving, at gifstream started by deploy/<container>/run.sh with a GC log. What a long-lived
# server meets when pages recycle their streams: every crowd's connections become garbage that has outlived
# young collections. Prints the meter's line for each crowd (../shared/bench/gifmeter.c: frames to the
# slowest viewer, latency from the producer closing a frame file), then every collection with its pause.
#   bench/crowds.sh [ROUNDS] [VIEWERS] [SECONDS] [jetty|tomcat|wildfly]
#   (defaults: 6 5000 25 jetty; needs gcc, ffmpeg, python3; see bench/README.md, "The containers in turn")
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd) shared=$(cd "$(dirname "$0")/../../shared/bench" && pwd)
cd "$root"
rounds=${1:-6} viewers=${2:-5000} seconds=${3:-25} kind=${4:-jetty}
mvn -q -B package -DskipTests >&2
w=${TMPDIR:-/tmp}/gifstream-crowds; rm -rf "$w"; mkdir -p "$w/src" "$w/in" "$w/bin"
gcc -O2 -o "$w/bin/gifmeter" "$shared/gifmeter.c"
ffmpeg -loglevel error -f lavfi -i "testsrc=size=640x480:rate=10" -t 5 -pix_fmt pal8 -s 159x97 \
  -f image2 -c:v gif -gifimage 1 "$w/src/in%d.gif"
port=18341
cleanup() { [ -n "${server:-}" ] && kill -- -"$server" 2>/dev/null; [ -n "${producer:-}" ] && kill "$producer" 2>/dev/null; true; }
trap cleanup EXIT
"$shared/producer.py" "$w/src" "$w/in" 10 $((rounds * (seconds + 5) + 180)) --keep 300 > /dev/null & producer=$!
JAVA_TOOL_OPTIONS="-Xlog:gc:file=$w/gc.log:time ${JAVA_TOOL_OPTIONS:-}" setsid deploy/"$kind"/run.sh --port $port \
  --work "$w/container" --set gifstream.frames.dir="$w/in" --set gifstream.viewers.max=100000 > "$w/container.log" 2>&1 &
server=$!
for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:$port/status" >/dev/null 2>&1 && break; sleep 0.5; done
echo "$(date -u '+%F %H:%M UTC') $(nproc) cores, $rounds crowds of $viewers on $kind, $seconds s each"
for round in $(seq 1 "$rounds"); do
  echo "crowd $round at $(date -u +%T): $(GIFMETER_SRC="$w/src" "$w/bin/gifmeter" 127.0.0.1 $port /stream.gif \
    "$viewers" "$seconds" "$w/stamps.log")"
  sleep 2
done
echo "collections (wall clock, UTC):"
grep 'Pause' "$w/gc.log"
