package org.jvswitch.openflow;

import java.util.Map;

/**
 * What to write back to a Controller row.
 *
 * @param target      the row's target
 * @param isConnected is_connected
 * @param role        role: "other" (equal), "master" or "slave"
 * @param status      status: state (VOID, BACKOFF, CONNECTING, ACTIVE, IDLE, LISTENING), last_error,
 *                    sec_since_connect, sec_since_disconnect
 */
public record ControllerStatus(String target, boolean isConnected, String role, Map<String, String> status) {
}
