#!/usr/bin/env bash
# Regenerates the reference exports of cases.tsv with the Python reference (numpy/scipy):
#   src/test/resources/reference/regenerate.sh PATH/TO/ac1ref
# PATH/TO/ac1ref is the folder of the team's reference pipeline (ref_pipeline.py), kept outside
# the project. Each case names its dataset (a folder under src/test/resources/fixtures) and the
# export options. A case the reference refuses (it exits with status 1 and an "error: ..." line,
# e.g. "no cells matched") is recorded as NAME.refused.txt holding that message instead of
# NAME.mat; ReferenceCasesTest then expects AC1 Explorer to refuse too. The ac1-edge dataset is
# written by ../fixtures/make_edge.py (deterministic; rerun it first when it changes). Needs
# python3 with numpy and scipy. Never run by the build.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
ref=${1:?usage: regenerate.sh PATH/TO/ac1ref}
fixtures=$here/../fixtures
grep -v '^#' "$here/cases.tsv" | while IFS=$'\t' read -r name data opts; do
  rm -f "$here/$name.mat" "$here/$name.refused.txt"
  status=0
  # shellcheck disable=SC2086
  python3 "$ref/ref_pipeline.py" "$fixtures/$data" "$here/$name.mat" $opts 2> "$here/$name.stderr" || status=$?
  if [ "$status" -eq 1 ] && grep -q '^error: ' "$here/$name.stderr"; then
    grep '^error: ' "$here/$name.stderr" > "$here/$name.refused.txt"
    rm -f "$here/$name.mat"
    echo "$name: refused by the reference: $(cat "$here/$name.refused.txt")"
  elif [ "$status" -ne 0 ]; then
    cat "$here/$name.stderr" >&2
    rm -f "$here/$name.stderr"
    echo "$name: the reference failed (status $status)" >&2
    exit 1
  fi
  rm -f "$here/$name.stderr"
done
