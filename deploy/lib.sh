# Shared by deploy/*/run.sh: the options every script takes, and fetching a distribution.
# shellcheck shell=bash

GIFSTREAM_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WAR="$GIFSTREAM_ROOT/target/gifstream.war"
PORT=8080
WORK=""
VERSION=""
SETTINGS=()

usage() {
  cat <<USAGE
usage: $0 [--war FILE] [--port N] [--work DIR] [--version V] [--set gifstream.KEY=VALUE ...]
  --war      the WAR to deploy (default: target/gifstream.war; build it with 'mvn package')
  --port     HTTP port (default 8080)
  --work     where the container is unpacked and its instance lives (default: target/deploy/<container>)
  --version  container version (default: $VERSION)
  --set      a gifstream setting, e.g. --set gifstream.frames.dir=/srv/frames (repeatable)
The container runs in the foreground; stop it with Ctrl-C.
USAGE
}

parse_options() {
  while [ $# -gt 0 ]; do
    case "$1" in
      --war) WAR=$(realpath "$2"); shift 2 ;;
      --port) PORT=$2; shift 2 ;;
      --work) WORK=$2; shift 2 ;;
      --version) VERSION=$2; shift 2 ;;
      --set)
        case "$2" in gifstream.*=*) SETTINGS+=("$2") ;; *) echo "--set takes gifstream.KEY=VALUE, not '$2'" >&2; exit 2 ;; esac
        shift 2 ;;
      -h|--help) usage; exit 0 ;;
      *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
    esac
  done
  [ -f "$WAR" ] || { echo "no WAR at $WAR: run 'mvn package' first or pass --war" >&2; exit 1; }
  mkdir -p "$WORK"
  WORK=$(realpath "$WORK")
}

# default_setting gifstream.KEY=VALUE: the script's own default for a setting, unless --set gave the key
default_setting() {
  local setting
  for setting in "${SETTINGS[@]+"${SETTINGS[@]}"}"; do
    [ "${setting%%=*}" = "${1%%=*}" ] && return 0
  done
  SETTINGS+=("$1")
}

# fetch_distribution GROUP:ARTIFACT:VERSION NAME: downloads GROUP:ARTIFACT:VERSION:tar.gz from Maven
# Central (kept in the local Maven repository, so only once) and unpacks it once into $WORK/NAME.
fetch_distribution() {
  local coordinates=$1 name=$2
  local artifact=${coordinates#*:}; artifact=${artifact%%:*}
  local version=${coordinates##*:}
  if [ ! -d "$WORK/$name" ]; then
    mvn -q -B dependency:copy -Dartifact="$coordinates:tar.gz" -DoutputDirectory="$WORK/dist" >&2
    mkdir -p "$WORK/$name.partial"
    tar xzf "$WORK/dist/$artifact-$version.tar.gz" -C "$WORK/$name.partial" --strip-components=1
    mv "$WORK/$name.partial" "$WORK/$name"
  fi
  echo "$WORK/$name"
}

# xml_escape VALUE: the value as XML attribute/element text
xml_escape() {
  local s=$1
  s=${s//&/&amp;}; s=${s//</&lt;}; s=${s//>/&gt;}; s=${s//\"/&quot;}
  printf '%s' "$s"
}
