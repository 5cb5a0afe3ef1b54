#!/usr/bin/env bash
# Where the fan-out's time goes, by code: ../shared/bench/side-by-side.sh for one container, and async-profiler
# (from Maven Central) attached to the server for 8 s of the steady state, 10 s after the meter starts. Prints
# the side-by-side lines, then the fan-out threads' CPU samples split by the code they were in: the kernel,
# the container, the JDK's socket code (with libc), gifstream. The collapsed stacks stay in target/bench.
#   bench/profile.sh [VIEWERS] [SECONDS] [jetty|tomcat|wildfly]   (needs gcc, ffmpeg, python3; Linux x64)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
viewers=${1:-5000} seconds=${2:-25} kind=${3:-jetty}
mvn -q -B package -DskipTests
mkdir -p target/bench
mvn -q -B dependency:copy -Dartifact=tools.profiler:async-profiler:3.0 -DoutputDirectory=target/bench
unzip -o -q -j target/bench/async-profiler-3.0.jar linux-x64/libasyncProfiler.so -d target/bench
profiler=$root/target/bench/libasyncProfiler.so
stacks=$root/target/bench/profile-$kind.collapsed
rm -f "$stacks"
cat > target/bench/Attach.java <<'JAVA'
public class Attach {
    public static void main(String[] args) throws Exception {
        var vm = com.sun.tools.attach.VirtualMachine.attach(args[0]);
        vm.loadAgentPath(args[1], args[2]);
        vm.detach();
    }
}
JAVA
(
  # side-by-side.sh's port for gifstream and its container's work directory, as thread-cpu.sh knows them
  for _ in $(seq 3000); do pgrep -f -n 'gifmeter 127.0.0.1 18321' > /dev/null && break; sleep 0.1; done
  server=$(pgrep -f -n 'java.*side-by-side/container')
  sleep 10
  java target/bench/Attach.java "$server" "$profiler" start,event=cpu,interval=1ms > /dev/null
  sleep 8
  java target/bench/Attach.java "$server" "$profiler" "stop,collapsed,file=$stacks" > /dev/null
) &
profiling=$!
trap 'kill $profiling 2>/dev/null || true' EXIT  # a side-by-side run that fails leaves nothing waiting
../shared/bench/side-by-side.sh "$viewers" "$seconds" "$kind"
wait $profiling
python3 - "$stacks" <<'PY'
import collections, re, sys
jdk_socket = re.compile(r'^(sun/nio/ch/|Java_sun_nio|__GI_write|__GI___writev|writev$|fdval|\[vdso\])')
container = re.compile(r'^(org/eclipse/jetty|org/apache|io/undertow|org/xnio|org/jboss|org/wildfly)')
gifstream = re.compile(r'^io/gifstream')
samples = collections.Counter()
for line in open(sys.argv[1]):
    stack, count = line.rstrip().rsplit(' ', 1)
    if 'FanOut$Worker.run' not in stack:
        continue
    frames = stack.split(';')
    if frames[-1].endswith('_[k]'):
        samples['the kernel'] += int(count)
        continue
    owner = 'other'  # the JVM itself: stubs, the collector's barriers
    for frame in reversed(frames):  # the innermost frame that names its code; JDK helpers count for their caller
        if jdk_socket.match(frame):
            owner = "the JDK's socket code"
            break
        if container.match(frame):
            owner = 'the container'
            break
        if gifstream.match(frame):
            owner = 'gifstream'
            break
    samples[owner] += int(count)
total = sum(samples.values())
print(f'fan-out threads, {total} samples of 1 ms:')
for owner, count in samples.most_common():
    print(f'  {owner:24s} {100 * count / total:5.1f} %')
PY
