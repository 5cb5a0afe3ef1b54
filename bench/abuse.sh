#!/usr/bin/env bash
# Client abuse, measured (see bench/README.md, "Client abuse"): the WAR in a stock Jetty fed ffmpeg frames
# at 10 fps, one fast viewer, and hostile clients all at once. Prints what they cost the fast viewer
# (frames lost, latency) and whether the server's heap, files and threads come back to their baseline.
#   bench/abuse.sh [STUCK SLOW_HEADERS VANISHING CYCLES]     (default: 1000 200 500 10000)
#   bench/abuse.sh --runs N [...]                            (the same N times in a row)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
runs=1
if [ "${1:-}" = --runs ]; then runs=$2; shift 2; fi
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
mvn -q -B package test-compile -DskipTests
mkdir -p target/bench
mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench/classpath >&2
echo "# $(date -u +%Y-%m-%d) on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(java -version 2>&1 | head -1)"
for run in $(seq 1 "$runs"); do
  echo "## run $run"
  java -cp "target/test-classes:$(cat target/bench/classpath)" io.gifstream.bench.ClientAbuseBenchmark "$@"
done
