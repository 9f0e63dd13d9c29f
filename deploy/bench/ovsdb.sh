#!/usr/bin/env bash
# deploy/bench/ovsdb.sh - './jvs bench ovsdb': jvswitch's OVSDB server side by side with Open
# vSwitch's ovsdb-server, in the same run, on the same machine, each a process of its own on a
# fresh database of the same schema (jvswitch's Open_vSwitch schema, OVS 3.1's tables).
#
#   tps     transactions per second for a stream of small ovs-vsctl-style transactions (verify the
#           bridge list, set one external_ids key, bump next_cfg, comment), by the Java harness
#           org.jvswitch.perf.ovsdb.OvsdbBench, in four shapes: one client streaming (128 in
#           flight), 8 clients streaming (16 in flight each), 8 clients one at a time, and one
#           client one at a time (each waits for its reply, as ovs-vsctl does). A fifth row runs
#           the one-at-a-time client against ovsdb-server with "durable": true commits, the same
#           guarantee jvswitch always gives.
#   ports   seconds to add 1,000 ports one 'ovs-vsctl --no-wait add-port' at a time (each
#           invocation connects, reads the bridges, ports and interfaces, and commits), after a
#           warm-up of 100.
#
# Each figure is the median of RUNS runs, servers alternating within a run; the ratio column is
# jvswitch relative to ovsdb-server (> 1.0 means jvswitch is faster). Note the difference in
# guarantees: jvswitch replies only after the commit is fsync'ed; ovsdb-server writes the
# transaction and replies without waiting for the disk (unless a client asks "durable").
set -euo pipefail
JVS_ROOT=${JVS_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
# shellcheck source=deploy/lib.sh
. "$JVS_ROOT/deploy/lib.sh"

usage() {
    cat <<USAGE
usage: ./jvs bench ovsdb [OPTIONS]     (or deploy/bench/ovsdb.sh [OPTIONS] after './jvs build')

  --runs N         runs; medians are reported                    (default 3)
  --seconds S      measurement window of each tps figure          (default 5)
  --ports N        ports added in the ovs-vsctl test              (default 1000)
  --warmup S       unmeasured load before the first run           (default 15)
  --no-ovs         jvswitch only
  --keep           keep the temp directory (databases, logs)
  -h, --help       this text
USAGE
}

runs=3 seconds=5 ports=1000 warmup=15 with_ovs=true keep=false
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) runs=$2; shift ;;
        --seconds) seconds=$2; shift ;;
        --ports) ports=$2; shift ;;
        --warmup) warmup=$2; shift ;;
        --no-ovs) with_ovs=false ;;
        --keep) keep=true ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; exit 2 ;;
    esac
    shift
done

jvs_find_jdk || exit 1
bench_cp="$JVS_ROOT/perf/target/benchmarks.jar:$JVS_ROOT/perf/target/lib/*"
[ -f "$JVS_ROOT/perf/target/benchmarks.jar" ] || jvs_die "perf/target/benchmarks.jar missing: run './jvs build'"
command -v ovs-vsctl >/dev/null || jvs_die "ovs-vsctl not found: run 'sudo ./jvs setup'"
OVSDB_SERVER=$(command -v ovsdb-server || echo /usr/sbin/ovsdb-server)
if $with_ovs && [ ! -x "$OVSDB_SERVER" ]; then
    jvs_say "Open vSwitch's ovsdb-server not found; jvswitch only"
    with_ovs=false
fi
schema="$JVS_ROOT/ovsdb/src/main/resources/org/jvswitch/ovsdb/vswitch.ovsschema"

tmp=$(mktemp -d /tmp/jvs-bench-ovsdb.XXXXXX)
pids=()
cleanup() {
    local p
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
    if $keep; then jvs_say "kept $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT

# start_server NAME: a fresh database and server in $tmp/NAME, socket $tmp/NAME/db.sock
start_server() {
    local name=$1 d="$tmp/$1"
    mkdir -p "$d"
    ovsdb-tool create "$d/conf.db" "$schema"
    if [ "$name" = ovs ]; then
        "$OVSDB_SERVER" --remote="punix:$d/db.sock" --unixctl="$d/ctl" --pidfile="$d/pid" \
            --log-file="$d/log" --no-chdir "$d/conf.db" >"$d/out" 2>&1 &
    else
        # shellcheck disable=SC2046,SC2086
        OVS_RUNDIR=$d OVS_LOGDIR=$d OVS_DBDIR=$d "$JAVA_HOME/bin/java" $(jvs_jvm_flags) ${JVS_JVM_OPTS:-} \
            -cp "${JVS_OVSDB_CLASSPATH:-$(jvs_classpath)}" org.jvswitch.ovsdb.server.OvsdbServerMain \
            --remote="punix:$d/db.sock" --unixctl="$d/ctl" --log-file="$d/log" "$d/conf.db" >"$d/out" 2>&1 &
    fi
    pids+=($!)
    for _ in $(seq 1 300); do
        [ -S "$d/db.sock" ] && return 0
        kill -0 "${pids[-1]}" 2>/dev/null || { cat "$d/out" >&2; jvs_die "$name server did not start"; }
        sleep 0.1
    done
    jvs_die "$name server did not open $d/db.sock"
}

vsctl() { ovs-vsctl --db="unix:$tmp/$1/db.sock" --no-wait --timeout=60 "${@:2}"; }

# tps NAME CLIENTS WINDOW [durable] [SECONDS]: one transaction-rate figure
tps() {
    java_out=$("$JAVA_HOME/bin/java" -cp "$bench_cp" org.jvswitch.perf.ovsdb.OvsdbBench \
        "unix:$tmp/$1/db.sock" "$2" "${5:-$seconds}" 2 "$3" "${4:-}")
    case "$java_out" in *"errors=0"*) ;; *) jvs_say "$1: harness reported errors: $java_out" ;; esac
    printf '%s' "$java_out" | sed -n 's/^tps=\([0-9]*\).*/\1/p'
}

# ports NAME RUN: seconds to add $ports ports with ovs-vsctl, after a warm-up of 100
ports_time() {
    local name=$1 run=$2 i t0 t1
    vsctl "$name" --may-exist add-br "bw$run"
    for i in $(seq 1 100); do vsctl "$name" add-port "bw$run" "w$run-$i"; done
    vsctl "$name" del-br "bw$run"
    vsctl "$name" add-br "bp$run"
    t0=$(date +%s.%N)
    for i in $(seq 1 "$ports"); do vsctl "$name" add-port "bp$run" "p$run-$i"; done
    t1=$(date +%s.%N)
    vsctl "$name" del-br "bp$run"
    echo "$t1 - $t0" | bc -l | awk '{printf "%.2f", $1}'
}

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {if (NR==0) print "-"; else print a[int((NR+1)/2)]}'; }

servers="jvs"
$with_ovs && servers="ovs jvs"
for s in $servers; do start_server "$s"; vsctl "$s" init; done

declare -A results
# shape key: CLIENTS WINDOW [durable]
shapes=("stream1:1 128" "stream8:8 16" "seq8:8 1" "seq1:1 1")
for s in $servers; do
    jvs_say "warming up $s for ${warmup}s"
    tps "$s" 8 16 "" "$warmup" >/dev/null
done
for run in $(seq 1 "$runs"); do
    for s in $servers; do
        for shape in "${shapes[@]}"; do
            key=${shape%%:*}; args=${shape#*:}
            # shellcheck disable=SC2086
            v=$(tps "$s" $args)
            results["$s,$key"]="${results["$s,$key"]:-} $v"
            jvs_say "run $run: $s $key: $v tps"
        done
        if [ "$s" = ovs ]; then
            v=$(tps ovs 1 1 durable)
            results["ovs,seq1d"]="${results["ovs,seq1d"]:-} $v"
            jvs_say "run $run: ovs seq1 durable: $v tps"
        fi
        v=$(ports_time "$s" "$run")
        results["$s,ports"]="${results["$s,ports"]:-} $v"
        jvs_say "run $run: $s add $ports ports: $v s"
    done
done

printf '\n%-44s %14s %14s %8s\n' "median of $runs runs" "ovsdb-server" "jvswitch" "ratio"
row() {
    local key=$1 label=$2 lower_better=$3 okey=${4:-$1} o j ratio
    j=$(printf '%s' "${results["jvs,$key"]}" | median)
    if $with_ovs; then
        o=$(printf '%s' "${results["ovs,$okey"]}" | median)
        if $lower_better; then ratio=$(echo "$o / $j" | bc -l); else ratio=$(echo "$j / $o" | bc -l); fi
        printf '%-44s %14s %14s %7.2fx\n' "$label" "$o" "$j" "$ratio"
    else
        printf '%-44s %14s %14s %8s\n' "$label" "-" "$j" "-"
    fi
}
row stream1 "txn/s, 1 client, stream of 128 in flight" false
row stream8 "txn/s, 8 clients, 16 in flight each" false
row seq8 "txn/s, 8 clients, one at a time" false
row seq1 "txn/s, 1 client, one at a time" false
row seq1 "txn/s, 1 client, one at a time, OVS durable" false seq1d
row ports "seconds to add $ports ports (ovs-vsctl)" true
echo "(ratio: jvswitch relative to ovsdb-server, > 1.0 = jvswitch faster; jvswitch fsyncs every commit before replying)"
