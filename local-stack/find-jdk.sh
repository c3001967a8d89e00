# Sourced by local-stack/run.sh and .ci/run: scanwatch_find_jdk prints the home of a JDK >= 21
# (JAVA_HOME if it qualifies, else `java` on the PATH, else the newest under /usr/lib/jvm) or fails
# with a message saying what to install.

SCANWATCH_MIN_JAVA=21

scanwatch_java_major() {
  "$1" -XshowSettings:properties -version 2>&1 \
    | awk -F' = ' '/java.specification.version/ { sub(/^1\./, "", $2); print $2 }'
}

scanwatch_is_recent_java() {
  [[ -x "$1" ]] || return 1
  local major
  major="$(scanwatch_java_major "$1")"
  [[ -n "$major" && "$major" -ge "$SCANWATCH_MIN_JAVA" ]]
}

scanwatch_find_jdk() {
  if [[ -n "${JAVA_HOME:-}" ]] && scanwatch_is_recent_java "$JAVA_HOME/bin/java"; then
    echo "$JAVA_HOME"
    return
  fi
  local on_path
  on_path="$(command -v java || true)"
  if [[ -n "$on_path" ]] && scanwatch_is_recent_java "$on_path"; then
    dirname "$(dirname "$(readlink -f "$on_path")")"
    return
  fi
  local best="" best_major=0 candidate major
  for candidate in /usr/lib/jvm/*/bin/java; do
    [[ -x "$candidate" ]] || continue
    major="$(scanwatch_java_major "$candidate")"
    if [[ -n "$major" && "$major" -gt "$best_major" ]]; then
      best="$candidate"
      best_major="$major"
    fi
  done
  if [[ "$best_major" -ge "$SCANWATCH_MIN_JAVA" ]]; then
    dirname "$(dirname "$best")"
    return
  fi
  echo "Scanwatch needs a JDK $SCANWATCH_MIN_JAVA or newer (25 recommended). None found in" \
    "JAVA_HOME, on the PATH or under /usr/lib/jvm; install one or point JAVA_HOME at it." >&2
  return 1
}
