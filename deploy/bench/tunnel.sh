#!/usr/bin/env bash
# deploy/bench/tunnel.sh - './jvs bench tunnel': VXLAN encapsulation and decapsulation in Mpps on
# one PMD core, jvswitch against OVS-DPDK, same machine, same setup, same run.
#
# Both switches get the same configuration through OVS's own tools (ovs-vsctl, ovs-ofctl,
# ovs-appctl), run one after the other inside a private network namespace (the underlay address
# lives on br-phy's internal port there, never on the host), with one PMD on core 1:
#
#   encap  p1 (net_pcap, infinite_rx: UdpFlowsPcap's 60-byte UDP frames over FLOWS flows)
#            -> br-int 'in_port=1,actions=output:2' -> vx0 (vxlan, remote_ip=10.10.10.2, key=123)
#            -> native tunneling: route via br-phy, static neighbour (tnl/neigh/set)
#            -> br-phy 'in_port=LOCAL,actions=output:1' -> p2 (net_null)
#          one datapath flow: tnl_push(...),output(p2)
#   decap  p1 (net_pcap: VxlanFlowsPcap, the same frames inside VXLAN to 10.10.10.1, br-phy's MAC)
#            -> br-phy 'in_port=1,actions=LOCAL' -> tnl_pop(vxlan_sys_4789), recirculation
#            -> br-int 'in_port=2,actions=output:1' (vx0 to p2) -> p2 (net_null)
#          two datapath flows a packet: tnl_pop, then the inner packet's output
#
# Mpps = packets the PMD received from p1 / window (pmd-stats-show's "packets received"; a
# recirculation is not a second packet), median of RUNS windows; the ratio is jvswitch / OVS.
# The measuring, the PMD pinning and the clean-up are datapath.sh's (bench-lib.sh).
set -euo pipefail

JVS_ROOT=${JVS_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
# shellcheck source=deploy/lib.sh
. "$JVS_ROOT/deploy/lib.sh"
# shellcheck source=deploy/bench/bench-lib.sh
BENCH_NAME=tunnel.sh
. "$JVS_ROOT/deploy/bench/bench-lib.sh"

usage() {
    cat <<USAGE
usage: ./jvs bench tunnel [OPTIONS]     (or deploy/bench/tunnel.sh [OPTIONS] after './jvs build')

  --quick               one 1 s window per case after a 1 s warm-up: a smoke test (~1 min)
  --window SECONDS      measurement window per run                           (default 5)
  --runs N              runs per case; the median is reported                (default 3)
  --warmup SECONDS      traffic before the first window                      (default 2)
  --cases LIST          encap,decap                                          (default both)
  --flows N             distinct inner flows in the pcap                     (default 1000)
  --no-ovs              jvswitch only
  --csv FILE            also write the table as CSV      (default /tmp/jvs-bench-tunnel-DATE.csv)
  --rt                  each side's PMD SCHED_FIFO 1 (shared machines; see datapath.sh --help)
  -v, --verbose         datapath flows and progress
  --keep                keep the temp directory (logs, pcaps)
  -h, --help            this text

Needs root (DPDK, hugepages, a network namespace), './jvs build', and for the OVS column
Debian's openvswitch-switch-dpdk ('sudo ./jvs setup').
USAGE
}

WINDOW="" RUNS="" WARMUP="" QUICK=0 RT=0 VERBOSE=0 KEEP=0 DO_OVS=1 CSV="" FLOWS=1000 CASES=encap,decap
need_arg() { [ $# -ge 2 ] && [ -n "$2" ] || { echo "tunnel.sh: $1 needs a value (try --help)" >&2; exit 2; }; }
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) QUICK=1 ;;
        --window) need_arg "$@"; WINDOW=$2; shift ;;
        --runs) need_arg "$@"; RUNS=$2; shift ;;
        --warmup) need_arg "$@"; WARMUP=$2; shift ;;
        --cases) need_arg "$@"; CASES=$2; shift ;;
        --flows) need_arg "$@"; FLOWS=$2; shift ;;
        --no-ovs) DO_OVS=0 ;;
        --csv) need_arg "$@"; CSV=$2; shift ;;
        --rt) RT=1 ;;
        -v|--verbose) VERBOSE=1 ;;
        --keep) KEEP=1 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "tunnel.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
    esac
    shift
done
if [ "$QUICK" = 1 ]; then WINDOW=${WINDOW:-1}; RUNS=${RUNS:-1}; WARMUP=${WARMUP:-1}; fi
WINDOW=${WINDOW:-5}; RUNS=${RUNS:-3}; WARMUP=${WARMUP:-2}
for v in WINDOW RUNS WARMUP FLOWS; do
    case "${!v}" in ''|*[!0-9]*|0) echo "tunnel.sh: --${v,,} must be a positive whole number, not '${!v}'" >&2; exit 2 ;; esac
done
IFS=, read -r -a CASE_LIST <<<"$CASES"
for c in "${CASE_LIST[@]}"; do
    case "$c" in encap|decap) ;; *) echo "tunnel.sh: unknown case '$c' (encap, decap)" >&2; exit 2 ;; esac
done

bench_require "DPDK, hugepages, a network namespace: sudo ./jvs bench tunnel" VxlanFlowsPcap ip
OVS_VSWITCHD=/usr/lib/openvswitch-switch-dpdk/ovs-vswitchd-dpdk
if [ "$DO_OVS" = 1 ] && { [ ! -x "$OVS_VSWITCHD" ] || [ ! -r "$OVS_SCHEMA" ]; }; then
    say "OVS-DPDK column skipped: $OVS_VSWITCHD or $OVS_SCHEMA missing ('sudo ./jvs setup')"
    DO_OVS=0
fi

# The tunnel: this host 10.10.10.1 on br-phy (fixed MAC), the remote 10.10.10.2 at a static MAC.
LOCAL_IP=10.10.10.1 REMOTE_IP=10.10.10.2 BR_PHY_MAC=02:00:00:00:0b:01 REMOTE_MAC=02:00:00:00:0a:02 VNI=123

WORK=$(mktemp -d /tmp/jvs-bench-tunnel.XXXXXX)
PREFIX=jvsbenchtnl$$
NS=jvsbtnl$$
STAMP=$(date +%Y%m%d-%H%M%S)
CSV=${CSV:-/tmp/jvs-bench-tunnel-$STAMP.csv}
JVS_PID="" JVS_CTL="" OVS_PID="" OVSDB_PID="" OVS_DIR=""

# The bridges' taps may outlive a switch (OVS makes them persistent): gone before the next side.
del_taps() { ip netns exec "$NS" ip link del br-phy 2>/dev/null || true; ip netns exec "$NS" ip link del br-int 2>/dev/null || true; }
stop_jvs() { stop_pid "$JVS_PID" "$JVS_CTL"; JVS_PID=""; JVS_CTL=""; del_taps; }
stop_ovs() {
    stop_pid "$OVS_PID" "${OVS_DIR:+$OVS_DIR/ovs-vswitchd.ctl}"; OVS_PID=""
    stop_pid "$OVSDB_PID" "${OVS_DIR:+$OVS_DIR/ovsdb-server.ctl}"; OVSDB_PID=""
    del_taps
}
cleanup() {
    local rc=$?
    trap - EXIT INT TERM HUP
    stop_jvs
    stop_ovs
    ip netns del "$NS" 2>/dev/null || true
    rm -rf /var/run/dpdk/"$PREFIX"-* 2>/dev/null || true
    if [ "$KEEP" = 1 ]; then say "temp directory kept: $WORK"; else rm -rf "$WORK"; fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP

ip netns add "$NS" || die "cannot create network namespace $NS"
ip netns exec "$NS" ip link set lo up
declare -A R

# configure SIDE CASE PCAP CTL VSCTL...: the bridges, ports, address, neighbour and flows for a case.
configure() {
    local side=$1 case=$2 pcap=$3 ctl=$4 d=$WORK/$1-$FLOWS p1 p2; shift 4
    local vsctl=("$@")
    if [ "$side" = ovs ]; then
        p1="options:dpdk-devargs=net_pcap0,rx_pcap=$pcap,infinite_rx=1" p2="options:dpdk-devargs=net_null0,no-rx=1"
    else
        p1="options:dpdk-devargs=net_pcap0" p2="options:dpdk-devargs=net_null0"
    fi
    local int=(-- add-br br-int -- set bridge br-int datapath_type=netdev fail_mode=secure
               -- add-port br-int vx0 -- set interface vx0 type=vxlan ofport_request=2
                  "options:remote_ip=$REMOTE_IP" "options:key=$VNI")
    local phy=(-- add-br br-phy -- set bridge br-phy datapath_type=netdev fail_mode=secure
               "other_config:hwaddr=$BR_PHY_MAC")
    if [ "$case" = encap ]; then
        int+=(-- add-port br-int p1 -- set interface p1 type=dpdk ofport_request=1 "$p1")
        phy+=(-- add-port br-phy p2 -- set interface p2 type=dpdk ofport_request=1 "$p2")
    else
        int+=(-- add-port br-int p2 -- set interface p2 type=dpdk ofport_request=1 "$p2")
        phy+=(-- add-port br-phy p1 -- set interface p1 type=dpdk ofport_request=1 "$p1")
    fi
    "${vsctl[@]}" --timeout=120 "${phy[@]}" "${int[@]}" >"$d/vsctl.out" 2>&1 \
        || { add_note "$side $case: ovs-vsctl failed: $(tr '\n' ' ' <"$d/vsctl.out" | head -c 400)"; return 1; }
    local port err
    for port in p1 p2 vx0; do
        err=$("${vsctl[@]}" get interface "$port" error)
        [ "$err" = "[]" ] || { add_note "$side $case: interface $port: $err"; return 1; }
    done
    ip netns exec "$NS" ip addr replace "$LOCAL_IP/24" dev br-phy
    ip netns exec "$NS" ip link set br-phy up
    local i
    for ((i = 0; i < 50; i++)); do   # the route comes from the kernel's address
        ovs-appctl -t "$ctl" ovs/route/lookup "$REMOTE_IP" >/dev/null 2>&1 && break
        sleep 0.1
    done
    ovs-appctl -t "$ctl" tnl/neigh/set br-phy "$REMOTE_IP" "$REMOTE_MAC" >/dev/null \
        || { add_note "$side $case: tnl/neigh/set failed"; return 1; }
    local flows
    if [ "$case" = encap ]; then
        flows=("br-int in_port=1,actions=output:2" "br-phy in_port=LOCAL,actions=output:1")
    else
        flows=("br-phy in_port=1,actions=LOCAL" "br-int in_port=2,actions=output:1")
    fi
    local f
    for f in "${flows[@]}"; do
        # shellcheck disable=SC2086
        OVS_RUNDIR=$d ovs-ofctl -O OpenFlow13 add-flow $f >>"$d/ofctl.out" 2>&1 \
            || { add_note "$side $case: ovs-ofctl add-flow $f failed: $(tr '\n' ' ' <"$d/ofctl.out")"; return 1; }
    done
}

# after_warmup SIDE CASE CTL: checks the datapath flows are the tunnel's (tnl_push / tnl_pop).
after_warmup() {
    local side=$1 case=$2 ctl=$3 d=$WORK/$1-$FLOWS want
    ovs-appctl -t "$ctl" dpctl/dump-flows >"$d/flows-$case.txt" 2>&1 || true
    vsay "$side dpctl/dump-flows ($case):"
    vcat "$d/flows-$case.txt"
    want=tnl_push; [ "$case" = decap ] && want=tnl_pop
    grep -q "$want" "$d/flows-$case.txt" \
        || add_note "$side $case: no $want in the datapath flows after warm-up: $(tr '\n' ' ' <"$d/flows-$case.txt" | head -c 500)"
}

# run_ovs CASE PCAP: OVS's ovsdb-server and DPDK ovs-vswitchd (in the namespace), one case.
run_ovs() {
    local case=$1 pcap=$2 d=$WORK/ovs-$FLOWS db ctl i
    rm -rf "$d"; mkdir -p "$d"; OVS_DIR=$d
    db=unix:$d/db.sock ctl=$d/ovs-vswitchd.ctl
    say "OVS-DPDK, $case: starting ovsdb-server and $OVS_VSWITCHD"
    ovsdb-tool create "$d/conf.db" "$OVS_SCHEMA"
    OVS_RUNDIR=$d OVS_LOGDIR=$d OVS_DBDIR=$d ovsdb-server "$d/conf.db" --remote=punix:"$d/db.sock" \
        --pidfile="$d/ovsdb-server.pid" --unixctl="$d/ovsdb-server.ctl" --log-file="$d/ovsdb-server.log" \
        -vconsole:off --detach --no-chdir 2>>"$d/ovsdb-server.err" \
        || { add_note "OVS $case: ovsdb-server did not start"; return 1; }
    OVSDB_PID=$(cat "$d/ovsdb-server.pid")
    ovs-vsctl --db="$db" --no-wait init -- set Open_vSwitch . other_config:dpdk-init=true \
        "other_config:dpdk-extra=--no-pci --in-memory --file-prefix=$PREFIX-ovs" other_config:pmd-cpu-mask=0x2
    if ! OVS_RUNDIR=$d OVS_LOGDIR=$d OVS_DBDIR=$d ip netns exec "$NS" "$OVS_VSWITCHD" "$db" \
            --pidfile="$d/ovs-vswitchd.pid" --unixctl="$ctl" --log-file="$d/ovs-vswitchd.log" -vconsole:off \
            --detach --no-chdir 2>>"$d/ovs-vswitchd.err"; then
        add_note "OVS $case: ovs-vswitchd did not start:"; tail_of "$d/ovs-vswitchd.log"; stop_ovs; return 1
    fi
    OVS_PID=$(cat "$d/ovs-vswitchd.pid")
    for ((i = 0; i < 300; i++)); do
        [ "$(ovs-vsctl --db="$db" --timeout=5 get Open_vSwitch . dpdk_initialized 2>/dev/null)" = true ] && break
        sleep 0.1
    done
    if ! configure ovs "$case" "$pcap" "$ctl" ovs-vsctl --db="$db"; then
        tail_of "$d/ovs-vswitchd.log"; stop_ovs; return 1
    fi
    sleep 0.5
    pin_others_to_core0 "$OVS_PID"
    make_rt "$(pmd_tid "$OVS_PID")" OVS-DPDK
    sleep "$WARMUP"
    after_warmup ovs "$case" "$ctl"
    measure ovs "$FLOWS" "$case" "$ctl" "$OVS_PID" || true
    stop_ovs
    rm -rf /var/run/dpdk/"$PREFIX"-ovs
}

# run_jvs CASE PCAP: jvswitch (./jvs start, in the namespace), one case.
run_jvs() {
    local case=$1 pcap=$2 d=$WORK/jvs-$FLOWS pid
    rm -rf "$d"; mkdir -p "$d"
    say "jvswitch, $case: starting ./jvs start"
    local opts=(--other-config=pmd-cpu-mask=0x2 --other-config=metrics-address=
                "--other-config=dpdk-extra=--no-pci --file-prefix=$PREFIX-jvs --vdev net_pcap0,rx_pcap=$pcap,infinite_rx=1 --vdev net_null0,no-rx=1")
    if ! OVS_RUNDIR=$d OVS_LOGDIR=$d OVS_DBDIR=$d ip netns exec "$NS" \
            bash -c 'JVS_ROOT=$1; . "$1/deploy/lib.sh"; shift; jvs_start "$@"' _ "$JVS_ROOT" "${opts[@]}" >"$d/start.out" 2>&1; then
        add_note "jvswitch $case: ./jvs start failed: $(tail -n 3 "$d/start.out" | tr '\n' ' ')"
        JVS_PID=$(pid_in "$d/ovs-vswitchd.pid"); stop_jvs; return 1
    fi
    JVS_PID=$(pid_in "$d/ovs-vswitchd.pid")
    JVS_CTL=$d/ovs-vswitchd.$JVS_PID.ctl
    if ! configure jvs "$case" "$pcap" "$JVS_CTL" env OVS_RUNDIR="$d" ovs-vsctl; then
        tail_of "$d/ovs-vswitchd.log" 15; stop_jvs; return 1
    fi
    sleep 0.5
    pin_others_to_core0 "$JVS_PID"
    make_rt "$(pmd_tid "$JVS_PID")" jvswitch
    sleep "$WARMUP"
    after_warmup jvs "$case" "$JVS_CTL"
    measure jvs "$FLOWS" "$case" "$JVS_CTL" "$JVS_PID" || true
    stop_jvs
    rm -rf /var/run/dpdk/"$PREFIX"-jvs
}

say "jvswitch tunnel benchmark: VXLAN ${CASES}, $FLOWS flows, warm-up ${WARMUP}s, $RUNS x ${WINDOW}s windows (median)"
say "  sides: jvswitch$([ "$DO_OVS" = 1 ] && echo ", OVS-DPDK ($("$OVS_VSWITCHD" --version | head -1))"); machine: $(nproc) CPUs, $(hp_free_mb) MiB hugepages free, load $(cut -d' ' -f1-3 /proc/loadavg)"
PCAPS=$WORK/pcaps
mkdir -p "$PCAPS"
"$JAVA" -cp "$HARNESS_CP" org.jvswitch.perf.harness.UdpFlowsPcap "$PCAPS/encap.pcap" "$FLOWS" || die "pcap"
"$JAVA" -cp "$HARNESS_CP" org.jvswitch.perf.harness.VxlanFlowsPcap "$PCAPS/decap.pcap" "$FLOWS" \
    "$REMOTE_IP" "$LOCAL_IP" "$BR_PHY_MAC" "$VNI" || die "pcap"
START=$(date +%s)
for c in "${CASE_LIST[@]}"; do
    say ""
    say "== $c: $PCAPS/$c.pcap ($(stat -c %s "$PCAPS/$c.pcap") bytes)"
    if [ "$DO_OVS" = 1 ]; then run_ovs "$c" "$PCAPS/$c.pcap" || true; fi
    run_jvs "$c" "$PCAPS/$c.pcap" || true
done

say ""
say "== Results: VXLAN, median of $RUNS x ${WINDOW}s, one PMD on core 1, $FLOWS inner flows ($(( $(date +%s) - START )) s)"
hdr=$(printf '%-6s | %8s %8s %7s | %8s %8s %7s | %8s' case "jvs Mpps" "cyc/pkt" preempt "OVS Mpps" "cyc/pkt" preempt "jvs/OVS")
say "$hdr"
say "$(printf '%s' "$hdr" | tr -c '|\n' '-')"
echo "case,flows,jvs_mpps,jvs_cycles_per_pkt,jvs_preemptions,ovs_mpps,ovs_cycles_per_pkt,ovs_preemptions,ratio_jvs_ovs,window_s,runs,jvs_runs_mpps,ovs_runs_mpps" >"$CSV"
for c in "${CASE_LIST[@]}"; do
    j="jvs|$FLOWS|$c" o="ovs|$FLOWS|$c"
    rt=$(ratio "${R[$j|mpps]:-}" "${R[$o|mpps]:-}")
    say "$(printf '%-6s | %8s %8s %7s | %8s %8s %7s | %8s' "$c" \
        "$(fmt "${R[$j|mpps]:-}" 2)" "$(fmt "${R[$j|cpp]:-}" 1)" "${R[$j|preempt]:--}" \
        "$(fmt "${R[$o|mpps]:-}" 2)" "$(fmt "${R[$o|cpp]:-}" 1)" "${R[$o|preempt]:--}" "$rt")"
    printf '%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,"%s","%s"\n' "$c" "$FLOWS" "${R[$j|mpps]:-}" "${R[$j|cpp]:-}" \
        "${R[$j|preempt]:-}" "${R[$o|mpps]:-}" "${R[$o|cpp]:-}" "${R[$o|preempt]:-}" "${rt%x}" "$WINDOW" "$RUNS" \
        "${R[$j|runs]:-}" "${R[$o|runs]:-}" >>"$CSV"
done
say ""
say "Mpps: packets the PMD received from p1 / window (decap: one tnl_pop and one recirculation each)."
say "cyc/pkt: busy TSC cycles / packet. preempt: times something else took core 1 (0 is clean)."
say "CSV: $CSV"
if [ ${#NOTES[@]} -gt 0 ]; then
    say ""
    say "Notes:"
    for n in "${NOTES[@]}"; do say "  - $n"; done
fi
exit 0
