#!/usr/bin/env bash
# Where the server's CPU goes, by thread: ../shared/bench/side-by-side.sh for one container, and beside it a
# sampler that reads every thread of the server's JVM from /proc at the start and the end of side-by-side.sh's
# own 4 s CPU window (12.5 s after the meter starts, with the default 25 s). Threads whose names differ only by
# numbers are summed (every fan-out thread, every request thread). Prints the side-by-side lines, then the
# threads. One Python process reads /proc: a shell loop forking per thread stalled the run it measured.
#   bench/thread-cpu.sh [VIEWERS] [SECONDS] [jetty|tomcat|wildfly]   (needs gcc, ffmpeg, python3)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
viewers=${1:-5000} seconds=${2:-25} kind=${3:-jetty}
mvn -q -B package -DskipTests
mkdir -p target/bench
python3 - "$seconds" > target/bench/thread-cpu.txt <<'PY' &
import collections, os, re, subprocess, sys, time

def newest(pattern):
    found = subprocess.run(['pgrep', '-f', '-n', pattern], capture_output=True, text=True).stdout.split()
    return found[0] if found else None

def ticks_by_thread_name(pid):
    ticks = collections.defaultdict(lambda: [0, 0])
    for task in os.listdir(f'/proc/{pid}/task'):
        try:
            with open(f'/proc/{pid}/task/{task}/stat') as f:
                stat = f.read()
        except OSError:
            continue  # the thread ended meanwhile
        name = re.sub(r'[0-9]+', 'N', stat[stat.index('(') + 1:stat.rindex(')')])
        fields = stat[stat.rindex(')') + 2:].split()
        ticks[name][0] += int(fields[11])  # user time
        ticks[name][1] += int(fields[12])  # system time
    return ticks

# side-by-side.sh's port for gifstream and its container's work directory, as page-load.sh also knows them
window_start = int(sys.argv[1]) / 2
deadline = time.time() + 300
while not newest('gifmeter 127.0.0.1 18321'):
    if time.time() > deadline:
        sys.exit('the meter never started')
    time.sleep(0.1)
server = newest('java.*side-by-side/container')
time.sleep(window_start)
before, started = ticks_by_thread_name(server), time.time()
time.sleep(4)
after, seconds = ticks_by_thread_name(server), time.time() - started
per_second = os.sysconf('SC_CLK_TCK') * seconds / 100  # ticks that make 1 % of a core
used = {name: [(now - then) / per_second for now, then in zip(after[name], before.get(name, [0, 0]))]
        for name in after}
print(f'server threads over {seconds:.1f} s (100 % = one core):  all   user  system')
for name, (user, system) in sorted(used.items(), key=lambda item: -sum(item[1])):
    if user + system >= 0.1:
        print(f'  {name:36s} {user + system:5.1f} % {user:5.1f} % {system:5.1f} %')
user, system = (sum(times[i] for times in used.values()) for i in (0, 1))
print(f'  {"all":36s} {user + system:5.1f} % {user:5.1f} % {system:5.1f} %')
PY
sampler=$!
trap 'kill $sampler 2>/dev/null || true' EXIT  # a side-by-side run that fails leaves no sampler waiting
../shared/bench/side-by-side.sh "$viewers" "$seconds" "$kind"
wait $sampler
cat target/bench/thread-cpu.txt
