/*
 * jvs_shim.h - the thin C layer between jvswitch's Java code and DPDK.
 *
 * DPDK puts its fast-path calls (rx/tx burst, mbuf alloc/free, rdtsc, prefetch,
 * rte_errno, rte_lcore_id) in static inline functions and macros, which have no
 * symbol for the FFM linker to find. This shim gives each of them a real symbol.
 *
 * It also flattens three DPDK structs whose layout changes between releases and
 * which are full of unions and bitfields (struct rte_eth_conf, rte_eth_dev_info,
 * rte_eth_link) into small structs of our own, so the Java side never depends on
 * their layout. Nothing here switches packets: every decision is made in Java.
 *
 * native/jextract.sh generates the Java bindings (org.jvswitch.dpdk.gen) from
 * this header; the functions and structs it binds are listed in
 * native/jextract-symbols.txt.
 */
#ifndef JVS_SHIM_H
#define JVS_SHIM_H 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <rte_config.h>
#include <rte_cycles.h>
#include <rte_dev.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_eth_ring.h>
#include <rte_eth_vhost.h>
#include <rte_ethdev.h>
#include <rte_lcore.h>
#include <rte_log.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>
#include <rte_ring.h>
#include <rte_version.h>

/* ---- burst I/O (one downcall per burst) ---- */
uint16_t jvs_eth_rx_burst(uint16_t port_id, uint16_t queue_id,
                          struct rte_mbuf **rx_pkts, uint16_t nb_pkts);
uint16_t jvs_eth_tx_burst(uint16_t port_id, uint16_t queue_id,
                          struct rte_mbuf **tx_pkts, uint16_t nb_pkts);

/* ---- mbufs ---- */
int jvs_pktmbuf_alloc_bulk(struct rte_mempool *pool, struct rte_mbuf **mbufs,
                           unsigned int count);
struct rte_mbuf *jvs_pktmbuf_alloc(struct rte_mempool *pool);
void jvs_pktmbuf_free(struct rte_mbuf *m);
/* Frees 'count' mbufs (and their segment chains); NULL entries are skipped. */
void jvs_pktmbuf_free_bulk(struct rte_mbuf **mbufs, unsigned int count);
/* Address of the first byte of packet data (rte_pktmbuf_mtod). */
void *jvs_pktmbuf_mtod(struct rte_mbuf *m);
uint32_t jvs_pktmbuf_pkt_len(const struct rte_mbuf *m);
uint16_t jvs_pktmbuf_data_len(const struct rte_mbuf *m);
/* Grows the packet at its tail or head; returns the new bytes or NULL (no room). */
char *jvs_pktmbuf_append(struct rte_mbuf *m, uint16_t len);
char *jvs_pktmbuf_prepend(struct rte_mbuf *m, uint16_t len);
/* Removes 'len' bytes at the head: the new data start, or NULL when too short. */
char *jvs_pktmbuf_adj(struct rte_mbuf *m, uint16_t len);
/* Removes 'len' bytes at the tail: 0, or -1 when too short. */
int jvs_pktmbuf_trim(struct rte_mbuf *m, uint16_t len);
uint16_t jvs_mbuf_refcnt_read(const struct rte_mbuf *m);
uint16_t jvs_mbuf_refcnt_update(struct rte_mbuf *m, int16_t value);
/* Mempool occupancy, for memory/show and get-mempool-info. */
unsigned int jvs_mempool_avail_count(const struct rte_mempool *mp);
unsigned int jvs_mempool_in_use_count(const struct rte_mempool *mp);

/* ---- time, prefetch ---- */
uint64_t jvs_rdtsc(void);
uint64_t jvs_tsc_hz(void);
void jvs_prefetch0(const void *p);
/* Prefetches the first cache line of packet data of each of 'n' mbufs. */
void jvs_prefetch_pkts(struct rte_mbuf **pkts, uint16_t n);

/* ---- errors, threads ---- */
/* rte_errno of the calling thread (a per-lcore TLS variable in DPDK). */
int jvs_errno(void);
/* rte_lcore_id() of the calling thread: LCORE_ID_ANY when not registered. */
unsigned int jvs_lcore_id(void);
/* Pins the calling thread to one CPU (rte_thread_set_affinity); 0 or -errno. */
int jvs_thread_set_cpu(unsigned int cpu);
/* The CPU the calling thread last ran on, or -1. */
int jvs_current_cpu(void);

/* ---- ethdev, flattened ---- */
struct jvs_eth_dev_info {
    const char *driver_name;       /* static string inside the driver */
    struct rte_device *device;     /* for rte_dev_remove */
    uint32_t if_index;             /* kernel ifindex, 0 when none */
    uint16_t min_mtu;
    uint16_t max_mtu;
    uint32_t min_rx_bufsize;
    uint32_t max_rx_pktlen;
    uint16_t max_rx_queues;
    uint16_t max_tx_queues;
    uint16_t nb_rx_queues;         /* configured */
    uint16_t nb_tx_queues;         /* configured */
    uint16_t rx_desc_max;
    uint16_t rx_desc_min;
    uint16_t tx_desc_max;
    uint16_t tx_desc_min;
    uint64_t rx_offload_capa;
    uint64_t tx_offload_capa;
    uint64_t flow_type_rss_offloads;
    uint32_t dev_flags;            /* RTE_ETH_DEV_* of rte_eth_dev_data */
    int32_t socket_id;
};
int jvs_eth_dev_info_get(uint16_t port_id, struct jvs_eth_dev_info *out);

struct jvs_eth_port_conf {
    uint64_t rss_hf;        /* 0: no RSS; else RTE_ETH_RSS_* bits, masked to what the port offers */
    uint64_t rx_offloads;
    uint64_t tx_offloads;
    uint32_t mtu;           /* 0: driver default */
    uint8_t lsc_intr;       /* 1: link-state interrupts (RTE_ETH_EVENT_INTR_LSC) */
    uint8_t reserved[3];
};
/* rte_eth_dev_configure with a struct rte_eth_conf built from 'conf'. */
int jvs_eth_dev_configure(uint16_t port_id, uint16_t nb_rx_queues,
                          uint16_t nb_tx_queues, const struct jvs_eth_port_conf *conf);

struct jvs_eth_link {
    uint32_t speed;         /* Mbps, RTE_ETH_SPEED_NUM_* */
    uint8_t duplex;         /* 1: full */
    uint8_t autoneg;        /* 1: autonegotiated */
    uint8_t status;         /* 1: up */
    uint8_t reserved;
};
int jvs_eth_link_get_nowait(uint16_t port_id, struct jvs_eth_link *out);

/* ---- logs ----
 * DPDK writes its log through a FILE*. jvs_log_capture() points that stream at a
 * bounded in-memory queue of lines which a Java control thread drains with
 * jvs_log_read(). There is no upcall from whatever thread logged (a PMD thread in
 * a critical downcall must never call back into Java, DPDK's interrupt thread is
 * not ours), and a full queue drops and counts instead of blocking.
 */
#define JVS_LOG_QUEUE_LINES 256
#define JVS_LOG_LINE_MAX 512
/* 1: capture DPDK's log; 0: back to stderr. Returns 0 or -errno. */
int jvs_log_capture(int enable);
/* Copies the oldest queued line (no newline, NUL-terminated, cut at cap - 1) into
 * buf and its RTE_LOG_* level into *level; returns the line's length, or -1 when
 * the queue is empty. */
int jvs_log_read(char *buf, size_t cap, uint32_t *level);
/* Lines dropped because the queue was full. */
uint64_t jvs_log_dropped(void);

#endif /* JVS_SHIM_H */
