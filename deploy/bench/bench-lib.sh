# deploy/bench/bench-lib.sh - what the switch benchmarks share (datapath.sh, tunnel.sh, openflow.sh): stopping
# daemons, finding and pinning the PMD thread, reading OVS-format pmd-stats-show, measuring RUNS
# windows and the median, the table's number formats. Sourced, never run.
#
# The sourcing script sets BENCH_NAME (its file name, for messages) before sourcing, and defines
# the globals RT, VERBOSE, WORK, RUNS and WINDOW, and 'declare -A R' (results,
# R[side|flows|case|field]).

# Output: say, vsay/vcat (only with -v), warn, die; notes printed at once and again under the table.
say() { printf '%s\n' "$*"; }
vsay() { if [ "$VERBOSE" = 1 ]; then printf '    %s\n' "$*"; fi; return 0; }
vcat() { if [ "$VERBOSE" = 1 ]; then sed 's/^/    | /' "$@"; fi; return 0; }
warn() { printf '%s: warning: %s\n' "$BENCH_NAME" "$*" >&2; }
die() { printf '%s: %s\n' "$BENCH_NAME" "$*" >&2; exit 1; }
NOTES=()
add_note() { NOTES+=("$*"); say "  ! $*"; }

# Preconditions every bench shares: root (WHY says what for), a JDK, the built switch and the
# perf harness class HARNESS_CLASS, and Open vSwitch's tools (plus any named after WHY).
# Sets JAVA, HARNESS_CP and OVS_SCHEMA.
bench_require() {
    local why=$1 harness_class=$2 t
    shift 2
    [ "$(id -u)" -eq 0 ] || die "needs root ($why)"
    jvs_find_jdk || exit 1
    JAVA=$JAVA_HOME/bin/java
    HARNESS_CP=$JVS_ROOT/perf/target/classes
    [ -f "$HARNESS_CP/org/jvswitch/perf/harness/$harness_class.class" ] || die "perf/ is not built: run './jvs build'"
    [ -f "$JVS_ROOT/control/target/jvswitch-control.jar" ] || die "jvswitch is not built: run './jvs build'"
    for t in ovs-appctl ovs-vsctl ovs-ofctl ovsdb-tool ovsdb-server "$@"; do
        command -v "$t" >/dev/null || die "$t not found: run 'sudo ./jvs setup' (Open vSwitch's tools drive both switches)"
    done
    OVS_SCHEMA=/usr/share/openvswitch/vswitch.ovsschema
}

now_ms() { date +%s%3N; }
# Last N lines of a file, indented, for "its log says:" messages.
tail_of() { if [ -r "$1" ]; then tail -n "${2:-12}" "$1" | sed 's/^/      /'; else echo "      ($1 does not exist)"; fi; }

hp_free_mb() { awk '/^HugePages_Free:/ {f=$2} /^Hugepagesize:/ {s=$2} END {print int(f*s/1024)}' /proc/meminfo; }

# Waits up to $2 tenths of a second for pid $1 to go; true if it went.
wait_gone() {
    local i
    for ((i = 0; i < $2; i++)); do
        kill -0 "$1" 2>/dev/null || return 0
        sleep 0.1
    done
    ! kill -0 "$1" 2>/dev/null
}

# Stops pid $1: 'ovs-appctl -t $2 exit' (SIGTERM for testpmd, when $2 is "-TERM"), then SIGKILL.
stop_pid() {
    local pid=$1 ctl=${2:-} how
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
    if [ "$ctl" = -TERM ]; then
        kill -TERM "$pid" 2>/dev/null || true
    elif [ -n "$ctl" ] && [ -S "$ctl" ]; then
        timeout 15 ovs-appctl -T 10 -t "$ctl" exit >/dev/null 2>&1 || kill -TERM "$pid" 2>/dev/null || true
    else
        kill -TERM "$pid" 2>/dev/null || true
    fi
    if ! wait_gone "$pid" 150; then
        how=$(ps -o comm= -p "$pid" 2>/dev/null || true)
        warn "$how (pid $pid) did not exit within 15 s; killing it"
        kill -KILL "$pid" 2>/dev/null || true
        wait_gone "$pid" 50 || warn "pid $pid survived SIGKILL"
    fi
    wait "$pid" 2>/dev/null || true
}

# The pid in pidfile $1, if the file is there.
pid_in() { [ -r "$1" ] && head -c 20 "$1" | tr -dc 0-9; return 0; }

# Thread id of pid $1's forwarding thread on core 1: the PMD (jvswitch and OVS name it
# pmd-c01/id:N) or testpmd's worker lcore (rte-worker-1), pinned to core 1 alone. Not "any
# thread on core 1": DPDK puts its control threads (eal-intr-thread, rte_mp_handle, telemetry)
# on the CPUs that are not EAL lcores, which for OVS's '-l 0' is core 1.
pmd_tid() {
    local t
    for t in /proc/"$1"/task/*; do
        case "$(cat "$t/comm" 2>/dev/null)" in
            pmd*|rte-worker-*|lcore-worker-*)
                if [ "$(taskset -pc "${t##*/}" 2>/dev/null | sed 's/.*: //')" = 1 ]; then
                    echo "${t##*/}"; return 0
                fi ;;
        esac
    done
    return 0
}

# Moves every thread of pid $1 but its PMD onto core 0, so the PMD has core 1 to itself as far
# as this process goes (DPDK's control threads, the JVM's compiler and GC threads, handlers...).
pin_others_to_core0() {
    local t pmd
    pmd=$(pmd_tid "$1")
    [ -n "$pmd" ] || add_note "pid $1 has no PMD thread pinned to core 1 (expected a thread named pmd-c01/...)"
    for t in /proc/"$1"/task/*; do
        t=${t##*/}
        [ "$t" = "$pmd" ] || taskset -pc 0 "$t" >/dev/null 2>&1 || true
    done
}

# --rt: thread $1 (of side $2) gets SCHED_FIFO priority 1, so that other processes on a shared
# machine cannot take core 1 from it (the kernel's RT throttling still leaves them 5%).
make_rt() {
    [ "$RT" = 1 ] || return 0
    if [ -z "$1" ]; then
        add_note "$2: no thread pinned to core 1 alone found; --rt not applied"
    elif chrt -f -p 1 "$1" >/dev/null 2>&1; then
        vsay "$2: thread $1 ($(cat /proc/*/task/"$1"/comm 2>/dev/null | head -1)) now SCHED_FIFO 1"
    else
        add_note "$2: chrt -f -p 1 $1 failed; --rt not applied"
    fi
}

# Involuntary context switches of thread $2 of pid $1 (how often something else took its core).
preemptions() {
    [ -n "$2" ] && awk '/^nonvoluntary_ctxt_switches:/ {print $2}' /proc/"$1"/task/"$2"/status 2>/dev/null || echo 0
}

# From OVS-format 'pmd-stats-show' output on stdin, for the PMD on core 1: one line
# "packets cycles_per_packet simple emc smc megaflow upcalls".
parse_pmd_stats() {
    awk '
        /^pmd thread .*core_id 1:/ { inpmd = 1; next }
        /^[^ ]/ { inpmd = 0 }
        !inpmd { next }
        /packets received:/ { p = $NF }
        /simple match hits:/ { sm = $NF }
        /emc hits:/ { emc = $NF }
        /smc hits:/ { smc = $NF }
        /megaflow hits:/ { mf = $NF }
        /miss with success upcall:/ { up += $NF }
        /miss with failed upcall:/ { up += $NF }
        /avg processing cycles per packet:/ { for (i = 1; i < NF; i++) if ($i == "packet:") cpp = $(i + 1) }
        END { printf "%d %s %d %d %d %d %d\n", p, (cpp == "" ? "nan" : cpp), sm, emc, smc, mf, up }'
}

# "simple 100%", "emc 99%", ...: where most packets were looked up.
path_of() {
    awk -v p="$1" -v sm="$2" -v emc="$3" -v smc="$4" -v mf="$5" -v up="$6" 'BEGIN {
        if (p == 0) { print "no packets"; exit }
        best = "simple"; b = sm
        if (emc > b) { best = "emc"; b = emc }
        if (smc > b) { best = "smc"; b = smc }
        if (mf > b) { best = "megaflow"; b = mf }
        if (up > b) { best = "upcall"; b = up }
        printf "%s %.0f%%\n", best, 100 * b / p }'
}

# The flows of the PMD on core 1 in a 'dpctl/dump-flows' output on stdin (all of them when the
# output has no "flow-dump from ..." headers).
pmd1_flows() {
    awk '/^flow-dump from/ { headers = 1; in1 = ($0 ~ /pmd on cpu core: 1$/); next }
         /actions:/ { if (!headers || in1) print }'
}

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.4f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# measure SIDE FLOWS CASE APPCTL_CTL PID: RUNS windows; fills R[] with the medians.
measure() {
    local side=$1 flows=$2 case=$3 ctl=$4 pid=$5 r t0a t0b t1a t1b ms stats pkts cpp sm emc smc mf up
    local mpps_all=() cpp_all=() tid pre0 pre1 pre_all=() dir=$WORK/$side-$flows
    tid=$(pmd_tid "$pid")
    for ((r = 1; r <= RUNS; r++)); do
        pre0=$(preemptions "$pid" "$tid")
        t0a=$(now_ms)
        if ! ovs-appctl -T 10 -t "$ctl" dpif-netdev/pmd-stats-clear >/dev/null 2>"$dir/appctl.err"; then
            add_note "$side ($flows flows, $case): pmd-stats-clear failed: $(head -c 300 "$dir/appctl.err")"; return 1
        fi
        t0b=$(now_ms)
        sleep "$WINDOW"
        t1a=$(now_ms)
        if ! ovs-appctl -T 10 -t "$ctl" dpif-netdev/pmd-stats-show >"$dir/stats-$case-$r.txt" 2>"$dir/appctl.err"; then
            add_note "$side ($flows flows, $case): pmd-stats-show failed: $(head -c 300 "$dir/appctl.err")"; return 1
        fi
        t1b=$(now_ms)
        pre1=$(preemptions "$pid" "$tid")
        ovs-appctl -T 10 -t "$ctl" dpif-netdev/pmd-perf-show >"$dir/perf-$case-$r.txt" 2>&1 || true
        [ "$side" = jvs ] && echo "$flows/$case/$r $t0b $t1a" >>"$WORK/jfr-windows-$flows.txt"
        ms=$(( (t1a + t1b) / 2 - (t0a + t0b) / 2 ))
        read -r pkts cpp sm emc smc mf up < <(parse_pmd_stats <"$dir/stats-$case-$r.txt")
        mpps_all+=("$(awk -v p="$pkts" -v ms="$ms" 'BEGIN { printf "%.4f", p / ms / 1000 }')")
        cpp_all+=("$cpp")
        pre_all+=("$((pre1 - pre0))")
        vsay "run $r: $pkts packets in $ms ms = ${mpps_all[-1]} Mpps, $cpp cycles/pkt, $(path_of "$pkts" "$sm" "$emc" "$smc" "$mf" "$up"), PMD preempted $((pre1 - pre0)) times"
    done
    R[$side|$flows|$case|mpps]=$(median "${mpps_all[@]}")
    R[$side|$flows|$case|cpp]=$(median "${cpp_all[@]}")
    R[$side|$flows|$case|runs]="${mpps_all[*]}"
    R[$side|$flows|$case|path]=$(path_of "$pkts" "$sm" "$emc" "$smc" "$mf" "$up")
    R[$side|$flows|$case|preempt]=$(printf '%.0f' "$(median "${pre_all[@]}")")
    if [ "$VERBOSE" = 1 ]; then
        vsay "pmd-perf-show (last run):"
        vcat "$dir/perf-$case-$RUNS.txt"
    fi
    say "  $(printf '%-8s %-7s %6s flows: %7.2f Mpps %8.1f cycles/pkt  %-13s (runs: %s)' "$side" "$case" "$flows" \
        "${R[$side|$flows|$case|mpps]}" "${R[$side|$flows|$case|cpp]}" "${R[$side|$flows|$case|path]}" "${R[$side|$flows|$case|runs]}")"
}

fmt() { if [ -n "${1:-}" ] && [ "$1" != nan ]; then printf "%.${2}f" "$1"; else printf -- '-'; fi; }
ratio() {
    if [ -n "${1:-}" ] && [ -n "${2:-}" ] && [ "$1" != nan ] && [ "$2" != nan ]; then
        awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else printf "-" }'
    else
        printf -- '-'
    fi
}
