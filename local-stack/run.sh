#!/usr/bin/env bash
# Runs the whole Scanwatch system locally without Docker: builds the project, then starts a Kafka
# broker, a MongoDB-compatible store, SMTP and Slack sinks and the three services.
# Usage: local-stack/run.sh [--no-build] [--demo] [--exit] [--infra-only] [--help]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=local-stack/find-jdk.sh
source "$ROOT/local-stack/find-jdk.sh"
export JAVA_HOME
JAVA_HOME="$(scanwatch_find_jdk)"
JAVA="$JAVA_HOME/bin/java"

build=true
help=false
args=()
for arg in "$@"; do
  case "$arg" in
    --no-build) build=false ;;
    # Printing the usage needs the launcher, not a fresh build of everything.
    --help | -h)
      build=false
      help=true
      args+=("$arg")
      ;;
    *) args+=("$arg") ;;
  esac
done

if [[ "$build" == true ]]; then
  echo "Building Scanwatch with $JAVA_HOME (skip with --no-build) ..."
  (cd "$ROOT" && ./mvnw -B -q -DskipTests package)
fi

shopt -s nullglob
launchers=("$ROOT"/local-stack/target/local-stack-*.jar)
if [[ "$help" == true && ${#launchers[@]} -ne 1 ]]; then
  # Not built yet: the usage line at the top of this script still says how to run it.
  sed -n 's/^# Usage: //p' "${BASH_SOURCE[0]}"
  echo "Build once (run without --help) for the launcher's description of each option."
  exit 0
fi
if [[ ${#launchers[@]} -ne 1 ]]; then
  echo "Expected one launcher jar in $ROOT/local-stack/target, found ${#launchers[@]};" \
    "build it with ./mvnw -B -q -DskipTests package (or run without --no-build)." >&2
  exit 1
fi

exec "$JAVA" -jar "${launchers[0]}" ${args[@]+"${args[@]}"}
