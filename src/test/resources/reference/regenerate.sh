#!/usr/bin/env bash
# Regenerates the reference exports of cases.tsv with the Python reference (numpy/scipy):
#   src/test/resources/reference/regenerate.sh [PATH/TO/shared]
# Run from anywhere; needs python3 with numpy and scipy. Never run by the build.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
shared=${1:-$here/../../../../../shared}
grep -v '^#' "$here/cases.tsv" | while IFS=$'\t' read -r name opts; do
  # shellcheck disable=SC2086
  python3 "$shared/tools/ac1ref/ref_pipeline.py" "$shared/fixtures/ac1-mini" "$here/$name.mat" $opts
done
