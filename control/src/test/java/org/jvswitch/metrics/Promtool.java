package org.jvswitch.metrics;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jvswitch.testing.Cmd;
import org.jvswitch.testing.Peers;

/** Scraping an endpoint, checking the text with Prometheus's promtool, and reading samples out of it. */
final class Promtool {
    private Promtool() {
    }

    /** GET {@code url}; fails unless 200. */
    static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        HttpClient c = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> r = c.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + url + " -> " + r.statusCode() + "\n" + r.body());
        }
        return r;
    }

    /**
     * {@code promtool check metrics} on {@code exposition}: fails the test with promtool's words if it
     * reports anything (lint problems included); skips the test when promtool is not installed (fails
     * in integration mode, see {@link Peers#require}).
     */
    static void check(String exposition) throws IOException {
        Path promtool = Peers.require("promtool");
        Path file = Files.createTempFile("jvs-metrics", ".prom");
        try {
            Files.writeString(file, exposition);
            Cmd.Result r = Cmd.run(Duration.ofSeconds(60), Map.of(), "sh", "-c",
                    "'" + promtool + "' check metrics < '" + file + "'");
            if (!r.ok() || !r.stdout().isBlank() || !r.stderr().isBlank()) {
                throw new AssertionError("promtool check metrics found problems:\n" + r);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The value of the sample {@code name{labels...}} (labels in any order, a subset), or NaN if absent. */
    static double value(String exposition, String name, String... labelPairs) {
        Pattern line = Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*\\})? (\\S+)$", Pattern.MULTILINE);
        Matcher m = line.matcher(exposition);
        while (m.find()) {
            String labels = m.group(1) == null ? "" : m.group(1);
            boolean all = true;
            for (int i = 0; i + 1 < labelPairs.length; i += 2) {
                if (!labels.contains(labelPairs[i] + "=\"" + labelPairs[i + 1] + "\"")) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return Double.parseDouble(m.group(2));
            }
        }
        return Double.NaN;
    }

    /** The sum of every sample of {@code name} whose labels include the given ones. */
    static double sum(String exposition, String name, String... labelPairs) {
        Pattern line = Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*\\})? (\\S+)$", Pattern.MULTILINE);
        Matcher m = line.matcher(exposition);
        double total = 0;
        while (m.find()) {
            String labels = m.group(1) == null ? "" : m.group(1);
            boolean all = true;
            for (int i = 0; i + 1 < labelPairs.length; i += 2) {
                if (!labels.contains(labelPairs[i] + "=\"" + labelPairs[i + 1] + "\"")) {
                    all = false;
                    break;
                }
            }
            if (all) {
                total += Double.parseDouble(m.group(2));
            }
        }
        return total;
    }
}
