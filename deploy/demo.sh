#!/usr/bin/env bash
# deploy/demo.sh - the switch forwarding, in one command (run by 'sudo ./jvs demo').
#
# Two network namespaces stand for two hosts, each joined to the switch by a veth pair whose
# outer end is a 'system' port of the datapath. The switch starts in its own run directory,
# the ports and two datapath flows are added with the real ovs-appctl, the hosts ping each
# other through it, and 'dpctl/show -s' and 'dpctl/dump-flows' show what moved.
#
#   sudo ./jvs demo           run it and clean up
#   sudo ./jvs demo --keep    leave the switch and namespaces up to explore (printed how)
#   sudo ./jvs demo --clean   take down what --keep left
set -euo pipefail
JVS_ROOT=${JVS_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
# shellcheck source=deploy/lib.sh
. "$JVS_ROOT/deploy/lib.sh"

keep=false clean=false
case "${1:-}" in
    --keep) keep=true ;;
    --clean) clean=true ;;
    "") ;;
    *) jvs_die "demo takes --keep or --clean, not '$1'" ;;
esac
[ "$(id -u)" -eq 0 ] || jvs_die "the demo creates network namespaces: run it as root ('sudo ./jvs demo')"

DEMO_DIR="$JVS_ROOT/.jvs/demo"
export OVS_RUNDIR="$DEMO_DIR/run" OVS_LOGDIR="$DEMO_DIR/log" OVS_DBDIR="$DEMO_DIR/db"
NS_A=jvs-demo-a NS_B=jvs-demo-b
PORT_A=jvsdemo-a PORT_B=jvsdemo-b
IP_A=10.99.0.1 IP_B=10.99.0.2

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
show() { printf '$ %s\n' "$*"; "$@"; }
appctl() { jvs_appctl "$@"; }

cleanup() {
    jvs_stop >/dev/null 2>&1 || true
    ip netns del "$NS_A" 2>/dev/null || true
    ip netns del "$NS_B" 2>/dev/null || true
    ip link del "$PORT_A" 2>/dev/null || true
    ip link del "$PORT_B" 2>/dev/null || true
}

cleanup
$clean && { jvs_say "demo cleaned up"; exit 0; }
$keep || trap cleanup EXIT

step "two hosts: namespaces $NS_A ($IP_A) and $NS_B ($IP_B), each on a veth pair"
for side in A B; do
    ns_var=NS_$side port_var=PORT_$side ip_var=IP_$side
    ns=${!ns_var} port=${!port_var} ip=${!ip_var}
    ip netns add "$ns"
    ip link add "$port" type veth peer name eth0 netns "$ns"
    ip link set "$port" up
    ip netns exec "$ns" ip link set lo up
    ip netns exec "$ns" ip link set eth0 up
    ip netns exec "$ns" ip addr add "$ip/24" dev eth0
done

step "start the switch (rundir $OVS_RUNDIR)"
# One PMD thread; pmd-maxsleep lets it doze when idle so the demo leaves the machine usable.
jvs_start --other-config=pmd-maxsleep=200 --other-config=dpdk-extra=--no-pci
show ovs-appctl -t "$OVS_RUNDIR/ovs-vswitchd.$(jvs_running_pid).ctl" version

step "add the two veth ends as ports of the datapath (the real ovs-appctl)"
show appctl dpctl/add-if ovs-netdev "$PORT_A,type=system" "$PORT_B,type=system"
show appctl dpctl/show

step "two datapath flows, in Open vSwitch's datapath flow syntax: port 1 to port 2 and back"
show appctl dpctl/add-flow ovs-netdev "in_port(1)" 2
show appctl dpctl/add-flow ovs-netdev "in_port(2)" 1

step "ping from $NS_A to $NS_B through the switch"
ok=true
show ip netns exec "$NS_A" ping -c 5 -i 0.2 -W 2 "$IP_B" || ok=false
show ip netns exec "$NS_B" ping -c 3 -i 0.2 -W 2 "$IP_A" || ok=false

step "what each port and each flow moved"
show appctl dpctl/show -s
show appctl dpctl/dump-flows
show appctl dpif-netdev/pmd-stats-show
show appctl coverage/show | head -5 || true

if $ok; then
    step "the switch forwarded both ways"
else
    step "the pings did not get through: see $OVS_LOGDIR/ovs-vswitchd.log"
fi
if $keep; then
    cat <<MSG

The switch and the namespaces are still up. Try:
  sudo OVS_RUNDIR=$OVS_RUNDIR ovs-appctl -t ovs-vswitchd dpctl/show -s
  sudo OVS_RUNDIR=$OVS_RUNDIR ovs-appctl -t ovs-vswitchd list-commands
  sudo ip netns exec $NS_A ping $IP_B
Take it down with: sudo ./jvs demo --clean
MSG
fi
$ok
