#!/usr/bin/env bash
# Benchmark: the built WAR in a stock Jetty 12.1 (deploy/jetty/run.sh), a producer writing real ffmpeg
# frames at a fixed rate, and N concurrent viewers from an NIO load generator on the same machine.
# Prints one table row per run. See bench/README.md.
#
#   bench/run.sh [--viewers N] [--slow N] [--stuck N] [--fixtures 159x97|320x240|640x360] [--fps F]
#                [--seconds S] [--ramp-seconds S] [--no-build]
#   bench/run.sh --table      # the standard table of bench/README.md
#   BENCH_JFR=1 bench/run.sh --viewers 5000   # also profile the server (JDK Flight Recorder)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

viewers=100 slow=0 stuck=0 fixtures=159x97 fps=10 seconds=20 ramp=10 build=1 table=0
while [ $# -gt 0 ]; do
  case "$1" in
    --viewers) viewers=$2; shift 2 ;;
    --slow) slow=$2; shift 2 ;;
    --stuck) stuck=$2; shift 2 ;;
    --fixtures) fixtures=$2; shift 2 ;;
    --fps) fps=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --ramp-seconds) ramp=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    --table) table=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
if [ "$build" = 1 ]; then
  mvn -q -B package test-compile -DskipTests
fi
classpath_file=target/bench/classpath
mkdir -p target/bench
if [ ! -s "$classpath_file" ]; then
  mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file" >&2
fi
classpath="target/test-classes:$(cat "$classpath_file")"

run_one() { # viewers slow stuck fixtures fps
  local frames="target/bench/frames" port
  rm -rf "$frames"; mkdir -p "$frames"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  # BENCH_JFR=1 records a flight recording of the server: target/bench/server-<viewers>.jfr
  JAVA_TOOL_OPTIONS="${BENCH_JFR:+-XX:StartFlightRecording=filename=$root/target/bench/server-$1.jfr,settings=profile}" \
  deploy/jetty/run.sh --port "$port" --work target/bench/jetty --set gifstream.frames.dir="$root/$frames" \
    --set gifstream.frames.rate="$5" --set gifstream.viewers.max=100000 --set gifstream.status.details=true > target/bench/jetty.log 2>&1 &
  local server=$!
  trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' RETURN
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$port/status" >/dev/null 2>&1 && break
    sleep 0.5
  done
  java -Xmx2g -cp "$classpath" io.gifstream.bench.LoadGenerator \
    --url "http://127.0.0.1:$port/stream.gif" --viewers "$1" --slow "$2" --stuck "$3" \
    --fixtures "src/test/resources/frames/$4" --frames-dir "$frames" --fps "$5" \
    --seconds "$seconds" --ramp-seconds "$ramp" --server-pid "$server" | tail -n +"$header_from"
  header_from=2
}

header_from=1
if [ "$table" = 1 ]; then
  for n in 100 1000 5000 10000; do run_one "$n" 0 0 159x97 10; done
  run_one 1000 0 0 640x360 10
  run_one 100 0 0 320x240 10
  run_one 1000 100 0 159x97 10
else
  run_one "$viewers" "$slow" "$stuck" "$fixtures" "$fps"
fi
