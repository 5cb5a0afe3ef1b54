#!/usr/bin/env bash
# Bad frame files, measured (see bench/README.md, "Bad frame files"): a producer writes 80 files at 10 fps
# into a real directory, every third one bad (ten kinds in turn: truncated, empty, noise, PNG, header only,
# no trailer, a flipped bit, two images, a 65535x65535 screen, over the byte limit), watched with the
# default grace. Prints how many good frames were published, and how long each took from close to publish.
#   bench/bad-frames.sh [--runs N]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
runs=1
if [ "${1:-}" = --runs ]; then runs=$2; fi
mvn -q -B compile test-compile
mkdir -p target/bench
mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench/classpath >&2
echo "# $(date -u +%Y-%m-%d) on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(java -version 2>&1 | head -1)"
for run in $(seq 1 "$runs"); do
  java -cp "target/classes:target/test-classes:$(cat target/bench/classpath)" io.gifstream.ingest.EveryThirdFileBadMeasurement
done
