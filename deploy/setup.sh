#!/usr/bin/env bash
# deploy/setup.sh - make this Debian machine ready to build, run and test jvswitch. Idempotent:
# it installs only what is missing, and only raises the hugepage reservation.
#
# - Debian packages: build tools, DPDK, and the real peers the tests drive (DEVELOPERS.md).
#   Open vSwitch's packages are installed for their tools only: their daemons would take
#   /var/run/openvswitch, so their start is blocked during the install and their services
#   are masked. openvswitch-switch-dpdk adds OVS's DPDK build of ovs-vswitchd (its postinst
#   points /usr/sbin/ovs-vswitchd at it through update-alternatives and starts nothing): the
#   datapath benchmark (deploy/bench/datapath.sh) runs it side by side with jvswitch.
# - A JDK >= 22 (JAVA_HOME or /usr/lib/jvm/*), or exact instructions to get one.
# - hugetlbfs mounted at /dev/hugepages and JVS_HUGEPAGES_MB (default 1024) of hugepages.
set -euo pipefail
JVS_ROOT=${JVS_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
# shellcheck source=deploy/lib.sh
. "$JVS_ROOT/deploy/lib.sh"

PKGS_BUILD="gcc make pkg-config maven"
PKGS_DPDK="dpdk dpdk-dev libdpdk-dev"
PKGS_PEERS="openvswitch-switch openvswitch-common openvswitch-switch-dpdk python3-openvswitch openssl python3-os-ken prometheus iproute2 iputils-ping tcpdump procps"
# Services of those packages that must never run or start at boot.
MASKED_SERVICES="openvswitch-switch ovs-vswitchd ovsdb-server ovs-record-hostname prometheus"

is_root() { [ "$(id -u)" -eq 0 ]; }

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

mask_services() {
    local s
    for s in $MASKED_SERVICES; do
        if [ -d /run/systemd/system ] && command -v systemctl >/dev/null; then
            systemctl mask --now "$s.service" >/dev/null 2>&1 || true
        else
            mkdir -p /etc/systemd/system
            ln -sfn /dev/null "/etc/systemd/system/$s.service"
        fi
    done
}

install_packages() {
    local missing="" p policy=/usr/sbin/policy-rc.d backup=""
    for p in $PKGS_BUILD $PKGS_DPDK $PKGS_PEERS; do
        installed "$p" || missing="$missing $p"
    done
    [ -z "$missing" ] && return 0
    is_root || jvs_die "missing Debian packages:$missing - run 'sudo ./jvs setup'"
    jvs_say "installing:$missing"
    # Block every service start during the install (invoke-rc.d honours policy-rc.d).
    if [ -e "$policy" ]; then backup=$(mktemp); cp -p "$policy" "$backup"; fi
    printf '#!/bin/sh\n# jvs setup: no service starts while packages install\nexit 101\n' >"$policy"
    chmod 755 "$policy"
    restore_policy() { if [ -n "$backup" ]; then mv -f "$backup" "$policy"; else rm -f "$policy"; fi; }
    trap restore_policy EXIT
    mask_services
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq || jvs_die "apt-get update failed (no network to Debian's mirrors?)"
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing >/dev/null \
        || jvs_die "apt-get install of$missing failed"
    restore_policy
    trap - EXIT
    mask_services
}

# Open vSwitch's own daemons must not be running: they would hold /var/run/openvswitch.
check_ovs_daemons() {
    local p
    for p in ovs-vswitchd ovsdb-server; do
        if pgrep -x "$p" >/dev/null 2>&1; then
            jvs_say "warning: Open vSwitch's own $p is running (pid $(pgrep -x "$p" | tr '\n' ' '))."
            jvs_say "warning: stop it ('systemctl stop openvswitch-switch') or give jvswitch its own OVS_RUNDIR."
        fi
    done
}

setup_hugepages() {
    local want_mb=${JVS_HUGEPAGES_MB:-1024} size_kb want have
    case "$want_mb" in ''|*[!0-9]*) jvs_die "JVS_HUGEPAGES_MB must be a number of MiB, not '$want_mb'" ;; esac
    size_kb=$(awk '/^Hugepagesize:/ {print $2}' /proc/meminfo)
    [ -n "$size_kb" ] || { jvs_say "warning: this kernel has no hugepages; DPDK will need --no-huge (no vhost-user)"; return 0; }
    want=$(( want_mb * 1024 / size_kb ))
    have=$(cat /proc/sys/vm/nr_hugepages)
    if ! mountpoint -q /dev/hugepages 2>/dev/null; then
        is_root || jvs_die "hugetlbfs is not mounted at /dev/hugepages - run 'sudo ./jvs setup'"
        mkdir -p /dev/hugepages
        mount -t hugetlbfs -o pagesize="${size_kb}K" nodev /dev/hugepages \
            || jvs_die "cannot mount hugetlbfs at /dev/hugepages"
    fi
    if [ "$have" -lt "$want" ]; then
        is_root || jvs_die "only $have of $want hugepages (${size_kb} KiB) reserved - run 'sudo ./jvs setup'"
        echo "$want" >/proc/sys/vm/nr_hugepages 2>/dev/null || true
        have=$(cat /proc/sys/vm/nr_hugepages)
        if [ "$have" -lt "$want" ]; then
            jvs_say "warning: only $have of $want hugepages could be reserved (memory fragmented?); DPDK gets $(( have * size_kb / 1024 )) MiB"
        fi
    fi
}

install_packages
jvs_find_jdk || exit 1
check_ovs_daemons
setup_hugepages
jvs_say "setup done: JDK $(jvs_jdk_version "$JAVA_HOME") at $JAVA_HOME, DPDK $(pkg-config --modversion libdpdk), $(cat /proc/sys/vm/nr_hugepages) hugepages"
