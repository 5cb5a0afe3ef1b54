#!/usr/bin/env bash
# Runs gifstream as the ROOT application of a stock Apache Tomcat, configured the way Tomcat
# administrators do it: a separate instance directory (CATALINA_BASE), the WAR kept outside the
# appBase, and a context file conf/Catalina/localhost/ROOT.xml whose <Parameter>s set gifstream.*.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
VERSION=11.0.24
WORK="$GIFSTREAM_ROOT/target/deploy/tomcat"
parse_options "$@"
# A crowd of 5,000 held at once at the end of the warm-up: the processors it leaves in Tomcat's cache
# (processorCache below) are what a real crowd that size reuses, instead of making 400 MB of new ones that
# the first young collection after it copies for a second (README, "A warm server from the start").
# --set gifstream.warmup.crowd=N to change it.
default_setting gifstream.warmup.crowd=5000

home=$(fetch_distribution "org.apache.tomcat:tomcat:$VERSION" "apache-tomcat-$VERSION")
base="$WORK/base-$VERSION"
if [ ! -d "$base/conf" ]; then
  mkdir -p "$base"/{logs,temp,work,webapps,apps,conf/Catalina/localhost}
  cp -r "$home/conf/." "$base/conf/"
fi
# HTTP port as asked, with a queue of new connections for a crowd (acceptCount, 100 by default: a crowd
# arriving at 2,000 a second overflows it whenever the acceptor pauses, and each dropped connection waits a
# second for its retry); a smaller read buffer per connection (appReadBufSize, 8 KiB by default, as the Tomcat
# docs advise for many long-lived connections: a viewer's request is a few hundred bytes) and room for 4 KiB
# of response headers instead of 8, so that 5,000 viewers hold about 18 KiB of heap less each; every
# connection's state kept for reuse (processorCache and bufferPool, 200 and 500 by default; the Tomcat docs
# advise the most concurrent requests for asynchronous ones), so that the crowd the warm-up holds leaves that
# many ready (gifstream.warmup.crowd below); room for 20,000 open connections (maxConnections, 8,192 by
# default: 10,000 viewers would leave the last ones waiting in the accept queue); no shutdown port (the
# process is stopped by a signal)
connector='acceptCount="4096" socket.appReadBufSize="1024" maxHttpResponseHeaderSize="4096" processorCache="-1" socket.bufferPool="-1" maxConnections="20000"'
sed -i -E "s/<Connector port=\"[0-9]+\" protocol=\"HTTP\/1.1\"( acceptCount=\"[0-9]+\"( [a-zA-Z.]+=\"[0-9-]+\")*)?/<Connector port=\"$PORT\" protocol=\"HTTP\/1.1\" $connector/; s/<Server port=\"[0-9-]+\"/<Server port=\"-1\"/" \
  "$base/conf/server.xml"

cp "$WAR" "$base/apps/gifstream.war"
rm -rf "$base/webapps/ROOT" # left by an earlier run that expanded the WAR
{
  echo '<?xml version="1.0" encoding="UTF-8"?>'
  echo "<!-- gifstream as ROOT; each <Parameter> overrides the context-param of the same name in web.xml -->"
  echo "<Context docBase=\"$(xml_escape "$base/apps/gifstream.war")\">"
  for setting in "${SETTINGS[@]+"${SETTINGS[@]}"}"; do
    echo "  <Parameter name=\"$(xml_escape "${setting%%=*}")\" value=\"$(xml_escape "${setting#*=}")\" override=\"false\"/>"
  done
  echo '</Context>'
} > "$base/conf/Catalina/localhost/ROOT.xml.new"
mv "$base/conf/Catalina/localhost/ROOT.xml.new" "$base/conf/Catalina/localhost/ROOT.xml"

echo "gifstream on Tomcat $VERSION: http://localhost:$PORT/ (instance: $base)" >&2
# The parallel collector: with 5,000 viewers, G1's concurrent refinement (the write barrier's bookkeeping for
# every per-viewer object that points at a fresh frame or write) took a quarter of a core, and the server
# 120 % of one instead of 70 % (bench/README.md, "Side by side with the floor"). A heap of 2 GiB from the
# start: Tomcat holds about 80 KiB per open response, and a crowd of 5,000 arriving on the default initial
# heap (1/64 of the machine's memory) made it grow through full collections of 0.3-0.6 s each.
# MaxTenuringThreshold=0: what outlives one young collection is a connection's state, kept for minutes or
# for reuse, so it goes to the old generation at once instead of being copied by every young collection
# (deploy/jetty/run.sh). Settings given in CATALINA_OPTS come later and win.
export CATALINA_OPTS="-XX:+UseParallelGC -XX:MaxTenuringThreshold=0 -Xms2g -Xmx2g ${CATALINA_OPTS:-}"
export CATALINA_HOME="$home" CATALINA_BASE="$base"
exec "$home/bin/catalina.sh" run
