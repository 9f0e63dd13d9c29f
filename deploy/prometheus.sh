# deploy/prometheus.sh - a private Prometheus scraping the demo's switch. Sourced, not run.
#
#   jvs_demo_prometheus DIR        start one (config, data and log under DIR/prometheus) if the
#                                  prometheus package is installed; say where to look
#   jvs_demo_prometheus_stop DIR   stop it (the demo's cleanup, './jvs demo --clean')
#
# The switch's /metrics address is read from its log ("serving Prometheus metrics on ..."), so
# an other_config:metrics-address of the user's is followed. Prometheus listens on loopback, on
# the first free port from 9490 (never Debian's 9090, which a system Prometheus may hold), and
# keeps a day of data. It also stops by itself once the switch is gone.

# First free TCP port on 127.0.0.1 from $1.
jvs_free_port() {
    local p=$1
    while [ "$p" -lt $(($1 + 100)) ]; do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
            printf '%s' "$p"
            return 0
        fi
        p=$((p + 1))
    done
    return 1
}

jvs_demo_prometheus() {
    local dir=$1/prometheus target="" i port pid switch_pid log
    command -v prometheus >/dev/null || { jvs_say "prometheus is not installed: no metrics graphs (sudo ./jvs setup)"; return 0; }
    log="$(jvs_logdir)/ovs-vswitchd.log"
    for i in $(seq 1 50); do
        target=$(sed -n 's|.*serving Prometheus metrics on http://\([^/]*\)/metrics.*|\1|p' "$log" 2>/dev/null | tail -1)
        [ -n "$target" ] && break
        sleep 0.1
    done
    if [ -z "$target" ]; then
        jvs_say "the switch is not serving /metrics (other_config:metrics-address empty, or its port taken): see $log"
        return 0
    fi
    jvs_demo_prometheus_stop "$1"
    mkdir -p "$dir/data"
    cat >"$dir/prometheus.yml" <<YML
# Written by deploy/prometheus.sh for the jvswitch demo.
global:
  scrape_interval: 5s
  evaluation_interval: 5s
scrape_configs:
  - job_name: jvswitch
    static_configs:
      - targets: ['$target']
YML
    if command -v promtool >/dev/null && ! promtool check config "$dir/prometheus.yml" >"$dir/promtool.out" 2>&1; then
        jvs_say "prometheus config rejected: $(cat "$dir/promtool.out")"
        return 1
    fi
    port=$(jvs_free_port 9490) || { jvs_say "no free port for prometheus from 9490"; return 1; }
    nohup setsid prometheus --config.file="$dir/prometheus.yml" --storage.tsdb.path="$dir/data" \
        --storage.tsdb.retention.time=1d --web.listen-address="127.0.0.1:$port" \
        </dev/null >"$dir/prometheus.log" 2>&1 &
    pid=$!
    echo "$pid" >"$dir/prometheus.pid"
    echo "$port" >"$dir/port"
    # Gone with the switch, however the switch goes.
    switch_pid=$(jvs_running_pid || true)
    if [ -n "$switch_pid" ]; then
        nohup setsid bash -c "while kill -0 $switch_pid 2>/dev/null && kill -0 $pid 2>/dev/null; do sleep 2; done; kill $pid 2>/dev/null" \
            </dev/null >/dev/null 2>&1 &
    fi
    for i in $(seq 1 50); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
        kill -0 "$pid" 2>/dev/null || { jvs_say "prometheus did not start: $(tail -n 3 "$dir/prometheus.log")"; return 1; }
        sleep 0.2
    done
    cat <<MSG

Prometheus is scraping the switch every 5 s (its files in $dir):
  the switch's metrics:  curl -s http://$target/metrics | grep ^ovs_interface_rx_packets_total
  graphs:                http://127.0.0.1:$port/graph?g0.expr=rate(ovs_interface_rx_packets_total%5B1m%5D)&g0.tab=0
  drops by reason:       http://127.0.0.1:$port/graph?g0.expr=sum%20by%20(reason)(ovs_datapath_drops_total)&g0.tab=1
  (from another machine: ssh -L $port:127.0.0.1:$port this-host, then open the same address)
MSG
}

jvs_demo_prometheus_stop() {
    local dir=$1/prometheus pid i
    [ -r "$dir/prometheus.pid" ] || return 0
    pid=$(head -c 20 "$dir/prometheus.pid" | tr -dc 0-9)
    rm -f "$dir/prometheus.pid"
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
    # Only our prometheus: the pid must still be a prometheus with our config.
    grep -qa "$dir/prometheus.yml" "/proc/$pid/cmdline" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 50); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
}
