#!/usr/bin/env bash
# Cold, whole-process export: AC1 Explorer (java -jar ... export, default JVM options) against the
# Python reference pipeline on the same archive, in alternating runs (Java, Python, Java, ...), each
# under /usr/bin/time -v. Checks that the outputs agree (the reference's compare.py), then prints the
# wall / CPU / peak-RSS medians and the ratios. Optionally also runs the export once with -Xmx512m.
#
#   tools/bench/compare-export.sh DATA_DIR REF_DIR [--runs N] [--jar JAR] [--out DIR] [--xmx512m]
#
# DATA_DIR  an archive, e.g. from `java -jar target/ac1-explorer.jar demo --out /tmp/full --scale full`
# REF_DIR   the folder holding the reference's ref_pipeline.py and compare.py
# The reference runs with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset (this command only).
set -euo pipefail

usage() { sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
[ $# -ge 2 ] || usage
data=$1; ref=$2; shift 2
runs=3; jar=target/ac1-explorer.jar; out=; xmx=0
while [ $# -gt 0 ]; do
    case $1 in
        --runs) runs=$2; shift 2 ;;
        --jar) jar=$2; shift 2 ;;
        --out) out=$2; shift 2 ;;
        --xmx512m) xmx=1; shift ;;
        *) usage ;;
    esac
done
[ -d "$data" ] || { echo "no such data folder: $data" >&2; exit 2; }
[ -f "$ref/ref_pipeline.py" ] && [ -f "$ref/compare.py" ] || { echo "$ref holds no ref_pipeline.py and compare.py" >&2; exit 2; }
[ -f "$jar" ] || { echo "no jar at $jar (mvn -q -DskipTests package)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing (apt-get install time)" >&2; exit 2; }
out=${out:-$(mktemp -d)}
mkdir -p "$out"

echo "data: $data   reference: $ref   jar: $jar   runs: $runs   outputs and logs: $out"
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/{print $2}') GB"
echo "java: $(java -version 2>&1 | head -1)   python: $(python3 --version 2>&1)"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"

run() {   # run NAME COMMAND...: one timed run, its /usr/bin/time report in $out/NAME.time
    local name=$1; shift
    if ! /usr/bin/time -v -o "$out/$name.time" "$@" >"$out/$name.log" 2>&1; then
        echo "$name failed; see $out/$name.log" >&2
        exit 1
    fi
    awk -v n="$name" -F': ' '/Elapsed \(wall clock\)/{w=$2} /User time/{u=$2} /System time/{s=$2}
        /Maximum resident set size/{r=$2}
        END{split(w,a,":"); wall=(length(a)==3)?a[1]*3600+a[2]*60+a[3]:a[1]*60+a[2];
            printf "%-8s wall %7.1f s   CPU %7.1f s (sys %5.1f s)   peak RSS %6.0f MB\n", n, wall, u+s, s, r/1024}' \
        "$out/$name.time" | tee -a "$out/summary.txt"
}

: >"$out/summary.txt"
for i in $(seq 1 "$runs"); do
    run "java-$i" java -jar "$jar" export --data "$data" --out "$out/java-$i.mat" --force
    run "python-$i" env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE \
        python3 "$ref/ref_pipeline.py" "$data" "$out/python-$i.mat" --filters scipy
done
if [ "$xmx" = 1 ]; then
    run "java-xmx512m" java -Xmx512m -jar "$jar" export --data "$data" --out "$out/java-xmx512m.mat" --force
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

verdict=0
for f in "$out"/java-*.mat; do
    if python3 "$ref/compare.py" "$out/python-1.mat" "$f" >"$f.compare" 2>&1; then
        echo "compare.py python-1 vs $(basename "$f"): $(tail -1 "$f.compare")"
    else
        echo "compare.py python-1 vs $(basename "$f"): FAIL (see $f.compare)"; verdict=1
    fi
done

python3 - "$out/summary.txt" <<'EOF'
import re, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    m = re.match(r"(\S+)\s+wall\s+([\d.]+) s\s+CPU\s+([\d.]+) s \(sys\s+([\d.]+) s\)\s+peak RSS\s+([\d.]+) MB", line)
    if m and re.fullmatch(r"(java|python)-\d+", m.group(1)):
        rows.setdefault(m.group(1).split("-")[0], []).append([float(v) for v in m.groups()[1:]])
med = {k: [statistics.median(c) for c in zip(*v)] for k, v in rows.items() if k in ("java", "python")}
j, p = med["java"], med["python"]
print()
print("medians      %10s %10s %8s" % ("python", "java", "ratio"))
print("wall (s)     %10.1f %10.1f %7.2fx" % (p[0], j[0], p[0] / j[0]))
print("CPU (s)      %10.1f %10.1f %7.2fx" % (p[1], j[1], p[1] / j[1]))
print("  of it sys  %10.1f %10.1f" % (p[2], j[2]))
print("peak RSS(MB) %10.0f %10.0f %7.2fx" % (p[3], j[3], p[3] / j[3]))
EOF
exit $verdict
