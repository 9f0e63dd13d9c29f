#!/usr/bin/env bash
# deploy/bench/openflow.sh - './jvs bench openflow': OpenFlow control-plane rates, jvswitch
# against OVS-DPDK, same machine, same setup, same run (one side after the other):
#
#   flow-mods   flows per second installed by 'ovs-ofctl add-flows BRIDGE FILE' with FLOWMODS
#               distinct flows (priority=100,udp,nw_src=..,tp_dst=..,actions=output:2), timed from
#               start to exit (ovs-ofctl ends with a barrier), after 'del-flows'; median of RUNS.
#   misses      new megaflows per second set up through misses (upcall -> translation ->
#               megaflow): p1 (net_pcap, infinite_rx) replays UdpFlowsPcap's FLOWS frames, one
#               per source address, into a bridge whose table consults nw_src
#               ('priority=20,ip,nw_src=10.255.255.255,actions=drop' over 'priority=10,
#               in_port=1,actions=output:2'), so each source needs its own megaflow; the rate is
#               the growth of 'dpctl/show' flows from the moment p1 is added until FLOWS (or
#               the plateau), sampled every 0.2 s. OVS gets Flow_Table prefixes=none, so that its
#               prefix tries do not merge sources into wider megaflows (both sides make one per
#               source; the harness checks the counts).
#
# Ratios are jvswitch / OVS (>= 1.00x: jvswitch is at least as fast).
set -euo pipefail

JVS_ROOT=${JVS_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
# shellcheck source=deploy/lib.sh
. "$JVS_ROOT/deploy/lib.sh"
# shellcheck source=deploy/bench/bench-lib.sh
BENCH_NAME=openflow.sh
. "$JVS_ROOT/deploy/bench/bench-lib.sh"

usage() {
    cat <<USAGE
usage: ./jvs bench openflow [OPTIONS]   (or deploy/bench/openflow.sh [OPTIONS] after './jvs build')

  --flowmods N          flows in the add-flows file                          (default 100000)
  --flows N             distinct sources in the miss pcap                    (default 50000;
                        both datapaths hold at most 65536 megaflows per PMD)
  --runs N              add-flows runs per side; the median is reported      (default 3)
  --cases LIST          flow-mods,misses                                     (default both)
  --no-ovs              jvswitch only
  --quick               --flowmods 20000 --flows 20000 --runs 1
  -v, --verbose         progress and datapath flow counts
  --keep                keep the temp directory (logs, flow files)
  -h, --help            this text

Needs root (DPDK, hugepages), './jvs build', and for the OVS column Debian's
openvswitch-switch-dpdk ('sudo ./jvs setup').
USAGE
}

FLOWMODS=100000 FLOWS=50000 RUNS=3 CASES=flow-mods,misses DO_OVS=1 VERBOSE=0 KEEP=0 RT=0 WINDOW=0
need_arg() { [ $# -ge 2 ] && [ -n "$2" ] || { echo "openflow.sh: $1 needs a value (try --help)" >&2; exit 2; }; }
while [ $# -gt 0 ]; do
    case "$1" in
        --flowmods) need_arg "$@"; FLOWMODS=$2; shift ;;
        --flows) need_arg "$@"; FLOWS=$2; shift ;;
        --runs) need_arg "$@"; RUNS=$2; shift ;;
        --cases) need_arg "$@"; CASES=$2; shift ;;
        --no-ovs) DO_OVS=0 ;;
        --quick) FLOWMODS=20000 FLOWS=20000 RUNS=1 ;;
        -v|--verbose) VERBOSE=1 ;;
        --keep) KEEP=1 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "openflow.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
    esac
    shift
done
for v in FLOWMODS FLOWS RUNS; do
    case "${!v}" in ''|*[!0-9]*|0) echo "openflow.sh: --${v,,} must be a positive whole number" >&2; exit 2 ;; esac
done
IFS=, read -r -a CASE_LIST <<<"$CASES"
for c in "${CASE_LIST[@]}"; do
    case "$c" in flow-mods|misses) ;; *) echo "openflow.sh: unknown case '$c' (flow-mods, misses)" >&2; exit 2 ;; esac
done
has_case() { [[ ",$CASES," == *",$1,"* ]]; }

bench_require "DPDK and hugepages: sudo ./jvs bench openflow" UdpFlowsPcap
OVS_VSWITCHD=/usr/lib/openvswitch-switch-dpdk/ovs-vswitchd-dpdk
if [ "$DO_OVS" = 1 ] && { [ ! -x "$OVS_VSWITCHD" ] || [ ! -r "$OVS_SCHEMA" ]; }; then
    say "OVS-DPDK column skipped: $OVS_VSWITCHD or $OVS_SCHEMA missing ('sudo ./jvs setup')"
    DO_OVS=0
fi

WORK=$(mktemp -d /tmp/jvs-bench-openflow.XXXXXX)
PREFIX=jvsbenchof$$
BR=jvsbof$$
JVS_PID="" JVS_CTL="" OVS_PID="" OVSDB_PID="" OVS_DIR=""
stop_jvs() { stop_pid "$JVS_PID" "$JVS_CTL"; JVS_PID=""; JVS_CTL=""; ip link del "$BR" 2>/dev/null || true; }
stop_ovs() {
    stop_pid "$OVS_PID" "${OVS_DIR:+$OVS_DIR/ovs-vswitchd.ctl}"; OVS_PID=""
    stop_pid "$OVSDB_PID" "${OVS_DIR:+$OVS_DIR/ovsdb-server.ctl}"; OVSDB_PID=""
    ip link del "$BR" 2>/dev/null || true
}
cleanup() {
    local rc=$?
    trap - EXIT INT TERM HUP
    stop_jvs
    stop_ovs
    rm -rf /var/run/dpdk/"$PREFIX"-* 2>/dev/null || true
    if [ "$KEEP" = 1 ]; then say "temp directory kept: $WORK"; else rm -rf "$WORK"; fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP
declare -A R

# The add-flows file: FLOWMODS distinct flows.
FLOWFILE=$WORK/flows.txt
awk -v n="$FLOWMODS" 'BEGIN { for (i = 0; i < n; i++)
    printf "priority=100,udp,nw_src=10.%d.%d.%d,tp_dst=%d,actions=output:2\n", 100 + int(i / 65536), int(i / 256) % 256, i % 256, 1000 + i % 1000 }' >"$FLOWFILE"
PCAP=$WORK/misses.pcap
if has_case misses; then
    "$JAVA" -cp "$HARNESS_CP" org.jvswitch.perf.harness.UdpFlowsPcap "$PCAP" "$FLOWS" || die "pcap"
fi

# flow_mods SIDE RUNDIR: RUNS x (del-flows, time add-flows FILE); the median rate in R[].
flow_mods() {
    local side=$1 d=$2 r t0 t1 rates=() n
    for ((r = 1; r <= RUNS; r++)); do
        OVS_RUNDIR=$d ovs-ofctl --timeout=600 del-flows "$BR" >/dev/null
        t0=$(now_ms)
        if ! OVS_RUNDIR=$d ovs-ofctl --timeout=600 add-flows "$BR" "$FLOWFILE" >"$d/add-flows.out" 2>&1; then
            add_note "$side: add-flows failed: $(head -c 300 "$d/add-flows.out")"; return 1
        fi
        t1=$(now_ms)
        n=$(OVS_RUNDIR=$d ovs-ofctl --timeout=600 dump-aggregate "$BR" | sed -n 's/.*flow_count=\([0-9]*\).*/\1/p')
        [ "$n" = "$FLOWMODS" ] || add_note "$side: $n flows in the table after add-flows, not $FLOWMODS"
        rates+=("$(awk -v n="$FLOWMODS" -v ms="$((t1 - t0))" 'BEGIN { printf "%.0f", n * 1000 / ms }')")
        vsay "$side run $r: $FLOWMODS flows in $((t1 - t0)) ms = ${rates[-1]} flow-mods/s"
    done
    OVS_RUNDIR=$d ovs-ofctl --timeout=600 del-flows "$BR" >/dev/null
    R[$side|flowmods]=$(median "${rates[@]}")
    R[$side|flowmods_runs]="${rates[*]}"
    say "  $(printf '%-8s flow-mods: %9.0f flows/s  (runs: %s)' "$side" "${R[$side|flowmods]}" "${rates[*]}")"
}

# dp_flows CTL: the datapath's flow count.
dp_flows() { ovs-appctl -T 10 -t "$1" dpctl/show 2>/dev/null | sed -n 's/^ *flows: *\([0-9]*\).*/\1/p' | head -1; }

# misses SIDE RUNDIR CTL VSCTL...: the two rules, then p1 with the pcap; megaflows set up per second.
misses() {
    local side=$1 d=$2 ctl=$3 p1opt; shift 3
    local vsctl=("$@") t0 t n last=0 tlast i first_t="" first_n=0
    OVS_RUNDIR=$d ovs-ofctl add-flow "$BR" "priority=20,ip,nw_src=10.255.255.255,actions=drop"
    OVS_RUNDIR=$d ovs-ofctl add-flow "$BR" "priority=10,in_port=1,actions=output:2"
    if [ "$side" = ovs ]; then p1opt="options:dpdk-devargs=net_pcap0,rx_pcap=$PCAP,infinite_rx=1"; else p1opt="options:dpdk-devargs=net_pcap0"; fi
    t0=$(now_ms)
    "${vsctl[@]}" --timeout=120 add-port "$BR" p1 -- set interface p1 type=dpdk ofport_request=1 "$p1opt" >"$d/p1.out" 2>&1 \
        || { add_note "$side misses: add-port p1 failed: $(head -c 300 "$d/p1.out")"; return 1; }
    # Sample the datapath's flow count until it reaches FLOWS or stops growing for 3 s (60 s at most).
    for ((i = 0; i < 300; i++)); do
        n=$(dp_flows "$ctl"); n=${n:-0}; t=$(now_ms)
        if [ -z "$first_t" ] && [ "$n" -gt 1 ]; then first_t=$t; first_n=$n; fi
        [ -n "$first_t" ] && echo "$((t - first_t)) $n" >>"$WORK/misses-$side.txt"
        if [ "$n" -gt "$last" ]; then last=$n; tlast=$t; fi
        [ "$n" -ge "$FLOWS" ] && break
        [ -n "$first_t" ] && [ $((t - tlast)) -gt 3000 ] && break
        sleep 0.2
    done
    if [ -z "$first_t" ] || [ "$last" -le "$first_n" ]; then
        add_note "$side misses: the datapath flows did not grow (last count $last)"; return 1
    fi
    [ "$last" -ge $((FLOWS * 9 / 10)) ] || add_note "$side misses: only $last of $FLOWS megaflows were set up"
    R[$side|misses]=$(awk -v a="$first_n" -v b="$last" -v ms="$((tlast - first_t))" 'BEGIN { if (ms <= 0) ms = 1; printf "%.0f", (b - a) * 1000 / ms }')
    R[$side|misses_n]=$last
    R[$side|misses_ms]=$((tlast - t0))
    vsay "$side: $first_n megaflows at $((first_t - t0)) ms, $last at $((tlast - t0)) ms after add-port"
    ovs-appctl -t "$ctl" dpctl/dump-flows 2>/dev/null | head -3 >"$d/megaflows-sample.txt" || true
    vcat "$d/megaflows-sample.txt"
    say "  $(printf '%-8s misses:    %9.0f megaflows/s  (%s megaflows in %s ms after add-port)' "$side" "${R[$side|misses]}" "$last" "$((tlast - t0))")"
}

bridge_setup() {
    local side=$1 d=$2; shift 2
    local vsctl=("$@") p2="options:dpdk-devargs=net_null0,no-rx=1"
    [ "$side" = jvs ] && p2="options:dpdk-devargs=net_null0"
    "${vsctl[@]}" --timeout=120 -- add-br "$BR" -- set bridge "$BR" datapath_type=netdev fail_mode=secure \
        -- add-port "$BR" p2 -- set interface p2 type=dpdk ofport_request=2 "$p2" >"$d/vsctl.out" 2>&1 \
        || { add_note "$side: ovs-vsctl failed: $(tr '\n' ' ' <"$d/vsctl.out" | head -c 400)"; return 1; }
    if [ "$side" = ovs ]; then   # one megaflow per source, as jvswitch makes (see the header)
        "${vsctl[@]}" -- --id=@ft create Flow_Table prefixes=none -- set Bridge "$BR" flow_tables:0=@ft >/dev/null
    fi
}

run_ovs() {
    local d=$WORK/ovs db ctl i
    rm -rf "$d"; mkdir -p "$d"; OVS_DIR=$d
    db=unix:$d/db.sock ctl=$d/ovs-vswitchd.ctl
    say "OVS-DPDK: starting ovsdb-server and $OVS_VSWITCHD"
    ovsdb-tool create "$d/conf.db" "$OVS_SCHEMA"
    OVS_RUNDIR=$d OVS_LOGDIR=$d OVS_DBDIR=$d ovsdb-server "$d/conf.db" --remote=punix:"$d/db.sock" \
        --pidfile="$d/ovsdb-server.pid" --unixctl="$d/ovsdb-server.ctl" --log-file="$d/ovsdb-server.log" \
        -vconsole:off --detach --no-chdir || { add_note "OVS: ovsdb-server did not start"; return 1; }
    OVSDB_PID=$(cat "$d/ovsdb-server.pid")
    ovs-vsctl --db="$db" --no-wait init -- set Open_vSwitch . other_config:dpdk-init=true \
        "other_config:dpdk-extra=--no-pci --in-memory --file-prefix=$PREFIX-ovs" other_config:pmd-cpu-mask=0x2
    if ! OVS_RUNDIR=$d OVS_LOGDIR=$d OVS_DBDIR=$d "$OVS_VSWITCHD" "$db" \
            --pidfile="$d/ovs-vswitchd.pid" --unixctl="$ctl" --log-file="$d/ovs-vswitchd.log" -vconsole:off \
            --detach --no-chdir 2>>"$d/ovs-vswitchd.err"; then
        add_note "OVS: ovs-vswitchd did not start:"; tail_of "$d/ovs-vswitchd.log"; stop_ovs; return 1
    fi
    OVS_PID=$(cat "$d/ovs-vswitchd.pid")
    for ((i = 0; i < 300; i++)); do
        [ "$(ovs-vsctl --db="$db" --timeout=5 get Open_vSwitch . dpdk_initialized 2>/dev/null)" = true ] && break
        sleep 0.1
    done
    bridge_setup ovs "$d" ovs-vsctl --db="$db" || { stop_ovs; return 1; }
    has_case flow-mods && { flow_mods ovs "$d" || true; }
    has_case misses && { misses ovs "$d" "$ctl" ovs-vsctl --db="$db" || true; }
    stop_ovs
    rm -rf /var/run/dpdk/"$PREFIX"-ovs
}

run_jvs() {
    local d=$WORK/jvs
    rm -rf "$d"; mkdir -p "$d"
    say "jvswitch: starting ./jvs start"
    local vdev=""
    has_case misses && vdev=" --vdev net_pcap0,rx_pcap=$PCAP,infinite_rx=1"
    local opts=(--other-config=pmd-cpu-mask=0x2 --other-config=metrics-address= --other-config=dpdk-mbufs=262143
                "--other-config=dpdk-extra=--no-pci --file-prefix=$PREFIX-jvs$vdev --vdev net_null0,no-rx=1")
    if ! OVS_RUNDIR=$d OVS_LOGDIR=$d OVS_DBDIR=$d \
            bash -c 'JVS_ROOT=$1; . "$1/deploy/lib.sh"; shift; jvs_start "$@"' _ "$JVS_ROOT" "${opts[@]}" >"$d/start.out" 2>&1; then
        add_note "jvswitch: ./jvs start failed: $(tail -n 3 "$d/start.out" | tr '\n' ' ')"
        JVS_PID=$(pid_in "$d/ovs-vswitchd.pid"); stop_jvs; return 1
    fi
    JVS_PID=$(pid_in "$d/ovs-vswitchd.pid")
    JVS_CTL=$d/ovs-vswitchd.$JVS_PID.ctl
    bridge_setup jvs "$d" env OVS_RUNDIR="$d" ovs-vsctl || { tail_of "$d/ovs-vswitchd.log" 15; stop_jvs; return 1; }
    has_case flow-mods && { flow_mods jvs "$d" || true; }
    has_case misses && { misses jvs "$d" "$JVS_CTL" env OVS_RUNDIR="$d" ovs-vsctl || true; }
    stop_jvs
    rm -rf /var/run/dpdk/"$PREFIX"-jvs
}

say "jvswitch OpenFlow benchmark: ${CASES}; add-flows of $FLOWMODS flows x $RUNS; misses over $FLOWS sources"
say "  sides: jvswitch$([ "$DO_OVS" = 1 ] && echo ", OVS-DPDK ($("$OVS_VSWITCHD" --version | head -1))"); machine: $(nproc) CPUs, $(hp_free_mb) MiB hugepages free, load $(cut -d' ' -f1-3 /proc/loadavg)"
START=$(date +%s)
if [ "$DO_OVS" = 1 ]; then run_ovs || true; fi
run_jvs || true

say ""
say "== Results ($(( $(date +%s) - START )) s)"
say "$(printf '%-34s | %12s | %12s | %8s' measure jvswitch OVS-DPDK jvs/OVS)"
if has_case flow-mods; then
    say "$(printf '%-34s | %12s | %12s | %8s' "flow-mods/s (add-flows, $FLOWMODS)" "$(fmt "${R[jvs|flowmods]:-}" 0)" \
        "$(fmt "${R[ovs|flowmods]:-}" 0)" "$(ratio "${R[jvs|flowmods]:-}" "${R[ovs|flowmods]:-}")")"
fi
if has_case misses; then
    say "$(printf '%-34s | %12s | %12s | %8s' "new megaflows/s (misses, $FLOWS)" "$(fmt "${R[jvs|misses]:-}" 0)" \
        "$(fmt "${R[ovs|misses]:-}" 0)" "$(ratio "${R[jvs|misses]:-}" "${R[ovs|misses]:-}")")"
    # OVS's revalidators cap its megaflows below FLOWS at first (flow_limit starts at 10000 and
    # grows by 1000 a pass): compare the sides also up to the count both reached.
    if [ -s "$WORK/misses-jvs.txt" ] && [ -s "$WORK/misses-ovs.txt" ]; then
        K=$(( ${R[jvs|misses_n]} < ${R[ovs|misses_n]} ? ${R[jvs|misses_n]} : ${R[ovs|misses_n]} ))
        at_k() { awk -v k="$K" 'NR == 1 { n0 = $2 } $2 >= k { if ($1 <= 0) $1 = 1; printf "%.0f", (k - n0) * 1000 / $1; exit }' "$1"; }
        RJ=$(at_k "$WORK/misses-jvs.txt") RO=$(at_k "$WORK/misses-ovs.txt")
        say "$(printf '%-34s | %12s | %12s | %8s' "  the first $K of them" "$(fmt "$RJ" 0)" "$(fmt "$RO" 0)" \
            "$(ratio "$RJ" "$RO")")"
    fi
fi
if [ ${#NOTES[@]} -gt 0 ]; then
    say ""
    say "Notes:"
    for n in "${NOTES[@]}"; do say "  - $n"; done
fi
exit 0
