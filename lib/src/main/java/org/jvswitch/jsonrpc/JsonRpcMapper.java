package org.jvswitch.jsonrpc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one Jackson {@link ObjectMapper} the JSON-RPC codecs share.
 *
 * <p>Jackson's default read constraints cap strings at 20 MB; OVSDB messages (big {@code transact}
 * or {@code monitor} replies) may legitimately carry longer ones, and the framing decoder already
 * bounds every message, so the string cap is lifted here. Nesting stays capped to keep a hostile
 * peer from blowing the stack. The mapper is thread-safe once configured.
 */
public final class JsonRpcMapper {

    /** Deepest nesting accepted; OVSDB's deepest legitimate documents are a handful of levels. */
    public static final int MAX_NESTING_DEPTH = 1000;

    private static final ObjectMapper MAPPER = create();

    private JsonRpcMapper() {
    }

    /** Returns the shared mapper. Do not reconfigure it. */
    public static ObjectMapper get() {
        return MAPPER;
    }

    private static ObjectMapper create() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(Integer.MAX_VALUE)
                        .maxDocumentLength(-1)
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .build())
                .build();
        ObjectMapper mapper = new ObjectMapper(factory);
        // The codecs own the buffers' streams; Jackson must not close them.
        mapper.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        mapper.configure(JsonParser.Feature.AUTO_CLOSE_SOURCE, false);
        return mapper;
    }
}
