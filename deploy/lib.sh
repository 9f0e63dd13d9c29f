# deploy/lib.sh - functions shared by ./jvs and the deploy/ scripts. Sourced, not run.
# Needs JVS_ROOT set to the repository root.

jvs_say() { printf 'jvs: %s\n' "$*" >&2; }
jvs_die() { printf 'jvs: %s\n' "$*" >&2; exit 1; }

JVS_MIN_JDK=22

# Prints the feature version (e.g. 25) of the JDK at $1, or nothing.
jvs_jdk_version() {
    local home=$1 v
    [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 0
    if [ -r "$home/release" ]; then
        v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release")
    fi
    if [ -z "${v:-}" ]; then
        v=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)
    fi
    printf '%s' "${v:-}"
}

# Sets JAVA_HOME to a JDK >= 22: $JAVA_HOME if it is one, else the newest under /usr/lib/jvm
# (JVS_JVM_DIR overrides where to look).
jvs_find_jdk() {
    local best="" bestv=0 c v seen=""
    if [ -n "${JAVA_HOME:-}" ]; then
        v=$(jvs_jdk_version "$JAVA_HOME")
        if [ -n "$v" ] && [ "$v" -ge $JVS_MIN_JDK ]; then export JAVA_HOME; return 0; fi
        seen="JAVA_HOME=$JAVA_HOME (${v:-not a JDK})"
    fi
    for c in "${JVS_JVM_DIR:-/usr/lib/jvm}"/*; do
        [ -d "$c" ] && [ ! -L "$c" ] || continue
        v=$(jvs_jdk_version "$c")
        [ -n "$v" ] || continue
        seen="$seen${seen:+, }$(basename "$c") ($v)"
        if [ "$v" -gt "$bestv" ]; then best=$c; bestv=$v; fi
    done
    if [ "$bestv" -ge $JVS_MIN_JDK ]; then export JAVA_HOME=$best; return 0; fi
    cat >&2 <<MSG
jvs: jvswitch needs a JDK >= $JVS_MIN_JDK (it uses the FFM API); found: ${seen:-none}.
jvs: Debian 12 packages only JDK 17. Install Eclipse Temurin 25 from Adoptium's apt repository:
jvs:   sudo apt-get install -y wget gpg apt-transport-https
jvs:   wget -qO - https://packages.adoptium.net/artifactory/api/gpg/key/public | sudo gpg --dearmor -o /usr/share/keyrings/adoptium.gpg
jvs:   echo "deb [signed-by=/usr/share/keyrings/adoptium.gpg] https://packages.adoptium.net/artifactory/deb bookworm main" | sudo tee /etc/apt/sources.list.d/adoptium.list
jvs:   sudo apt-get update && sudo apt-get install -y temurin-25-jdk
jvs: or unpack a JDK from https://adoptium.net and set JAVA_HOME to it.
MSG
    return 1
}

jvs_rundir() { printf '%s' "${OVS_RUNDIR:-/var/run/openvswitch}"; }
jvs_logdir() { printf '%s' "${OVS_LOGDIR:-/var/log/openvswitch}"; }
jvs_dbdir()  { printf '%s' "${OVS_DBDIR:-/etc/openvswitch}"; }

# JVM flags for every JVM that runs jvswitch code (the root pom gives Surefire the same).
jvs_jvm_flags() {
    printf '%s ' --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
        --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED \
        "-Djava.library.path=$JVS_ROOT/native/target/native" -Dio.netty.tryReflectionSetAccessible=true \
        -XX:+UseZGC -Xms256m -Xmx1g -XX:+AlwaysPreTouch
}

jvs_classpath() { printf '%s' "$JVS_ROOT/control/target/jvswitch-control.jar:$JVS_ROOT/control/target/lib/*"; }

jvs_mvn() {
    jvs_find_jdk || exit 1
    command -v mvn >/dev/null || jvs_die "Maven not found: run 'sudo ./jvs setup'"
    (cd "$JVS_ROOT" && mvn -B "$@")
}

jvs_build() {
    jvs_say "building (C shim + Java modules)..."
    jvs_mvn -q install -DskipTests "$@" || jvs_die "build failed (see Maven's output above)"
}

jvs_test() {
    jvs_say "running every test (unit + integration)..."
    jvs_mvn -Djvs.it=true verify "$@" || jvs_die "tests failed"
}

# ./jvs bench [OPTIONS]       the end-to-end datapath harness (deploy/bench/datapath.sh --help)
# ./jvs bench NAME [ARGS]     deploy/bench/NAME.sh (e.g. ovsdb, tunnel)
# ./jvs bench jmh [JMH ARGS]  the JMH micro-benchmarks in perf/ (e.g. jmh BurstBenchmark -prof gc)
jvs_bench() {
    local name=datapath
    # "./jvs bench --quick": options without a NAME are the datapath harness's.
    if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then name=$1; shift; fi
    if [ "$name" = jmh ]; then
        jvs_jmh "$@"
    elif [ -x "$JVS_ROOT/deploy/bench/$name.sh" ]; then
        exec "$JVS_ROOT/deploy/bench/$name.sh" "$@"
    else
        jvs_die "no benchmark '$name': try 'jmh', or one of: $(cd "$JVS_ROOT/deploy/bench" && ls ./*.sh 2>/dev/null | sed 's|^./||; s|\.sh$||' | tr '\n' ' ')"
    fi
}

jvs_jmh() {
    jvs_find_jdk || exit 1
    [ -f "$JVS_ROOT/perf/target/benchmarks.jar" ] || jvs_die "perf/target/benchmarks.jar missing: run './jvs build'"
    # shellcheck disable=SC2046
    exec "$JAVA_HOME/bin/java" $(jvs_jvm_flags) -cp "$JVS_ROOT/perf/target/benchmarks.jar:$JVS_ROOT/perf/target/lib/*" \
        org.openjdk.jmh.Main "$@"
}

# Pid of the switch in this rundir if it is alive.
jvs_running_pid() {
    local pidfile pid
    pidfile="$(jvs_rundir)/ovs-vswitchd.pid"
    [ -r "$pidfile" ] || return 1
    pid=$(head -c 20 "$pidfile" | tr -dc 0-9)
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
    printf '%s' "$pid"
}

# Whether the daemon behind control socket $1 has finished starting: its dpctl commands exist
# and its datapath is no longer "still starting".
jvs_vswitchd_ready() {
    local out
    out=$(ovs-appctl -T 5 -t "$1" dpctl/dump-dps 2>&1) || true
    case "$out" in
        ""|*"still starting"*|*"not a valid command"*|*"cannot connect"*|*"transaction error"*) return 1 ;;
    esac
    return 0
}

jvs_start() {
    local rundir logdir dbdir pid out i
    rundir=$(jvs_rundir); logdir=$(jvs_logdir); dbdir=$(jvs_dbdir)
    jvs_find_jdk || exit 1
    [ -f "$JVS_ROOT/control/target/jvswitch-control.jar" ] || jvs_die "not built yet: run './jvs build'"
    if pid=$(jvs_running_pid); then
        jvs_say "ovs-vswitchd is already running in $rundir (pid $pid)"
        return 0
    fi
    mkdir -p "$rundir" "$logdir" "$dbdir" || jvs_die "cannot create $rundir, $logdir or $dbdir (run as root, or set OVS_RUNDIR/OVS_LOGDIR/OVS_DBDIR)"
    out="$logdir/ovs-vswitchd.out"
    # shellcheck disable=SC2046,SC2086
    OVS_RUNDIR=$rundir OVS_LOGDIR=$logdir OVS_DBDIR=$dbdir nohup setsid "$JAVA_HOME/bin/java" $(jvs_jvm_flags) ${JVS_JVM_OPTS:-} \
        -cp "$(jvs_classpath)" org.jvswitch.vswitchd.Main \
        --pidfile --log-file -vconsole:emer -vsyslog:err -vfile:info "$@" </dev/null >"$out" 2>&1 &
    pid=$!
    for i in $(seq 1 600); do
        if ! kill -0 "$pid" 2>/dev/null; then
            jvs_say "ovs-vswitchd failed to start; its last words ($out):"
            tail -n 20 "$out" >&2
            return 1
        fi
        # Started once the datapath has come up (or failed for a reason dpctl reports).
        if [ -S "$rundir/ovs-vswitchd.$pid.ctl" ] && { ! command -v ovs-appctl >/dev/null ||
                jvs_vswitchd_ready "$rundir/ovs-vswitchd.$pid.ctl"; }; then
            jvs_say "ovs-vswitchd is running (pid $pid, rundir $rundir, log $logdir/ovs-vswitchd.log)"
            return 0
        fi
        sleep 0.1
    done
    jvs_say "ovs-vswitchd (pid $pid) did not finish starting within 60 s; see $out"
    return 1
}

jvs_stop() {
    local pid i
    if ! pid=$(jvs_running_pid); then
        jvs_say "ovs-vswitchd is not running in $(jvs_rundir)"
        return 0
    fi
    if command -v ovs-appctl >/dev/null; then
        ovs-appctl -T 10 -t "$(jvs_rundir)/ovs-vswitchd.$pid.ctl" exit >/dev/null 2>&1 || kill -TERM "$pid" 2>/dev/null || true
    else
        kill -TERM "$pid" 2>/dev/null || true
    fi
    for i in $(seq 1 300); do
        kill -0 "$pid" 2>/dev/null || { jvs_say "ovs-vswitchd stopped (pid $pid)"; return 0; }
        sleep 0.1
    done
    jvs_say "ovs-vswitchd (pid $pid) did not exit within 30 s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
}

jvs_appctl() {
    local pid
    pid=$(jvs_running_pid) || jvs_die "ovs-vswitchd is not running in $(jvs_rundir)"
    command -v ovs-appctl >/dev/null || jvs_die "ovs-appctl not found: run 'sudo ./jvs setup'"
    ovs-appctl -t "$(jvs_rundir)/ovs-vswitchd.$pid.ctl" "$@"
}

jvs_status() {
    local pid
    if ! pid=$(jvs_running_pid); then
        jvs_say "ovs-vswitchd is not running in $(jvs_rundir)"
        return 3
    fi
    jvs_appctl version
    jvs_appctl dpctl/show
}
