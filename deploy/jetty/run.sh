#!/usr/bin/env bash
# Runs gifstream as the ROOT application of a stock Eclipse Jetty 12.1 with only the modules http
# and ee10-deploy, and a stop timeout (at shutdown, Jetty lets the streams end with their trailer
# before it closes the connections), configured the way Jetty administrators do it: a jetty.base with a context file
# webapps/ROOT.xml, whose override descriptor sets gifstream.* (context-params in web.xml are
# applied after the context file, so only an override descriptor can replace them).
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
VERSION=12.1.12
WORK="$GIFSTREAM_ROOT/target/deploy/jetty"
parse_options "$@"

home=$(fetch_distribution "org.eclipse.jetty:jetty-home:$VERSION" "jetty-home-$VERSION")
base="$WORK/base-$VERSION"
if [ ! -d "$base/webapps" ]; then
  mkdir -p "$base"
  (cd "$base" && java -jar "$home/start.jar" --add-modules=http,ee10-deploy >&2)
fi
mkdir -p "$base/apps" "$base/etc"
# A stop timeout, without the graceful module: measured, its GracefulHandler gave a viewer 1.2 s
# stalls while thousands of clients connected and vanished (ClientAbuseIT failed 5 of 11 runs).
cat > "$base/etc/gifstream-stop-timeout.xml" <<'XML'
<?xml version="1.0"?>
<!DOCTYPE Configure PUBLIC "-//Jetty//Configure//EN" "https://jetty.org/configure_10_0.dtd">
<Configure id="Server" class="org.eclipse.jetty.server.Server">
  <Set name="stopTimeout">5000</Set>
</Configure>
XML
echo "etc/gifstream-stop-timeout.xml" > "$base/start.d/gifstream-stop-timeout.ini"
cp "$WAR" "$base/apps/gifstream.war"
{
  echo '<?xml version="1.0" encoding="UTF-8"?>'
  echo '<web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">'
  for setting in "${SETTINGS[@]+"${SETTINGS[@]}"}"; do
    echo "  <context-param><param-name>$(xml_escape "${setting%%=*}")</param-name><param-value>$(xml_escape "${setting#*=}")</param-value></context-param>"
  done
  echo '</web-app>'
} > "$base/etc/gifstream-override-web.xml"
cat > "$base/webapps/ROOT.xml.new" <<XML
<?xml version="1.0"?>
<!DOCTYPE Configure PUBLIC "-//Jetty//Configure//EN" "https://jetty.org/configure_10_0.dtd">
<Configure class="org.eclipse.jetty.ee10.webapp.WebAppContext">
  <Set name="contextPath">/</Set>
  <Set name="war"><Property name="jetty.base"/>/apps/gifstream.war</Set>
  <Set name="overrideDescriptor"><Property name="jetty.base"/>/etc/gifstream-override-web.xml</Set>
</Configure>
XML
mv "$base/webapps/ROOT.xml.new" "$base/webapps/ROOT.xml"

echo "gifstream on Jetty $VERSION: http://localhost:$PORT/ (jetty.base: $base)" >&2
cd "$base"
# The parallel collector: with 5,000 viewers, G1's concurrent refinement (the write barrier's bookkeeping for
# every per-viewer object that points at a fresh frame or write) took a quarter of a core, and the server
# 120 % of one instead of 70 % (bench/README.md, "Side by side with the floor"). The heap here is small and
# short-lived, so its young-generation pauses stay in tens of milliseconds.
# MaxTenuringThreshold=0: what outlives one young collection is a viewer's connection, which lives for minutes,
# so it goes to the old generation at once instead of being copied again by every young collection (with
# 5,000 viewers 45-140 ms every 14 s before, 12-38 ms after the one collection that moves them).
# A fixed heap of 1 GiB, every page of it touched at start (AlwaysPreTouch): on the default heap, which grows
# and resizes its young generation, the collection that moves a crowd of 5,000 into the old generation first
# faulted in each page it copied to (77-113 ms; 57-58 ms pretouched), and in some runs the server took up to
# 1,000 page faults a second, 15 pretouched (bench/README.md, "One queue item for all, direct copies...").
# scanInterval 1: the deployer notices a changed or removed ROOT.xml (redeploy/undeploy) within a second.
# acceptQueueSize: Jetty's default leaves the kernel's queue of new connections at 50; a crowd arriving at
# 2,000 a second overflows it whenever the acceptor pauses, and each dropped connection waits a second for
# its retry (measured: the last viewers of a 5,000 crowd started a second, 10 frames, late)
exec java -XX:+UseParallelGC -XX:MaxTenuringThreshold=0 -Xms1g -Xmx1g -XX:+AlwaysPreTouch \
  -jar "$home/start.jar" "jetty.http.port=$PORT" jetty.http.acceptQueueSize=4096 jetty.deploy.scanInterval=1
