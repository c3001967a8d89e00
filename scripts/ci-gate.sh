#!/usr/bin/env bash
# The Scanwatch CI gate: sends a Trivy report to policy-service's POST /api/v1/evaluate and fails
# (exit 1) when the image fails its policy, printing the verdict and every broken rule. Nothing is
# stored or alerted. Needs curl and jq.
#
# Usage: SCANWATCH_URL=http://policy.example:8082 SCANWATCH_TOKEN=<api token> \
#          scripts/ci-gate.sh <trivy-report.json> [image] [label=value ...]
#   image   the scanned image, when the report does not name it (filesystem scans)
#   labels  e.g. team=payments environment=production, to select the image's policy
# Exit codes: 0 passed, 1 failed the policy, 2 usage or Scanwatch error.
set -euo pipefail

if [[ $# -lt 1 || "$1" == "-h" || "$1" == "--help" ]]; then
  sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
report="$1"
shift
if [[ ! -e "$report" ]]; then
  echo "ci-gate: no such report file: $report" >&2
  exit 2
fi
if [[ ! -f "$report" ]]; then
  echo "ci-gate: the report is not a file: $report" >&2
  exit 2
fi
if [[ ! -r "$report" ]]; then
  echo "ci-gate: cannot read the report file: $report" >&2
  exit 2
fi
if [[ -z "${SCANWATCH_TOKEN:-}" ]]; then
  echo "ci-gate: SCANWATCH_TOKEN is not set; set it to a Scanwatch API token" >&2
  exit 2
fi
for tool in curl jq; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "ci-gate: $tool is needed but not installed" >&2
    exit 2
  fi
done
query=()
if [[ $# -gt 0 && "$1" != *=* ]]; then
  query+=("image=$(jq -rn --arg v "$1" '$v|@uri')")
  shift
fi
for label in "$@"; do
  query+=("label=$(jq -rn --arg v "$label" '$v|@uri')")
done
url="${SCANWATCH_URL:-http://127.0.0.1:8082}/api/v1/evaluate"
if [[ ${#query[@]} -gt 0 ]]; then
  url+="?$(IFS='&'; echo "${query[*]}")"
fi

if ! verdict="$(curl -sS --fail-with-body -X POST "$url" \
  -H "Authorization: Bearer $SCANWATCH_TOKEN" \
  -H 'Content-Type: application/json' --data-binary "@$report")"; then
  echo "Scanwatch did not evaluate the report: $verdict" >&2
  exit 2
fi

# A proxy's login page or anything else that is not a verdict is an error, not a pass or a fail.
if ! jq -e 'type == "object" and (.passed | type == "boolean") and (.image | type == "object")
    and (.results | type == "array")' <<<"$verdict" >/dev/null 2>&1; then
  echo "Scanwatch's answer is not a verdict: ${verdict:0:300}" >&2
  exit 2
fi

jq -r '
  "\(.image.registry)/\(.image.repository)\(if .image.tag then ":" + .image.tag else "" end):"
  + " \(if .passed then "PASSED" else "FAILED" end) policy \(.policy),"
  + " score \(.score.value) (\(.score.grade)), priority \(.priority // "none")"
  + (if .deadline then ", due \(.deadline)" else "" end),
  (.results[] | select(.outcome == "violation") | "  \(.rule): \(.reason)"),
  (if .rootCause then "  root cause: \(.rootCause.summary)" else empty end)' <<<"$verdict"

jq -e '.passed' <<<"$verdict" >/dev/null || exit 1
