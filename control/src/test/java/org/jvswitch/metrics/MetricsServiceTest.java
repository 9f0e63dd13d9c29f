package org.jvswitch.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.jvswitch.coverage.Coverage;

/** The endpoint without a datapath: JVM, build, coverage, OpenFlow; promtool finds nothing to say. */
class MetricsServiceTest {
    private static final MetricsSources NO_DATAPATH = () -> null;

    @Test
    void servesPrometheusTextThatPromtoolAccepts() throws Exception {
        Coverage.counter("metrics_test_event").add(3);
        OpenFlowMetrics.message("br0", OpenFlowMetrics.RX, "OFPT_FLOW_MOD");
        OpenFlowMetrics.message("br0", OpenFlowMetrics.RX, "OFPT_FLOW_MOD");
        OpenFlowMetrics.connection("br0", "unix#1", "ACTIVE");
        try (MetricsService m = MetricsService.start(NO_DATAPATH, "127.0.0.1:0")) {
            InetSocketAddress a = m.boundAddress();
            assertNotNull(a);
            HttpResponse<String> r = Promtool.get("http://127.0.0.1:" + a.getPort() + "/metrics");
            assertEquals(MetricsService.CONTENT_TYPE, r.headers().firstValue("Content-Type").orElseThrow());
            String body = r.body();
            assertEquals(1.0, Promtool.value(body, "jvswitch_build_info"), body);
            assertTrue(Promtool.value(body, "jvm_memory_used_bytes", "area", "heap") > 0, body);
            assertEquals(3.0, Promtool.value(body, "ovs_coverage_events_total", "event", "metrics_test_event"));
            assertEquals(2.0, Promtool.value(body, "ovs_openflow_messages_total", "bridge", "br0", "type",
                    "OFPT_FLOW_MOD"));
            assertEquals(1.0, Promtool.value(body, "ovs_openflow_connections", "bridge", "br0", "state", "ACTIVE"));
            OpenFlowMetrics.connectionClosed("br0", "unix#1");
            assertEquals(0.0, Promtool.value(m.scrape(), "ovs_openflow_connections", "state", "ACTIVE"));
            Promtool.check(body);
        }
    }

    @Test
    void addressesAndReconfiguration() throws Exception {
        assertEquals(new InetSocketAddress("127.0.0.1", 9475), MetricsAddress.parse(null));
        assertEquals(new InetSocketAddress("127.0.0.1", 9100), MetricsAddress.parse(":9100"));
        assertEquals(new InetSocketAddress("127.0.0.1", 9100), MetricsAddress.parse("9100"));
        assertEquals(new InetSocketAddress("::1", 9100), MetricsAddress.parse("[::1]:9100"));
        assertNull(MetricsAddress.parse(""));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> MetricsAddress.parse("localhost:http"));
        assertTrue(bad.getMessage().startsWith("other_config:metrics-address 'localhost:http'"), bad.getMessage());
        try (MetricsService m = MetricsService.start(NO_DATAPATH, "")) {
            assertNull(m.boundAddress(), "empty: off");
            assertTrue(m.scrape().contains("jvswitch_build_info"), "the meters are there all the same");
            m.reconfigure("127.0.0.1:0");
            assertNotNull(m.boundAddress());
            Promtool.get("http://127.0.0.1:" + m.boundAddress().getPort() + "/");
            m.reconfigure("");
            assertNull(m.boundAddress());
        }
    }
}
