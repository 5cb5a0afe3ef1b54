#!/usr/bin/env bash
# Runs gifstream as the ROOT application of a stock WildFly (standalone, default profile), configured
# the way WildFly administrators do it: gifstream.* as server system properties written with
# jboss-cli (they land in standalone.xml), the WAR in the deployment scanner's folder.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
VERSION=38.0.1.Final
WORK="$GIFSTREAM_ROOT/target/deploy/wildfly"
parse_options "$@"

home=$(fetch_distribution "org.wildfly:wildfly-dist:$VERSION" "wildfly-$VERSION")
# a fresh server instance each run: configuration, deployments, data and logs under $WORK
base="$WORK/standalone"
rm -rf "$base"
cp -r "$home/standalone" "$base"

commands="embed-server --server-config=standalone.xml --std-out=discard"
# Undertow logs UT005088 at ERROR for every viewer that leaves (see README.md, "A viewer that leaves");
# the filter drops that one message and nothing else of io.undertow.request.io
commands+=",/subsystem=logging/logger=io.undertow.request.io:add(filter-spec=\"not(match(\\\"UT005088\\\"))\")"
for setting in "${SETTINGS[@]}"; do
  value=${setting#*=}
  commands+=",/system-property=${setting%%=*}:add(value=\"${value//\"/\\\"}\")"
done
commands+=",stop-embedded-server"
JBOSS_HOME="$home" "$home/bin/jboss-cli.sh" -Djboss.server.base.dir="$base" --commands="$commands" >&2

cp "$WAR" "$base/deployments/ROOT.war"
# every port moves with the HTTP port: management = 9990 + offset, and so on
offset=$((PORT - 8080))
echo "gifstream on WildFly $VERSION: http://localhost:$PORT/ (server base: $base, port offset $offset)" >&2
# The parallel collector: with 5,000 viewers, G1's concurrent refinement (the write barrier's bookkeeping for
# every per-viewer object that points at a fresh frame or write) took a quarter of a core, and the server
# 120 % of one instead of 70 % (bench/README.md, "Side by side with the floor"). The heap here is small and
# short-lived, so its young-generation pauses stay in tens of milliseconds.
# A heap of 1 GiB from the start instead of WildFly's 64 MiB growing to 512: on the growing one, 5,000 viewers
# brought full collections of about 0.3 s ("Ergonomics") every 25 s or so; on the fixed one only young
# collections of 55-95 ms came (bench/README.md, "A warm-up that waits for the JIT compiler").
# MaxTenuringThreshold=0: what outlives one young collection is a viewer's connection, which lives for minutes,
# so it goes to the old generation at once instead of being copied by every young collection
# (deploy/jetty/run.sh).
# (standalone.conf takes the heap settings from JBOSS_JAVA_SIZING and keeps its other defaults)
export JBOSS_JAVA_SIZING="${JBOSS_JAVA_SIZING:--Xms1g -Xmx1g} -XX:+UseParallelGC -XX:MaxTenuringThreshold=0"
export JBOSS_HOME="$home"
exec "$home/bin/standalone.sh" -Djboss.server.base.dir="$base" -Djboss.socket.binding.port-offset="$offset"
