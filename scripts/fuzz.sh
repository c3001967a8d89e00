#!/usr/bin/env bash
# Fuzzes the Trivy report parser and every registry's webhook normalizer with Jazzer, each for the
# given number of seconds (default 10), as many at a time as there are CPUs (FUZZ_JOBS to change),
# each in its own JVM with a small heap (FUZZ_HEAP, default 256m) so that an input that makes memory
# grow is a finding, not a slow machine. Exits 1 when any target found a crash; its input is then in
# target/fuzz-findings/ of the module, next to the log. FUZZ_TARGETS (a substring of the target,
# e.g. "Harbor") picks targets. The inputs that grew coverage stay in each module's .cifuzz-corpus/
# and are used again by the next run.
#
#   scripts/fuzz.sh              # CI: 10 s per target
#   scripts/fuzz.sh 600          # 10 min per target
#   FUZZ_TARGETS=Gar scripts/fuzz.sh 3600
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-10}"
jobs="${FUZZ_JOBS:-$(nproc 2>/dev/null || echo 2)}"
heap="${FUZZ_HEAP:-256m}"
filter="${FUZZ_TARGETS:-}"

targets=(
  "trivy-reports io.scanwatch.trivy.TrivyReportsFuzzTest anyBytesGiveAParseOutcomeAndNeverAnException"
)
for registry in Acr Distribution DockerHub Ecr Gar GitHub Harbor JFrog Quay; do
  targets+=("ingest-service io.scanwatch.ingest.webhook.WebhookNormalizersFuzzTest any${registry}BodyIsAnsweredWithoutAnException")
done

# shellcheck source=local-stack/find-jdk.sh
source local-stack/find-jdk.sh
JAVA_HOME="$(scanwatch_find_jdk)"
export JAVA_HOME

# The fuzz tests and their classpath (reactor modules as their classes, never the local repository).
./mvnw -B -q -pl trivy-reports,ingest-service -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/fuzz-classpath.txt -Dmdep.includeScope=test -Dspotless.check.skip=true

fuzz() {
  local module="$1" class="$2" method="$3"
  local findings="target/fuzz-findings/${class##*.}.${method}"
  cd "$module"
  rm -rf "$findings" && mkdir -p "$findings"
  if "$JAVA_HOME/bin/java" -Xmx"$heap" -XX:+EnableDynamicAgentLoading \
      -cp "target/test-classes:target/classes:$(cat target/fuzz-classpath.txt)" \
      com.code_intelligence.jazzer.Jazzer \
      --target_class="$class" --target_method="$method" --instrumentation_includes="io.scanwatch.**" \
      --reproducer_path="$findings" \
      -max_total_time="$seconds" -rss_limit_mb=1024 -artifact_prefix="$findings/" \
      >"$findings/fuzz.log" 2>&1; then
    echo "ok    ${class##*.}#$method: $(grep -Eo 'Done [0-9]+ runs in [0-9]+ second' "$findings/fuzz.log")"
  else
    echo "CRASH ${class##*.}#$method: see $module/$findings/"
    grep -E '^(==|Exception|Caused by|	at )' "$findings/fuzz.log" | head -20 | sed 's/^/      /'
    return 1
  fi
}
export -f fuzz
export JAVA_HOME seconds heap

failed=0
printf '%s\n' "${targets[@]}" | grep -F -- "$filter" |
  xargs -P "$jobs" -L 1 bash -c 'fuzz "$@"' fuzz || failed=1
exit "$failed"
