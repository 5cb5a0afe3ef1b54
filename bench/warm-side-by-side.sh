#!/usr/bin/env bash
# ../shared/bench/side-by-side.sh with one difference: before the measured crowd, a first crowd of the same
# size watches gifstream for 10 s and leaves. The measured run then shows a warm server taking a new crowd
# (the JIT compiler is done with the container's request and write paths), where side-by-side.sh shows a
# server that starts cold 3 s before 5,000 viewers arrive in 2.5 s. The floor is measured as in
# side-by-side.sh: a C server has nothing to warm, and limitserver loses track of a crowd that left (a
# first crowd cost the next one 1,510 of its 5,000 connections).
# See bench/README.md, "Side by side with the floor".
#   bench/warm-side-by-side.sh [VIEWERS] [SECONDS] [jetty|tomcat|wildfly]   (from the project root; gcc, ffmpeg)
set -euo pipefail
N=${1:-5000} S=${2:-25} KIND=${3:-jetty}
ROOT=$(cd "$(dirname "$0")/.." && pwd) SHARED=$(cd "$(dirname "$0")/../../shared/bench" && pwd)
cd "$ROOT"
mvn -q -B package -DskipTests
W=${TMPDIR:-/tmp}/warm-side-by-side; rm -rf "$W"; mkdir -p "$W/src" "$W/in" "$W/floor/parts" "$W/bin"
gcc -O2 -o "$W/bin/gifmeter" "$SHARED/gifmeter.c"; gcc -O2 -o "$W/bin/limitserver" "$SHARED/limitserver.c"
ffmpeg -loglevel error -f lavfi -i "testsrc=size=640x480:rate=10" -t 5 -pix_fmt pal8 -s 159x97 \
  -f image2 -c:v gif -gifimage 1 "$W/src/in%d.gif"
PORT=18321
cleanup() { [ -n "${SERVER:-}" ] && kill -- -"$SERVER" 2>/dev/null; [ -n "${PROD:-}" ] && kill "$PROD" 2>/dev/null; true; }
trap cleanup EXIT
echo "$(date -u +%F) $(nproc) cores, $N viewers on $KIND after a first crowd of $N"
"$SHARED/producer.py" "$W/src" "$W/in" 10 $((S + 140)) --keep 300 & PROD=$!
setsid "$ROOT/deploy/$KIND/run.sh" --port $PORT --work "$W/container" --set gifstream.frames.dir="$W/in" \
  --set gifstream.viewers.max=100000 > "$W/container.log" 2>&1 & SERVER=$!
for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:$PORT/status" >/dev/null 2>&1 && break; sleep 0.5; done
sleep 3
"$W/bin/gifmeter" 127.0.0.1 $PORT /stream.gif "$N" 10 > /dev/null
sleep 2
pid=$(ss -ltnpH "sport = :$PORT" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
cpu() { awk '{print $14+$15}' /proc/$pid/stat; }
GIFMETER_SRC="$W/src" "$W/bin/gifmeter" 127.0.0.1 $PORT /stream.gif "$N" "$S" "$W/stamps.log" > "$W/gifstream.json" & M=$!
sleep $((S / 2)); c1=$(cpu); sleep 4; c2=$(cpu); wait $M
echo "{\"server\": \"gifstream on $KIND, warm\", $(tr -d '{}\n' < "$W/gifstream.json"), \"server_cpu_pct\": $(( (c2 - c1) * 100 / 4 / $(getconf CLK_TCK) ))}"
cleanup; SERVER= PROD=; sleep 2
"$SHARED/partsproducer.py" "$W/src" "$W/floor/parts" 10 $((S + 15)) > /dev/null & PROD=$!
# limitserver cannot bind a port that an earlier run's connections still hold in TIME_WAIT
for _ in $(seq 1 70); do ss -tanH "( sport = :18322 )" | grep -q . || break; sleep 1; done
sleep 1; "$W/bin/limitserver" 18322 "$W/floor/parts" & FLOOR=$!
sleep 0.5
GIFMETER_SHIFT=0 GIFMETER_SRC="$W/src" "$W/bin/gifmeter" 127.0.0.1 18322 /stream.gif "$N" "$S" "$W/floor/stamps.log" > "$W/floor.json" & M=$!
sleep $((S / 2)); c1=$(awk '{print $14+$15}' /proc/$FLOOR/stat); sleep 4; c2=$(awk '{print $14+$15}' /proc/$FLOOR/stat); wait $M
kill $FLOOR 2>/dev/null
echo "{\"server\": \"floor\", $(tr -d '{}\n' < "$W/floor.json"), \"server_cpu_pct\": $(( (c2 - c1) * 100 / 4 / $(getconf CLK_TCK) ))}"
