#!/usr/bin/env bash
# deploy/demo.sh - the seed experiment's single-host network on jvswitch ('sudo ./jvs demo').
#
# As in ../shared/seeds/002: namespaces A1 (192.168.10.1) and B1 (192.168.10.2) are hosts
# behind bridges br2 and br3; bridges br1, br2 and br3 are joined in a triangle of veth pairs
# (b12, b13, b23) with STP on all three, so the loop stays loop-free. Everything is configured
# with the real ovs-vsctl against the switch's embedded database. The demo pings both ways,
# shows 'ovs-vsctl show', the STP port states and the MAC learning table, and leaves the switch
# running for you to explore.
#
#   sudo ./jvs demo           build the network and leave it up (says how to look and stop)
#   sudo ./jvs demo --clean   take it all down
set -euo pipefail
JVS_ROOT=${JVS_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
# shellcheck source=deploy/lib.sh
. "$JVS_ROOT/deploy/lib.sh"

clean=false
case "${1:-}" in
    --clean) clean=true ;;
    --keep|"") ;;
    *) jvs_die "demo takes --clean, not '$1'" ;;
esac
[ "$(id -u)" -eq 0 ] || jvs_die "the demo creates network namespaces: run it as root ('sudo ./jvs demo')"

DEMO_DIR="$JVS_ROOT/.jvs/demo"
export OVS_RUNDIR="$DEMO_DIR/run" OVS_LOGDIR="$DEMO_DIR/log" OVS_DBDIR="$DEMO_DIR/db"
BRIDGES="br1 br2 br3"
LINKS="b12 b13 b23"
# STP's timers, shortened from 802.1D's 15 s forward delay so the triangle converges in ~10 s.
STP_TIMERS="other_config:stp-forward-delay=4 other_config:stp-max-age=6 other_config:stp-hello-time=1"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
show() { printf '$ %s\n' "$*"; "$@"; }
vsctl() { ovs-vsctl --timeout=30 "$@"; }
appctl() { jvs_appctl "$@"; }

cleanup() {
    if [ -f "$JVS_ROOT/deploy/prometheus.sh" ]; then  # the demo's Prometheus, if it started one
        # shellcheck source=/dev/null
        . "$JVS_ROOT/deploy/prometheus.sh"
        jvs_demo_prometheus_stop "$DEMO_DIR"
    fi
    jvs_stop >/dev/null 2>&1 || true
    ip netns del A1 2>/dev/null || true
    ip netns del B1 2>/dev/null || true
    for l in a1.1 b1.1 b12.1 b13.1 b23.1; do ip link del "$l" 2>/dev/null || true; done
    rm -rf "$DEMO_DIR"
}

cleanup
if $clean; then
    jvs_say "demo taken down"
    exit 0
fi
command -v ovs-vsctl >/dev/null || jvs_die "ovs-vsctl is missing: run 'sudo ./jvs setup'"

step "start the switch (rundir $OVS_RUNDIR, its database embedded)"
# pmd-maxsleep lets the PMD doze when idle so the demo leaves the machine usable.
jvs_start --other-config=pmd-maxsleep=200 --other-config=dpdk-extra=--no-pci --other-config=dpdk-mbufs=16383

step "three bridges with STP, as in the seed (ovs-vsctl add-br ...)"
for br in $BRIDGES; do
    # shellcheck disable=SC2086
    show vsctl add-br "$br" -- set bridge "$br" datapath_type=netdev stp_enable=true $STP_TIMERS
done

step "hosts A1 (192.168.10.1) behind br2 and B1 (192.168.10.2) behind br3"
for h in a1:A1:192.168.10.1:br2 b1:B1:192.168.10.2:br3; do
    IFS=: read -r dev ns ip br <<<"$h"
    ip netns add "$ns"
    ip link add "$dev.1" type veth peer name "$dev.2" netns "$ns"
    echo 1 >"/proc/sys/net/ipv6/conf/$dev.1/disable_ipv6"
    ip link set "$dev.1" up
    ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.disable_ipv6=1
    ip netns exec "$ns" ip link set lo up
    ip netns exec "$ns" ip addr add "$ip/24" dev "$dev.2"
    ip netns exec "$ns" ip link set "$dev.2" up
    show vsctl add-port "$br" "$dev.1"
done

step "the triangle: br1-br2 (b12), br1-br3 (b13), br2-br3 (b23)"
for l in $LINKS; do
    ip link add "$l.1" type veth peer name "$l.2"
    for end in "$l.1" "$l.2"; do
        echo 1 >"/proc/sys/net/ipv6/conf/$end/disable_ipv6"
        ip link set "$end" up
    done
done
show vsctl add-port br1 b12.2 -- add-port br2 b12.1
show vsctl add-port br1 b13.2 -- add-port br3 b13.1
show vsctl add-port br2 b23.2 -- add-port br3 b23.1

step "wait for STP to converge, then ping both ways"
ok=false
for _ in $(seq 1 40); do
    if ip netns exec A1 ping -c 1 -W 1 192.168.10.2 >/dev/null 2>&1; then ok=true; break; fi
    sleep 0.5
done
show ip netns exec A1 ping -c 3 -i 0.3 -W 2 192.168.10.2 || ok=false
show ip netns exec B1 ping -c 3 -i 0.3 -W 2 192.168.10.1 || ok=false

step "the configuration"
show vsctl show

step "spanning tree: one port of the triangle blocks, the rest forward"
show appctl stp/show
for p in b12.1 b12.2 b13.1 b13.2 b23.1 b23.2; do
    printf '  %-6s %s\n' "$p" "$(vsctl get Port "$p" status:stp_state 2>/dev/null | tr -d '"')"
done

step "what br2 learned (A1's MAC on a1.1, B1's towards br3)"
# A topology change flushes the MAC tables while it lasts: a fresh ping refills them.
ip netns exec A1 ping -c 1 -W 1 192.168.10.2 >/dev/null 2>&1 || true
show appctl fdb/show br2

if [ -f "$JVS_ROOT/deploy/prometheus.sh" ]; then
    # shellcheck source=/dev/null
    . "$JVS_ROOT/deploy/prometheus.sh"
    jvs_demo_prometheus "$DEMO_DIR" || true
fi

if $ok; then
    step "A1 and B1 reach each other through the STP triangle"
else
    step "the pings did not get through: see $OVS_LOGDIR/ovs-vswitchd.log"
fi
cat <<MSG

The switch is still running. Look around:
  sudo OVS_RUNDIR=$OVS_RUNDIR ovs-vsctl show
  sudo OVS_RUNDIR=$OVS_RUNDIR ovs-appctl -t ovs-vswitchd stp/show
  sudo OVS_RUNDIR=$OVS_RUNDIR ovs-appctl -t ovs-vswitchd fdb/show br2
  sudo OVS_RUNDIR=$OVS_RUNDIR ovs-appctl -t ovs-vswitchd dpif/dump-flows br2
  sudo ip netns exec A1 ping 192.168.10.2
Stop it and remove the namespaces with: sudo ./jvs demo --clean
MSG
$ok
