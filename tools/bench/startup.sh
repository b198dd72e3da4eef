#!/usr/bin/env bash
# Start-up as a user meets it: `java -jar JAR` on a warm cache (the demo already prepared, the jar
# read once before), under a private X server. With several --jar options the jars take turns run
# by run (A, B, A, B, ...), so a machine that slows down or speeds up during the runs affects them
# alike. Prints, per run and as medians per jar: when the window was mapped on the X server (ms
# after launch, polled every 20 ms) and, from -Dac1.startupReport=true, when the window's first
# frame and the first selected cell's plots were laid out (ms after launch; a jar from before
# 2026-12-07 times them from its own JVM start and reports its plots when the data arrived, before
# they were drawn) and the window JVM's CPU time by then.
#
#   tools/bench/startup.sh [--runs N] [--jar JAR]... [-- JVM_OPTIONS...]
#
# A jar's class-data archive (ac1-explorer-<java.vm.version>.jsa) must sit beside it, as
# `mvn package` leaves it in target/. Needs Xvfb and xdotool (apt-get install -y xvfb xdotool).
set -euo pipefail
runs=5; jars=(); opts=()
while [ $# -gt 0 ]; do
    case $1 in
        --runs) runs=$2; shift 2 ;;
        --jar) jars+=("$2"); shift 2 ;;
        --) shift; opts=("$@"); break ;;
        *) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
    esac
done
[ ${#jars[@]} -gt 0 ] || jars=(target/ac1-explorer.jar)
command -v Xvfb >/dev/null && command -v xdotool >/dev/null || { echo "needs Xvfb and xdotool" >&2; exit 2; }
home=$(mktemp -d)
display=:$((200 + RANDOM % 100))
Xvfb "$display" -screen 0 1600x1000x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; rm -rf "$home"' EXIT
sleep 1
export DISPLAY=$display
echo "jars: ${jars[*]}   runs each: $runs   JVM options: ${opts[*]:-(none)}   $(nproc) CPUs, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
one() {   # one start of $1: prints "mapped frame plots cpu_at_frame cpu_at_plots"
    local log=$home/run.log t0 t1 pid
    t0=$(date +%s%N)
    java "${opts[@]}" -Dac1.startupReport=true -Duser.home="$home" -jar "$1" >"$log" 2>&1 &
    pid=$!
    for _ in $(seq 1 1500); do xdotool search --onlyvisible --name "AC1 Explorer" >/dev/null 2>&1 && break; sleep 0.02; done
    t1=$(date +%s%N)
    # a jar without the report (an older build) is given 8 s
    for _ in $(seq 1 160); do grep -q "plots laid out" "$log" && break; sleep 0.05; done
    kill $pid; wait $pid 2>/dev/null || true
    local f p
    f=$(grep "window shown after" "$log" || true); p=$(grep "plots laid out after" "$log" || true)
    echo "$(( (t1 - t0) / 1000000 )) $(sed -n 's/.*after \([0-9]*\) ms.*/\1/p' <<<"$f") $(sed -n 's/.*after \([0-9]*\) ms.*/\1/p' <<<"$p") $(sed -n 's/.*CPU \([0-9]*\) ms.*/\1/p' <<<"$f") $(sed -n 's/.*CPU \([0-9]*\) ms.*/\1/p' <<<"$p")"
}
one "${jars[0]}" >/dev/null   # warm the cache: prepares the demo on a first start, reads the jar once
for j in "${jars[@]}"; do one "$j" >/dev/null; : >"$home/$(echo "$j" | tr '/' '_').txt"; done
for i in $(seq 1 "$runs"); do
    for j in "${jars[@]}"; do
        r=$(one "$j"); echo "$r" >>"$home/$(echo "$j" | tr '/' '_').txt"
        set -- $r; echo "run $i $j: window mapped $1 ms; first frame ${2:--} ms, plots ${3:--} ms; window JVM CPU ${4:--} / ${5:--} ms"
    done
done
median() { sort -n | awk 'NF {a[++n]=$1} END {if (n == 0) print "-"; else print (n%2) ? a[(n+1)/2] : (a[n/2]+a[n/2+1])/2}'; }
for j in "${jars[@]}"; do
    f=$home/$(echo "$j" | tr '/' '_').txt
    echo "median $j: window mapped $(cut -d' ' -f1 "$f" | median) ms; first frame $(cut -d' ' -f2 "$f" | median) ms;" \
        "plots $(cut -d' ' -f3 "$f" | median) ms, $(awk 'NF >= 3 {print $3 - $2}' "$f" | median) ms after the frame;" \
        "window JVM CPU $(cut -d' ' -f4 "$f" | median) ms at the frame, $(cut -d' ' -f5 "$f" | median) ms at the plots"
done
