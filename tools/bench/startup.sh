#!/usr/bin/env bash
# Start-up as a user meets it: `java -jar target/ac1-explorer.jar` on a warm cache (the demo already
# prepared, the jar read once before), N times under a private X server. Prints, per run and as
# medians, when the window's first frame and the first selected cell's plots were laid out (ms
# after the JVM started, from -Dac1.startupReport=true), and when the window was mapped on the X
# server (ms after launch, polled every 20 ms).
#
#   tools/bench/startup.sh [--runs N] [--jar JAR] [-- JVM_OPTIONS...]
#
# Needs Xvfb and xdotool (apt-get install -y xvfb xdotool).
set -euo pipefail
runs=5; jar=target/ac1-explorer.jar; opts=()
while [ $# -gt 0 ]; do
    case $1 in
        --runs) runs=$2; shift 2 ;;
        --jar) jar=$2; shift 2 ;;
        --) shift; opts=("$@"); break ;;
        *) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
    esac
done
command -v Xvfb >/dev/null && command -v xdotool >/dev/null || { echo "needs Xvfb and xdotool" >&2; exit 2; }
home=$(mktemp -d)
display=:$((200 + RANDOM % 100))
Xvfb "$display" -screen 0 1600x1000x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; rm -rf "$home"' EXIT
sleep 1
export DISPLAY=$display
echo "jar: $jar   runs: $runs   JVM options: ${opts[*]:-(none)}   $(nproc) CPUs, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
one() {   # one start: prints "mapped frame plots" in ms
    local log=$home/run.log t0 t1 pid
    t0=$(date +%s%N)
    java "${opts[@]}" -Dac1.startupReport=true -Duser.home="$home" -jar "$jar" >"$log" 2>&1 &
    pid=$!
    until xdotool search --onlyvisible --name "AC1 Explorer" >/dev/null 2>&1; do sleep 0.02; done
    t1=$(date +%s%N)
    # a jar without the report (an older build) is given 8 s
    for _ in $(seq 1 160); do grep -q "plots laid out" "$log" && break; sleep 0.05; done
    kill $pid; wait $pid 2>/dev/null || true
    echo "$(( (t1 - t0) / 1000000 )) $(sed -n 's/.*window shown after \([0-9]*\) ms.*/\1/p' "$log") $(sed -n 's/.*plots laid out after \([0-9]*\) ms.*/\1/p' "$log")"
}
one >/dev/null   # warm the cache: prepares the demo on a first start, reads the jar once
: >"$home/all.txt"
for i in $(seq 1 "$runs"); do
    r=$(one); echo "$r" >>"$home/all.txt"
    set -- $r; echo "run $i: window mapped $1 ms after launch; first frame ${2:--} ms, first cell's plots ${3:--} ms after JVM start"
done
median() { sort -n | awk '{a[NR]=$1} END{print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
echo "median: window mapped $(cut -d' ' -f1 "$home/all.txt" | median) ms; first frame $(cut -d' ' -f2 "$home/all.txt" | median) ms; plots $(cut -d' ' -f3 "$home/all.txt" | median) ms"
