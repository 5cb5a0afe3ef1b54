#!/usr/bin/env bash
# Issue 14's table: ../shared/bench/side-by-side.sh a few times per container, the containers taking turns
# (jetty, tomcat, wildfly, jetty, ...) so that each container's runs spread over the same stretch of this
# machine's weather. Prints a Markdown table with a row per run (gifstream and the floor from the same run,
# and their ratios), then per container how many runs met each target and the median ratios:
# every stream valid, >= 99 % of frames to the slowest viewer, p99 latency and server CPU <= 2x the floor's.
# The floor's CPU is a 4 s sample and moves by a third from run to run: read the medians, not one row.
#   bench/side-by-side-runs.sh [RUNS] [VIEWERS] [SECONDS] [CONTAINER...]
#   (defaults: 3 5000 25 jetty tomcat wildfly; from anywhere; needs gcc, ffmpeg, python3, about 2.5 min a run)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
runs=${1:-3} viewers=${2:-5000} seconds=${3:-25}
shift $(($# < 3 ? $# : 3))
containers=("$@")
[ ${#containers[@]} -gt 0 ] || containers=(jetty tomcat wildfly)
out=target/bench/side-by-side-runs
rm -rf "$out"; mkdir -p "$out"
mvn -q -B package -DskipTests >&2

cpu=$(lscpu | sed -n 's/^Model name: *//p' | head -1)
java=$(java -version 2>&1 | head -1)
echo "$(date -u '+%F %H:%M UTC'), $(nproc) cores ($cpu), $(free -g | awk '/^Mem:/ {print $2}') GiB, $java:"
echo "$viewers viewers, $seconds s, 10 fps, 159x97 frames, meter and producer on the same cores"
echo
for run in $(seq 1 "$runs"); do
  for container in "${containers[@]}"; do
    ../shared/bench/side-by-side.sh "$viewers" "$seconds" "$container" 2>&1 | grep '^{' > "$out/$container-$run.json" || true
  done
done

python3 - "$out" "$runs" "${containers[@]}" <<'PY'
import json, statistics, sys
out, runs, containers = sys.argv[1], int(sys.argv[2]), sys.argv[3:]

def delivered(m):  # frames counted from each viewer's connection, expected ones from the last connection on
    return min(100.0, 100.0 * m["frames_min"] / m["expected_after_ramp"])

def valid(m):
    return m["gif_errors"] == 0 and m["failed_connects"] == 0 and m["alive_fast"] == m["clients"]

print("| container | run | streams valid | delivered to the slowest | latency p99 (floor's) | p99 ratio "
      "| server CPU (floor's) | CPU ratio |")
print("|---|---|---|---|---|---|---|---|")
summary = []
for container in containers:
    rows = []
    for run in range(1, runs + 1):
        lines = [json.loads(l) for l in open(f"{out}/{container}-{run}.json") if l.strip()]
        if len(lines) != 2:
            print(f"| {container} | {run} | no result: see side-by-side.sh's output | | | | | |")
            continue
        ours, floor = lines
        p99 = ours["lat_ms_p99"] / floor["lat_ms_p99"]
        cpu = ours["server_cpu_pct"] / max(floor["server_cpu_pct"], 1)
        rows.append((valid(ours), delivered(ours), p99, cpu))
        print(f"| {container} | {run} | {'yes' if valid(ours) else 'NO'} | {delivered(ours):.1f} % "
              f"| {ours['lat_ms_p99']:,.0f} ms ({floor['lat_ms_p99']:,.0f} ms) | {p99:.2f}x "
              f"| {ours['server_cpu_pct']} % ({floor['server_cpu_pct']} %) | {cpu:.2f}x |")
    summary.append((container, rows))

print()
print("| container | runs | all valid | >= 99 % delivered | p99 <= 2x | CPU <= 2x | all four | median p99 ratio | median CPU ratio |")
print("|---|---|---|---|---|---|---|---|---|")
for container, rows in summary:
    if not rows:
        continue
    met = lambda test: sum(1 for r in rows if test(r))
    print(f"| {container} | {len(rows)} | {met(lambda r: r[0])} | {met(lambda r: r[1] >= 99)} "
          f"| {met(lambda r: r[2] <= 2)} | {met(lambda r: r[3] <= 2)} "
          f"| {met(lambda r: r[0] and r[1] >= 99 and r[2] <= 2 and r[3] <= 2)} "
          f"| {statistics.median(r[2] for r in rows):.2f}x | {statistics.median(r[3] for r in rows):.2f}x |")
PY
