#!/usr/bin/env bash
# deploy/bench/datapath.sh - './jvs bench': the end-to-end datapath benchmark, jvswitch side by
# side with OVS-DPDK and dpdk-testpmd on the same machine in the same run.
#
# One PMD thread on core 1. Port 1 replays a pcap of 60-byte (64 on the wire) UDP frames over
# 1, 1,000 and 100,000 distinct flows (net_pcap, infinite_rx=1); port 2 is net_null (no-rx=1);
# one rule sends port 1 to port 2, in two shapes:
#   in_port  OpenFlow 'in_port=1,actions=output:2'. OVS 3.x installs the megaflow
#            recirc_id(0),in_port,packet_type,eth_type(0x0800),ipv4(frag=no) and serves it from
#            its per-PMD simple-match cache, bypassing EMC and dpcls.
#   nw_dst   OpenFlow 'in_port=1,udp,nw_dst=10.0.0.2,actions=output:2': the megaflow also matches
#            ipv4(dst,proto), so packets take the EMC (1 and 1,000 flows) or, at 100,000 flows,
#            which the EMC cannot hold, mostly the dpcls (megaflow) path.
# OVS-DPDK gets the OpenFlow rule through ovs-ofctl and translates it; jvswitch gets the exact
# megaflow OVS installed (read back with dpctl/dump-flows) through dpctl/add-flow, so both
# datapaths do the same work. Each case: warm-up, then RUNS x (pmd-stats-clear, sleep WINDOW,
# pmd-stats-show); Mpps = packets received / window, cycles/pkt = OVS's "avg processing cycles
# per packet" (busy TSC cycles / packets); the median run is reported. testpmd's io forwarding
# between the same two vdevs is the ceiling.
#
# Everything runs in a private temp directory (OVS_RUNDIR/LOGDIR/DBDIR), never
# /var/run/openvswitch; every daemon started is stopped on exit, whatever happens.
set -euo pipefail

JVS_ROOT=${JVS_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
# shellcheck source=deploy/lib.sh
. "$JVS_ROOT/deploy/lib.sh"
# shellcheck source=deploy/bench/bench-lib.sh
BENCH_NAME=datapath.sh
. "$JVS_ROOT/deploy/bench/bench-lib.sh"

usage() {
    cat <<USAGE
usage: ./jvs bench [OPTIONS]        (or deploy/bench/datapath.sh [OPTIONS] after './jvs build')

  --quick               one short run per case (1 s warm-up, 1 s window, no JFR): CI smoke, ~1 min
  --window SECONDS      measurement window per run                          (default 10)
  --runs N              runs per case; the median is reported               (default 3)
  --warmup SECONDS      traffic before the first window of a case           (default 3)
  --cases LIST          rule shapes: in_port,nw_dst                         (default both)
  --flows LIST          distinct flows in the pcap                          (default 1,1000,100000)
  --csv FILE            also write the table as CSV to FILE   (default /tmp/jvs-bench-DATE.csv)
  --no-ovs              skip the OVS-DPDK column
  --no-testpmd          skip the dpdk-testpmd ceiling
  --jfr / --no-jfr      record jvswitch with JFR and check PMD allocation and GC in the
                        measurement windows (default: on, off with --quick)
  --duration SECONDS    the 'no GC in a long run' check: one window of SECONDS per case, JFR on
                        (e.g. --duration 60 --no-ovs --no-testpmd --flows 1000 --cases nw_dst)
  --jvs-other-config KEY=VALUE  extra other_config for jvswitch (repeatable)
  --ovs-other-config KEY=VALUE  extra other_config for OVS-DPDK (repeatable)
  --dst IP              the frames' destination address                     (default 10.0.0.2)
  --rt                  run each side's core-1 thread (PMD, testpmd's worker) SCHED_FIFO 1, so
                        other processes on a shared machine cannot preempt it (they keep 5%)
  -v, --verbose         print each side's megaflows, pmd-perf-show and the commands' progress
  --keep                keep the temp directory (logs, pcaps, recordings) instead of removing it
  -h, --help            this text

Needs root (DPDK, hugepages), './jvs build', and for the other columns Debian's
openvswitch-switch-dpdk and dpdk (dpdk-testpmd): 'sudo ./jvs setup' installs both.
USAGE
}

# ---------------------------------------------------------------------------------------------
# Options

WINDOW="" RUNS="" WARMUP="" JFR="" QUICK=0 DURATION="" RT=0
CASES=in_port,nw_dst FLOWS=1,1000,100000 CSV="" DO_OVS=1 DO_TESTPMD=1 VERBOSE=0 KEEP=0
DST=10.0.0.2
JVS_OC=() OVS_OC=()
need_arg() { [ $# -ge 2 ] && [ -n "$2" ] || { echo "datapath.sh: $1 needs a value (try --help)" >&2; exit 2; }; }
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) QUICK=1 ;;
        --window) need_arg "$@"; WINDOW=$2; shift ;;
        --runs) need_arg "$@"; RUNS=$2; shift ;;
        --warmup) need_arg "$@"; WARMUP=$2; shift ;;
        --cases) need_arg "$@"; CASES=$2; shift ;;
        --flows) need_arg "$@"; FLOWS=$2; shift ;;
        --csv) need_arg "$@"; CSV=$2; shift ;;
        --no-ovs) DO_OVS=0 ;;
        --no-testpmd) DO_TESTPMD=0 ;;
        --jfr) JFR=1 ;;
        --no-jfr) JFR=0 ;;
        --duration) need_arg "$@"; DURATION=$2; shift ;;
        --jvs-other-config) need_arg "$@"; JVS_OC+=("$2"); shift ;;
        --ovs-other-config) need_arg "$@"; OVS_OC+=("$2"); shift ;;
        --dst) need_arg "$@"; DST=$2; shift ;;
        --rt) RT=1 ;;
        -v|--verbose) VERBOSE=1 ;;
        --keep) KEEP=1 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "datapath.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
    esac
    shift
done
if [ -n "$DURATION" ]; then
    WINDOW=${WINDOW:-$DURATION}; RUNS=${RUNS:-1}; JFR=${JFR:-1}
fi
if [ "$QUICK" = 1 ]; then
    WINDOW=${WINDOW:-1}; RUNS=${RUNS:-1}; WARMUP=${WARMUP:-1}; JFR=${JFR:-0}
fi
WINDOW=${WINDOW:-10}; RUNS=${RUNS:-3}; WARMUP=${WARMUP:-3}; JFR=${JFR:-1}
for v in WINDOW RUNS WARMUP; do
    case "${!v}" in ''|*[!0-9]*|0) echo "datapath.sh: --${v,,} must be a positive whole number, not '${!v}'" >&2; exit 2 ;; esac
done
IFS=, read -r -a CASE_LIST <<<"$CASES"
IFS=, read -r -a FLOW_LIST <<<"$FLOWS"
for c in "${CASE_LIST[@]}"; do
    case "$c" in in_port|nw_dst) ;; *) echo "datapath.sh: unknown case '$c' (in_port, nw_dst)" >&2; exit 2 ;; esac
done
for f in "${FLOW_LIST[@]}"; do
    case "$f" in ''|*[!0-9]*|0) echo "datapath.sh: --flows takes positive numbers, not '$f'" >&2; exit 2 ;; esac
done
[[ "$DST" =~ ^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "datapath.sh: --dst '$DST' is not an IPv4 address" >&2; exit 2; }

# ---------------------------------------------------------------------------------------------
# Preconditions (output helpers and checks: bench-lib.sh)

bench_require "DPDK and hugepages: sudo ./jvs bench" UdpFlowsPcap

OVS_VSWITCHD=""
if [ "$DO_OVS" = 1 ]; then
    if [ -x /usr/lib/openvswitch-switch-dpdk/ovs-vswitchd-dpdk ]; then
        OVS_VSWITCHD=/usr/lib/openvswitch-switch-dpdk/ovs-vswitchd-dpdk
    elif command -v ovs-vswitchd >/dev/null && ovs-vswitchd --version 2>/dev/null | grep -q '^DPDK'; then
        OVS_VSWITCHD=$(command -v ovs-vswitchd)
    else
        say "OVS-DPDK column skipped: no ovs-vswitchd built with DPDK on this machine."
        say "  install it with 'sudo ./jvs setup' (or: sudo apt-get install openvswitch-switch-dpdk)"
        DO_OVS=0
    fi
    [ -r "$OVS_SCHEMA" ] || { say "OVS-DPDK column skipped: $OVS_SCHEMA missing"; DO_OVS=0; }
fi
if [ "$DO_TESTPMD" = 1 ] && ! command -v dpdk-testpmd >/dev/null; then
    say "testpmd column skipped: dpdk-testpmd not found (sudo apt-get install dpdk, or 'sudo ./jvs setup')"
    DO_TESTPMD=0
fi
JCMD=$JAVA_HOME/bin/jcmd


# ---------------------------------------------------------------------------------------------
# Clean-up: every daemon this script started, its DPDK runtime dirs, the temp dir. Always.

WORK=$(mktemp -d /tmp/jvs-bench.XXXXXX)
PREFIX=jvsbench$$
JVS_SKIP="" JVS_DIR="" JVS_PID="" JVS_CTL="" OVS_PID="" OVSDB_PID="" OVS_DIR="" TPM_PID=""
STAMP=$(date +%Y%m%d-%H%M%S)
CSV=${CSV:-/tmp/jvs-bench-$STAMP.csv}

# Each stop reads the daemon's pidfile too, in case it was interrupted before it knew the pid.
stop_jvs() {
    [ -n "$JVS_PID" ] || JVS_PID=$(pid_in "${JVS_DIR:-/nonexistent}/ovs-vswitchd.pid")
    [ -n "$JVS_CTL" ] || JVS_CTL=${JVS_DIR:+$JVS_DIR/ovs-vswitchd.$JVS_PID.ctl}
    stop_pid "$JVS_PID" "$JVS_CTL"; JVS_PID=""; JVS_CTL=""; JVS_DIR=""
}
stop_ovs() {
    [ -n "$OVS_PID" ] || OVS_PID=$(pid_in "${OVS_DIR:-/nonexistent}/ovs-vswitchd.pid")
    [ -n "$OVSDB_PID" ] || OVSDB_PID=$(pid_in "${OVS_DIR:-/nonexistent}/ovsdb-server.pid")
    stop_pid "$OVS_PID" "${OVS_DIR:+$OVS_DIR/ovs-vswitchd.ctl}"; OVS_PID=""
    stop_pid "$OVSDB_PID" "${OVS_DIR:+$OVS_DIR/ovsdb-server.ctl}"; OVSDB_PID=""
    OVS_DIR=""
}
stop_testpmd() { stop_pid "$TPM_PID" -TERM; TPM_PID=""; }

cleanup() {
    local rc=$?
    trap - EXIT INT TERM HUP
    stop_testpmd
    stop_jvs
    stop_ovs
    rm -rf /var/run/dpdk/"$PREFIX"-* 2>/dev/null || true
    if [ "$KEEP" = 1 ]; then
        say "temp directory kept: $WORK"
    else
        rm -rf "$WORK"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP

# ---------------------------------------------------------------------------------------------
# Threads and stats: bench-lib.sh (pmd_tid, pin_others_to_core0, make_rt, measure, median...)

declare -A R   # results: R[side|flows|case|field]

# ---------------------------------------------------------------------------------------------
# Rules and megaflows

of_rule() {
    case "$1" in
        in_port) echo "in_port=1,actions=output:2" ;;
        nw_dst) echo "in_port=1,udp,nw_dst=$DST,actions=output:2" ;;
    esac
}

# What OVS 3.1 installs for each rule (dpctl/dump-flows, in_port as jvswitch numbers it); used
# for jvswitch when OVS-DPDK did not run in this invocation.
default_megaflow() {
    case "$1" in
        in_port) echo "recirc_id(0),in_port(1),packet_type(ns=0,id=0),eth_type(0x0800),ipv4(frag=no)" ;;
        nw_dst) echo "recirc_id(0),in_port(1),packet_type(ns=0,id=0),eth_type(0x0800),ipv4(dst=$DST,proto=17,frag=no)" ;;
    esac
}

declare -A MEGAFLOW   # MEGAFLOW[flows|case]: the key OVS-DPDK installed, with jvswitch's port numbers

# ---------------------------------------------------------------------------------------------
# OVS-DPDK

ovs_fail() {
    add_note "OVS-DPDK ($1 flows): $2; its log says:"
    tail_of "$OVS_DIR/ovs-vswitchd.log" 15
    [ -s "$OVS_DIR/ovs-vswitchd.err" ] && tail_of "$OVS_DIR/ovs-vswitchd.err" 5
    stop_ovs
}

# run_ovs FLOWS PCAP: one ovs-vswitchd for this pcap, every case.
run_ovs() {
    local flows=$1 pcap=$2 d=$WORK/ovs-$flows db ctl i c ofp1 ofp2 err vsctl dp1 dp2 dump n
    d=$WORK/ovs-$flows; OVS_DIR=$d; mkdir -p "$d"
    db=unix:$d/db.sock; ctl=$d/ovs-vswitchd.ctl
    vsctl() { ovs-vsctl --db="$db" "$@"; }
    say "OVS-DPDK, $flows flows: starting ovsdb-server and $OVS_VSWITCHD"
    ovsdb-tool create "$d/conf.db" "$OVS_SCHEMA" || { add_note "OVS-DPDK ($flows flows): ovsdb-tool create failed"; return 1; }
    if ! OVS_RUNDIR=$d OVS_LOGDIR=$d OVS_DBDIR=$d ovsdb-server "$d/conf.db" --remote=punix:"$d/db.sock" \
            --pidfile="$d/ovsdb-server.pid" --unixctl="$d/ovsdb-server.ctl" --log-file="$d/ovsdb-server.log" \
            -vconsole:off --detach --no-chdir 2>>"$d/ovsdb-server.err"; then
        add_note "OVS-DPDK ($flows flows): ovsdb-server did not start; its log says:"
        tail_of "$d/ovsdb-server.log"; return 1
    fi
    OVSDB_PID=$(cat "$d/ovsdb-server.pid")
    local oc=(other_config:dpdk-init=true "other_config:dpdk-extra=--no-pci --in-memory --file-prefix=$PREFIX-ovs"
              other_config:pmd-cpu-mask=0x2)
    for c in "${OVS_OC[@]}"; do oc+=("other_config:$c"); done
    vsctl --no-wait init -- set Open_vSwitch . "${oc[@]}" || { add_note "OVS-DPDK ($flows flows): ovs-vsctl init failed"; stop_ovs; return 1; }
    if ! OVS_RUNDIR=$d OVS_LOGDIR=$d OVS_DBDIR=$d "$OVS_VSWITCHD" "$db" --pidfile="$d/ovs-vswitchd.pid" \
            --unixctl="$ctl" --log-file="$d/ovs-vswitchd.log" -vconsole:off --detach --no-chdir 2>>"$d/ovs-vswitchd.err"; then
        ovs_fail "$flows" "ovs-vswitchd did not come up"; return 1
    fi
    OVS_PID=$(cat "$d/ovs-vswitchd.pid")
    for ((i = 0; i < 300; i++)); do
        [ "$(vsctl --timeout=5 get Open_vSwitch . dpdk_initialized 2>/dev/null)" = true ] && break
        kill -0 "$OVS_PID" 2>/dev/null || break
        sleep 0.1
    done
    if [ "$(vsctl --timeout=5 get Open_vSwitch . dpdk_initialized 2>/dev/null)" != true ]; then
        ovs_fail "$flows" "DPDK did not initialise in ovs-vswitchd"; return 1
    fi
    # fail_mode=secure: no NORMAL flow, so no packet is ever translated by a rule other than ours.
    if ! vsctl --timeout=120 add-br br0 -- set Bridge br0 datapath_type=netdev fail_mode=secure \
            -- add-port br0 p1 -- set Interface p1 type=dpdk ofport_request=1 \
               "options:dpdk-devargs=net_pcap0,rx_pcap=$pcap,infinite_rx=1" \
            -- add-port br0 p2 -- set Interface p2 type=dpdk ofport_request=2 \
               "options:dpdk-devargs=net_null0,no-rx=1" >"$d/vsctl.out" 2>&1; then
        ovs_fail "$flows" "ovs-vsctl add-br/add-port failed ($(head -c 300 "$d/vsctl.out"))"; return 1
    fi
    ofp1=$(vsctl get Interface p1 ofport); ofp2=$(vsctl get Interface p2 ofport)
    if [ "$ofp1" != 1 ] || [ "$ofp2" != 2 ]; then
        err="p1: $(vsctl get Interface p1 error 2>/dev/null) p2: $(vsctl get Interface p2 error 2>/dev/null)"
        ovs_fail "$flows" "ports did not come up (ofport p1=$ofp1 p2=$ofp2; $err)"; return 1
    fi
    # Datapath port numbers, to translate OVS's megaflows to jvswitch's (p1 = 1, p2 = 2).
    dp1=$(ovs-appctl -t "$ctl" dpctl/show | sed -n 's/^ *port \([0-9]*\): p1 .*/\1/p')
    dp2=$(ovs-appctl -t "$ctl" dpctl/show | sed -n 's/^ *port \([0-9]*\): p2 .*/\1/p')
    sleep 0.5
    pin_others_to_core0 "$OVS_PID"
    make_rt "$(pmd_tid "$OVS_PID")" OVS-DPDK
    vsay "ports up: p1 = ofport 1 (datapath port $dp1), p2 = ofport 2 (datapath port $dp2)"
    vsay "p1's $(ovs-appctl -t "$ctl" netdev-dpdk/get-mempool-info p1 2>/dev/null | grep -m1 -E '^mempool|size=' || true)"
    for c in "${CASE_LIST[@]}"; do
        if ! OVS_RUNDIR=$d ovs-ofctl -O OpenFlow13 del-flows br0 >"$d/ofctl.out" 2>&1 ||
           ! OVS_RUNDIR=$d ovs-ofctl -O OpenFlow13 add-flow br0 "$(of_rule "$c")" >>"$d/ofctl.out" 2>&1; then
            ovs_fail "$flows" "ovs-ofctl add-flow br0 '$(of_rule "$c")' failed: $(tr '\n' ' ' <"$d/ofctl.out")"; return 1
        fi
        # Drop the previous case's megaflow and its ukey; the next packet upcalls for the new rule.
        ovs-appctl -t "$ctl" revalidator/purge >/dev/null || { ovs_fail "$flows" "revalidator/purge failed"; return 1; }
        sleep "$WARMUP"
        ovs-appctl -t "$ctl" dpctl/dump-flows >"$d/flows-$c.txt" 2>&1 || true
        dump=$(pmd1_flows <"$d/flows-$c.txt")
        n=$(printf '%s' "$dump" | grep -c 'actions:' || true)
        vsay "OpenFlow: $(of_rule "$c")"
        vsay "OVS-DPDK dpctl/dump-flows:"
        vcat "$d/flows-$c.txt"
        if [ "$n" != 1 ]; then
            add_note "OVS-DPDK ($flows flows, $c): expected 1 datapath flow on the PMD after warm-up, found $n: $(tr '\n' ' ' <"$d/flows-$c.txt" | head -c 600)"
        fi
        if [ "$n" -ge 1 ]; then
            MEGAFLOW[$flows|$c]=$(printf '%s\n' "$dump" | grep -m1 'actions:' | sed 's/, packets:.*//' \
                | sed "s/in_port($dp1)/in_port(1)/")
        fi
        measure ovs "$flows" "$c" "$ctl" "$OVS_PID" || { stop_ovs; return 1; }
    done
    stop_ovs
    rm -rf /var/run/dpdk/"$PREFIX"-ovs
}

# ---------------------------------------------------------------------------------------------
# jvswitch

jvs_fail() {
    add_note "jvswitch ($1 flows): $2; its log says:"
    tail_of "$WORK/jvs-$1/ovs-vswitchd.log" 15
    stop_jvs
}

# run_jvs FLOWS PCAP: one jvswitch for this pcap, every case.
run_jvs() {
    local flows=$1 pcap=$2 d=$WORK/jvs-$flows c i opts=() key dump n out jvmopts=""
    mkdir -p "$d"; JVS_DIR=$d
    say "jvswitch, $flows flows: starting ./jvs start"
    opts=(--other-config=pmd-cpu-mask=0x2
          "--other-config=dpdk-extra=--no-pci --file-prefix=$PREFIX-jvs --vdev net_pcap0,rx_pcap=$pcap,infinite_rx=1 --vdev net_null0,no-rx=1")
    for c in "${JVS_OC[@]}"; do opts+=("--other-config=$c"); done
    if [ "$JFR" = 1 ]; then
        jvmopts="-XX:StartFlightRecording=name=jvsbench,settings=profile,jdk.ThreadAllocationStatistics#period=1s,filename=$d/exit.jfr,dumponexit=true"
    fi
    if ! (export OVS_RUNDIR=$d OVS_LOGDIR=$d OVS_DBDIR=$d JVS_JVM_OPTS="${JVS_JVM_OPTS:-} $jvmopts"
          jvs_start "${opts[@]}") >"$d/start.out" 2>&1; then
        JVS_PID=$(cat "$d/ovs-vswitchd.pid" 2>/dev/null || true)
        add_note "jvswitch ($flows flows): ./jvs start failed: $(tail -n 3 "$d/start.out" | tr '\n' ' ')"
        tail_of "$d/ovs-vswitchd.out"; stop_jvs; return 1
    fi
    JVS_PID=$(head -c 20 "$d/ovs-vswitchd.pid" | tr -dc 0-9)
    JVS_CTL=$d/ovs-vswitchd.$JVS_PID.ctl
    # The control socket answers before DPDK and the datapath are up: wait until dpctl/show
    # answers (an error other than "still starting" means the datapath failed).
    for ((i = 0; i < 600; i++)); do
        out=$(ovs-appctl -t "$JVS_CTL" dpctl/show 2>&1) && break
        case "$out" in *"not a valid command"*|*"still starting"*) ;; *) break ;; esac
        kill -0 "$JVS_PID" 2>/dev/null || break
        sleep 0.1
    done
    if ! ovs-appctl -t "$JVS_CTL" dpctl/show >/dev/null 2>&1; then
        jvs_fail "$flows" "its datapath did not start ($(printf '%s' "$out" | head -1))"; return 1
    fi
    if ! ovs-appctl -t "$JVS_CTL" list-commands | grep -q 'dpctl/add-flow'; then
        JVS_SKIP="no dpctl/add-flow"
        add_note "jvswitch: this build has no dpctl/add-flow; its column is skipped (rebuild with './jvs build' once it lands)"
        stop_jvs; return 1
    fi
    if ! out=$(ovs-appctl -t "$JVS_CTL" dpctl/add-if ovs-netdev p1,type=dpdk,dpdk-devargs=net_pcap0 \
            p2,type=dpdk,dpdk-devargs=net_null0 2>&1); then
        if [[ "$out" == *"Not enough mbufs"* ]]; then
            add_note "jvswitch ($flows flows) skipped: net_pcap's infinite_rx keeps every frame of the pcap in an mbuf of p1's rx pool, so it needs more than $flows mbufs; jvswitch's shared pool has $(grep -o '([0-9]* mbufs' "$d/ovs-vswitchd.log" | head -1 | tr -d '(') (MbufPools.DEFAULT_MBUFS). DPDK says: $(printf '%s' "$out" | grep -o 'Not enough mbufs[^)]*' | head -1)"
        else
            jvs_fail "$flows" "dpctl/add-if failed: $(printf '%s' "$out" | tr '\n' ' ')"
        fi
        stop_jvs; return 1
    fi
    if ! ovs-appctl -t "$JVS_CTL" dpctl/show | grep -q 'port 1: p1 ' ||
       ! ovs-appctl -t "$JVS_CTL" dpctl/show | grep -q 'port 2: p2 '; then
        jvs_fail "$flows" "ports are not p1 = 1, p2 = 2: $(ovs-appctl -t "$JVS_CTL" dpctl/show | tr '\n' ' ')"; return 1
    fi
    sleep 0.5
    pin_others_to_core0 "$JVS_PID"
    make_rt "$(pmd_tid "$JVS_PID")" jvswitch
    for c in "${CASE_LIST[@]}"; do
        key=${MEGAFLOW[$flows|$c]:-$(default_megaflow "$c")}
        ovs-appctl -t "$JVS_CTL" dpctl/del-flows ovs-netdev >/dev/null
        if ! out=$(ovs-appctl -t "$JVS_CTL" dpctl/add-flow ovs-netdev "$key" 2 2>&1); then
            jvs_fail "$flows" "dpctl/add-flow ovs-netdev '$key' 2 failed: $(printf '%s' "$out" | tr '\n' ' ')"; return 1
        fi
        sleep "$WARMUP"
        ovs-appctl -t "$JVS_CTL" dpctl/dump-flows ovs-netdev >"$d/flows-$c.txt" 2>&1 || true
        dump=$(pmd1_flows <"$d/flows-$c.txt")
        n=$(printf '%s' "$dump" | grep -c 'actions:' || true)
        vsay "dpctl/add-flow ovs-netdev \"$key\" 2"
        vsay "jvswitch dpctl/dump-flows:"
        vcat "$d/flows-$c.txt"
        [ "$n" = 1 ] || add_note "jvswitch ($flows flows, $c): expected 1 datapath flow on the PMD after warm-up, found $n: $(tr '\n' ' ' <"$d/flows-$c.txt" | head -c 600)"
        measure jvs "$flows" "$c" "$JVS_CTL" "$JVS_PID" || { stop_jvs; return 1; }
        # JFR samples each thread's allocation counter once a second: let one more sample fall
        # after the last window before the next case's flow change makes the PMD allocate.
        if [ "$JFR" = 1 ]; then sleep 1.2; fi
    done
    if [ "$JFR" = 1 ]; then
        "$JCMD" "$JVS_PID" JFR.stop name=jvsbench filename="$d/jvs.jfr" >"$d/jcmd.out" 2>&1 || true
    fi
    stop_jvs
    rm -rf /var/run/dpdk/"$PREFIX"-jvs
    if [ "$JFR" = 1 ]; then
        local rec=$d/jvs.jfr
        [ -s "$rec" ] || rec=$d/exit.jfr
        if [ -s "$rec" ] && [ -s "$WORK/jfr-windows-$flows.txt" ]; then
            "$JAVA" -cp "$HARNESS_CP" org.jvswitch.perf.harness.JfrCheck "$rec" "$WORK/jfr-windows-$flows.txt" \
                >"$d/jfr-check.txt" 2>&1 || true
            sed 's/^/  /' "$d/jfr-check.txt"
            cp "$rec" "${CSV%.csv}-jvs-$flows.jfr" 2>/dev/null && R[jfr|$flows]="${CSV%.csv}-jvs-$flows.jfr"
        else
            add_note "jvswitch ($flows flows): no JFR recording to check ($(tr '\n' ' ' <"$d/jcmd.out" | head -c 200))"
        fi
    fi
}

# ---------------------------------------------------------------------------------------------
# dpdk-testpmd

# run_testpmd FLOWS PCAP: io forwarding port 0 -> 1 on lcore 1; Rx-pps of port 0, median of runs.
run_testpmd() {
    local flows=$1 pcap=$2 d=$WORK/tpm-$flows out i r l0 l1 pps runs=()
    mkdir -p "$d"; out=$d/testpmd.out
    say "dpdk-testpmd, $flows flows: io forwarding, the ceiling"
    stdbuf -oL -eL dpdk-testpmd -l 0,1 --no-pci --in-memory --file-prefix="$PREFIX-tpm" \
        --vdev "net_pcap0,rx_pcap=$pcap,infinite_rx=1" --vdev net_null0,no-rx=1 -- \
        --forward-mode=io --nb-cores=1 --auto-start --stats-period=1 --total-num-mbufs=$((flows + 32768)) \
        </dev/null >"$out" 2>&1 &
    TPM_PID=$!
    for ((i = 0; i < 300; i++)); do
        grep -q 'Rx-pps' "$out" 2>/dev/null && break
        kill -0 "$TPM_PID" 2>/dev/null || break
        sleep 0.1
    done
    if ! kill -0 "$TPM_PID" 2>/dev/null || ! grep -q 'Rx-pps' "$out"; then
        add_note "testpmd ($flows flows): did not start forwarding; it says:"
        tail_of "$out"; stop_testpmd; return 1
    fi
    make_rt "$(pmd_tid "$TPM_PID")" testpmd
    sleep "$WARMUP"
    for ((r = 1; r <= RUNS; r++)); do
        l0=$(wc -l <"$out")
        sleep "$WINDOW"
        sleep 0.2
        l1=$(wc -l <"$out")
        # Port 0's "Rx-pps" lines printed during the window (one a second), averaged.
        pps=$(sed -n "$((l0 + 1)),${l1}p" "$out" | awk '
            /NIC statistics for port/ { match($0, /port [0-9]+/); port = substr($0, RSTART + 5, RLENGTH - 5) }
            /Rx-pps:/ && port == 0 { s += $2; n++ }
            END { if (n) printf "%.4f", s / n / 1e6; else print "nan" }')
        runs+=("$pps")
        vsay "run $r: $pps Mpps (port 0 Rx-pps averaged over the window)"
    done
    stop_testpmd
    rm -rf /var/run/dpdk/"$PREFIX"-tpm
    R[tpm|$flows|mpps]=$(median "${runs[@]}")
    R[tpm|$flows|runs]="${runs[*]}"
    say "  $(printf '%-8s %-7s %6s flows: %7.2f Mpps  (runs: %s)' testpmd io "$flows" "${R[tpm|$flows|mpps]}" "${runs[*]}")"
}

# ---------------------------------------------------------------------------------------------
# Main

say "jvswitch datapath benchmark: flows $FLOWS, cases $CASES, warm-up ${WARMUP}s, $RUNS x ${WINDOW}s windows (median)"
say "  sides: jvswitch$([ "$DO_OVS" = 1 ] && echo ", OVS-DPDK ($("$OVS_VSWITCHD" --version | head -1))")$([ "$DO_TESTPMD" = 1 ] && echo ", dpdk-testpmd")$([ "$JFR" = 1 ] && echo "; JFR allocation/GC check on")$([ "$RT" = 1 ] && echo "; core-1 threads SCHED_FIFO (--rt)")"
say "  machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')), $(hp_free_mb) MiB hugepages free, load average $(cut -d' ' -f1-3 /proc/loadavg); temp dir $WORK"
if [ "$(hp_free_mb)" -lt 700 ]; then
    warn "only $(hp_free_mb) MiB of hugepages are free: the 100,000-flow pcap needs a large mempool (each side runs alone, one after the other)"
fi
if [ "$RT" = 0 ] && awk '{ exit !($1 > 1.0) }' /proc/loadavg; then
    warn "this machine is busy (load average $(cut -d' ' -f1 /proc/loadavg)): processes outside this benchmark share core 1 with the PMDs, so figures will be low and noisy (see the 'preempt' column; --rt keeps them off it)"
fi
PCAP_DIR=$WORK/pcaps
mkdir -p "$PCAP_DIR"
START=$(date +%s)

for flows in "${FLOW_LIST[@]}"; do
    pcap=$PCAP_DIR/udp-$flows.pcap
    "$JAVA" -cp "$HARNESS_CP" org.jvswitch.perf.harness.UdpFlowsPcap "$pcap" "$flows" "$DST" \
        || die "could not write $pcap"
    say ""
    say "== $flows flow(s): $pcap ($(stat -c %s "$pcap") bytes)"
    if [ "$DO_OVS" = 1 ]; then run_ovs "$flows" "$pcap" || true; fi
    if [ -z "$JVS_SKIP" ]; then run_jvs "$flows" "$pcap" || true; fi
    if [ "$DO_TESTPMD" = 1 ]; then run_testpmd "$flows" "$pcap" || true; fi
done

# ---------------------------------------------------------------------------------------------
# The table

say ""
say "== Results: median of $RUNS x ${WINDOW}s, one PMD on core 1, 60-byte UDP frames ($(( $(date +%s) - START )) s)"
hdr=$(printf '%-7s %-8s | %8s %8s %-14s %7s | %8s %8s %-14s %7s | %8s | %8s' flows rule \
    "jvs Mpps" "cyc/pkt" "jvs path" preempt "OVS Mpps" "cyc/pkt" "OVS path" preempt "jvs/OVS" "testpmd")
say "$hdr"
say "$(printf '%s' "$hdr" | tr -c '|\n' '-')"
echo "flows,rule,jvs_mpps,jvs_cycles_per_pkt,jvs_path,jvs_preemptions,ovs_mpps,ovs_cycles_per_pkt,ovs_path,ovs_preemptions,ratio_jvs_ovs,testpmd_mpps,window_s,runs,jvs_runs_mpps,ovs_runs_mpps,megaflow" >"$CSV"
for flows in "${FLOW_LIST[@]}"; do
    for c in "${CASE_LIST[@]}"; do
        j="jvs|$flows|$c" o="ovs|$flows|$c"
        rt=$(ratio "${R[$j|mpps]:-}" "${R[$o|mpps]:-}")
        say "$(printf '%-7s %-8s | %8s %8s %-14s %7s | %8s %8s %-14s %7s | %8s | %8s' "$flows" "$c" \
            "$(fmt "${R[$j|mpps]:-}" 2)" "$(fmt "${R[$j|cpp]:-}" 1)" "${R[$j|path]:--}" "${R[$j|preempt]:--}" \
            "$(fmt "${R[$o|mpps]:-}" 2)" "$(fmt "${R[$o|cpp]:-}" 1)" "${R[$o|path]:--}" "${R[$o|preempt]:--}" \
            "$rt" "$(fmt "${R[tpm|$flows|mpps]:-}" 2)")"
        key=${MEGAFLOW[$flows|$c]:-$(default_megaflow "$c")}
        printf '%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,"%s","%s","%s"\n' "$flows" "$c" \
            "${R[$j|mpps]:-}" "${R[$j|cpp]:-}" "${R[$j|path]:-}" "${R[$j|preempt]:-}" \
            "${R[$o|mpps]:-}" "${R[$o|cpp]:-}" "${R[$o|path]:-}" "${R[$o|preempt]:-}" \
            "${rt%x}" "${R[tpm|$flows|mpps]:-}" "$WINDOW" "$RUNS" "${R[$j|runs]:-}" "${R[$o|runs]:-}" "$key" >>"$CSV"
    done
done
say ""
say "Mpps: packets the PMD received / window. cyc/pkt: busy TSC cycles / packets (pmd-stats-show's"
say "'avg processing cycles per packet'). path: where most packets were looked up. preempt: times"
say "something else took core 1 from the PMD during a window (median; 0 is a clean run)."
say "CSV: $CSV"
for flows in "${FLOW_LIST[@]}"; do
    if [ -r "$WORK/jvs-$flows/jfr-check.txt" ]; then
        say "JFR, jvswitch with $flows flow(s): $(grep -E '^  (PMD allocated bytes|PMD allocation:|GC during)' \
            "$WORK/jvs-$flows/jfr-check.txt" | sed 's/^ *//; s/ (pmd-c[^,]*, jdk.ThreadAllocationStatistics bracketing \([0-9/]*\) windows)/ (\1 windows)/' | paste -sd '|' | sed 's/|/; /g')"
    fi
    [ -n "${R[jfr|$flows]:-}" ] && say "  recording: ${R[jfr|$flows]}"
done
if [ ${#NOTES[@]} -gt 0 ]; then
    say ""
    say "Notes:"
    for n in "${NOTES[@]}"; do say "  - $n"; done
fi
exit 0
