/*
 * jvs_shim.c - see jvs_shim.h. Each function is a one-line forward to a DPDK
 * inline, or a copy between DPDK's structs and the flat ones of jvs_shim.h.
 */
#define _GNU_SOURCE
#include "jvs_shim.h"

#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>

#include <rte_prefetch.h>

uint16_t
jvs_eth_rx_burst(uint16_t port_id, uint16_t queue_id, struct rte_mbuf **rx_pkts,
                 uint16_t nb_pkts)
{
    return rte_eth_rx_burst(port_id, queue_id, rx_pkts, nb_pkts);
}

uint16_t
jvs_eth_tx_burst(uint16_t port_id, uint16_t queue_id, struct rte_mbuf **tx_pkts,
                 uint16_t nb_pkts)
{
    return rte_eth_tx_burst(port_id, queue_id, tx_pkts, nb_pkts);
}

int
jvs_pktmbuf_alloc_bulk(struct rte_mempool *pool, struct rte_mbuf **mbufs,
                       unsigned int count)
{
    return rte_pktmbuf_alloc_bulk(pool, mbufs, count);
}

struct rte_mbuf *
jvs_pktmbuf_alloc(struct rte_mempool *pool)
{
    return rte_pktmbuf_alloc(pool);
}

void
jvs_pktmbuf_free(struct rte_mbuf *m)
{
    rte_pktmbuf_free(m);
}

void
jvs_pktmbuf_free_bulk(struct rte_mbuf **mbufs, unsigned int count)
{
    rte_pktmbuf_free_bulk(mbufs, count);
}

void *
jvs_pktmbuf_mtod(struct rte_mbuf *m)
{
    return rte_pktmbuf_mtod(m, void *);
}

uint32_t
jvs_pktmbuf_pkt_len(const struct rte_mbuf *m)
{
    return rte_pktmbuf_pkt_len(m);
}

uint16_t
jvs_pktmbuf_data_len(const struct rte_mbuf *m)
{
    return rte_pktmbuf_data_len(m);
}

char *
jvs_pktmbuf_append(struct rte_mbuf *m, uint16_t len)
{
    return rte_pktmbuf_append(m, len);
}

char *
jvs_pktmbuf_prepend(struct rte_mbuf *m, uint16_t len)
{
    return rte_pktmbuf_prepend(m, len);
}

char *
jvs_pktmbuf_adj(struct rte_mbuf *m, uint16_t len)
{
    return rte_pktmbuf_adj(m, len);
}

int
jvs_pktmbuf_trim(struct rte_mbuf *m, uint16_t len)
{
    return rte_pktmbuf_trim(m, len);
}

uint16_t
jvs_mbuf_refcnt_read(const struct rte_mbuf *m)
{
    return rte_mbuf_refcnt_read(m);
}

uint16_t
jvs_mbuf_refcnt_update(struct rte_mbuf *m, int16_t value)
{
    return rte_mbuf_refcnt_update(m, value);
}

unsigned int
jvs_mempool_avail_count(const struct rte_mempool *mp)
{
    return rte_mempool_avail_count(mp);
}

unsigned int
jvs_mempool_in_use_count(const struct rte_mempool *mp)
{
    return rte_mempool_in_use_count(mp);
}

uint64_t
jvs_rdtsc(void)
{
    return rte_rdtsc();
}

uint64_t
jvs_tsc_hz(void)
{
    return rte_get_tsc_hz();
}

void
jvs_prefetch0(const void *p)
{
    rte_prefetch0(p);
}

void
jvs_prefetch_pkts(struct rte_mbuf **pkts, uint16_t n)
{
    for (uint16_t i = 0; i < n; i++) {
        rte_prefetch0(rte_pktmbuf_mtod(pkts[i], void *));
    }
}

int
jvs_errno(void)
{
    return rte_errno;
}

unsigned int
jvs_lcore_id(void)
{
    return rte_lcore_id();
}

int
jvs_thread_set_cpu(unsigned int cpu)
{
    rte_cpuset_t set;

    if (cpu >= CPU_SETSIZE) {
        return -EINVAL;
    }
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    return rte_thread_set_affinity(&set) ? -errno : 0;
}

int
jvs_current_cpu(void)
{
    return sched_getcpu();
}

int
jvs_eth_dev_info_get(uint16_t port_id, struct jvs_eth_dev_info *out)
{
    struct rte_eth_dev_info info;
    int err = rte_eth_dev_info_get(port_id, &info);

    if (err) {
        return err;
    }
    memset(out, 0, sizeof *out);
    out->driver_name = info.driver_name;
    out->device = info.device;
    out->if_index = info.if_index;
    out->min_mtu = info.min_mtu;
    out->max_mtu = info.max_mtu;
    out->min_rx_bufsize = info.min_rx_bufsize;
    out->max_rx_pktlen = info.max_rx_pktlen;
    out->max_rx_queues = info.max_rx_queues;
    out->max_tx_queues = info.max_tx_queues;
    out->nb_rx_queues = info.nb_rx_queues;
    out->nb_tx_queues = info.nb_tx_queues;
    out->rx_desc_max = info.rx_desc_lim.nb_max;
    out->rx_desc_min = info.rx_desc_lim.nb_min;
    out->tx_desc_max = info.tx_desc_lim.nb_max;
    out->tx_desc_min = info.tx_desc_lim.nb_min;
    out->rx_offload_capa = info.rx_offload_capa;
    out->tx_offload_capa = info.tx_offload_capa;
    out->flow_type_rss_offloads = info.flow_type_rss_offloads;
    out->dev_flags = info.dev_flags ? *info.dev_flags : 0;
    out->socket_id = rte_eth_dev_socket_id(port_id);
    return 0;
}

int
jvs_eth_dev_configure(uint16_t port_id, uint16_t nb_rx_queues, uint16_t nb_tx_queues,
                      const struct jvs_eth_port_conf *conf)
{
    struct rte_eth_conf eth_conf;

    memset(&eth_conf, 0, sizeof eth_conf);
    if (conf->rss_hf && nb_rx_queues > 1) {
        eth_conf.rxmode.mq_mode = RTE_ETH_MQ_RX_RSS;
        eth_conf.rx_adv_conf.rss_conf.rss_hf = conf->rss_hf;
    }
    eth_conf.rxmode.mtu = conf->mtu;
    eth_conf.rxmode.offloads = conf->rx_offloads;
    eth_conf.txmode.offloads = conf->tx_offloads;
    eth_conf.intr_conf.lsc = conf->lsc_intr ? 1 : 0;
    return rte_eth_dev_configure(port_id, nb_rx_queues, nb_tx_queues, &eth_conf);
}

int
jvs_eth_link_get_nowait(uint16_t port_id, struct jvs_eth_link *out)
{
    struct rte_eth_link link;
    int err = rte_eth_link_get_nowait(port_id, &link);

    if (err) {
        return err;
    }
    out->speed = link.link_speed;
    out->duplex = link.link_duplex;
    out->autoneg = link.link_autoneg;
    out->status = link.link_status;
    out->reserved = 0;
    return 0;
}

/* The log queue: a ring of lines under a mutex (logging is rare and never on the
 * fast path's success path; the lock is held for a memcpy). 'partial' collects a
 * line until DPDK writes its newline. */
struct log_line {
    uint32_t level;
    uint32_t len;
    char text[JVS_LOG_LINE_MAX];
};

static struct log_line log_ring[JVS_LOG_QUEUE_LINES];
static uint32_t log_head;           /* next line to read */
static uint32_t log_count;          /* lines queued */
static uint64_t log_dropped_lines;
static struct log_line log_partial;
static pthread_mutex_t log_mutex = PTHREAD_MUTEX_INITIALIZER;

static void
log_push_locked(void)
{
    if (!log_partial.len) {
        return;
    }
    if (log_count == JVS_LOG_QUEUE_LINES) {
        log_dropped_lines++;
    } else {
        struct log_line *dst = &log_ring[(log_head + log_count) % JVS_LOG_QUEUE_LINES];
        memcpy(dst, &log_partial, sizeof *dst);
        log_count++;
    }
    log_partial.len = 0;
}

static ssize_t
log_write(void *cookie, const char *buf, size_t size)
{
    (void) cookie;
    pthread_mutex_lock(&log_mutex);
    if (!log_partial.len) {
        int level = rte_log_cur_msg_loglevel();
        log_partial.level = level > 0 ? (uint32_t) level : RTE_LOG_INFO;
    }
    for (size_t i = 0; i < size; i++) {
        if (buf[i] == '\n') {
            log_push_locked();
        } else if (log_partial.len < JVS_LOG_LINE_MAX - 1) {
            log_partial.text[log_partial.len++] = buf[i];
        }
    }
    pthread_mutex_unlock(&log_mutex);
    return size;
}

int
jvs_log_capture(int enable)
{
    static FILE *stream;
    cookie_io_functions_t fns = { .write = log_write };

    if (!enable) {
        return rte_openlog_stream(NULL);
    }
    if (!stream) {
        stream = fopencookie(NULL, "w", fns);
        if (!stream) {
            return -errno;
        }
        setvbuf(stream, NULL, _IOLBF, 0);
    }
    return rte_openlog_stream(stream);
}

int
jvs_log_read(char *buf, size_t cap, uint32_t *level)
{
    int len;

    pthread_mutex_lock(&log_mutex);
    if (!log_count) {
        pthread_mutex_unlock(&log_mutex);
        return -1;
    }
    struct log_line *src = &log_ring[log_head];
    len = (int) src->len;
    if (cap) {
        size_t n = src->len < cap - 1 ? src->len : cap - 1;
        memcpy(buf, src->text, n);
        buf[n] = '\0';
    }
    *level = src->level;
    log_head = (log_head + 1) % JVS_LOG_QUEUE_LINES;
    log_count--;
    pthread_mutex_unlock(&log_mutex);
    return len;
}

uint64_t
jvs_log_dropped(void)
{
    uint64_t n;

    pthread_mutex_lock(&log_mutex);
    n = log_dropped_lines;
    pthread_mutex_unlock(&log_mutex);
    return n;
}
