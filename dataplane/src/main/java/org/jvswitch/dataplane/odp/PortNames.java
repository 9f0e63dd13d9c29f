package org.jvswitch.dataplane.odp;

import java.util.HashMap;
import java.util.Map;

/**
 * Datapath port numbers to names and back, for OVS's {@code --names} output ({@code in_port(p1)},
 * {@code actions:p2}; {@code dpctl/dump-flows -m} uses names by default) and for input that
 * names ports instead of numbering them. Numbers always parse.
 */
public interface PortNames {
    /** Prints numbers and accepts numbers only. */
    PortNames NUMBERS = new PortNames() {
        @Override
        public String nameOf(int port) {
            return null;
        }

        @Override
        public int portOf(String name) {
            return -1;
        }
    };

    /** The name of datapath port {@code port}, or null to print its number. */
    String nameOf(int port);

    /** The number of the port called {@code name}, or -1 if there is none. */
    int portOf(String name);

    /** Names from a fixed map (tests, one-off commands). */
    static PortNames of(Map<Integer, String> names) {
        Map<String, Integer> numbers = new HashMap<>();
        names.forEach((port, name) -> numbers.put(name, port));
        Map<Integer, String> copy = Map.copyOf(names);
        return new PortNames() {
            @Override
            public String nameOf(int port) {
                return copy.get(port);
            }

            @Override
            public int portOf(String name) {
                return numbers.getOrDefault(name, -1);
            }
        };
    }
}
