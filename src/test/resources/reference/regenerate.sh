#!/usr/bin/env bash
# Regenerates the reference exports of cases.tsv with the Python reference (numpy/scipy):
#   src/test/resources/reference/regenerate.sh PATH/TO/ac1ref
# PATH/TO/ac1ref is the folder of the team's reference pipeline (ref_pipeline.py), kept outside
# the project. Each case names its dataset (a folder under src/test/resources/fixtures) and the
# export options. Needs python3 with numpy and scipy. Never run by the build.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
ref=${1:?usage: regenerate.sh PATH/TO/ac1ref}
fixtures=$here/../fixtures
grep -v '^#' "$here/cases.tsv" | while IFS=$'\t' read -r name data opts; do
  # shellcheck disable=SC2086
  python3 "$ref/ref_pipeline.py" "$fixtures/$data" "$here/$name.mat" $opts
done
