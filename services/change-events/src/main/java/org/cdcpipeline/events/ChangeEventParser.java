package org.cdcpipeline.events;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.cdcpipeline.events.MalformedChangeEventException.quote;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reads the records of Debezium's PostgreSQL connector as the Kafka Connect JSON converter writes
 * them with schemas disabled, {@code decimal.handling.mode=string}. Thread-safe.
 */
public final class ChangeEventParser {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            // Money must keep its exact digits and scale even if it arrives as a JSON number:
            // never through a double, and the tree must not turn 1250.5000 into 1250.5.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            // A fractional number in a bigint column is an error, not something to truncate.
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            // Jackson would read "" as null: in a typed column it is garbage, not an absent value.
            .withCoercionConfigDefaults(config -> config.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .addModule(new SimpleModule().addDeserializer(Instant.class, new IsoInstantDeserializer()))
            .build();

    /** How failures name the column types, in the words of the JSON rather than of Java. */
    private static final Map<Class<?>, String> KINDS = Map.of(
            BigDecimal.class, "decimal",
            Instant.class, "timestamp",
            UUID.class, "uuid",
            Long.class, "integer",
            long.class, "integer"); // Jackson reports a bigint overflow against the primitive

    /**
     * @param value the record value; null or empty is a tombstone
     * @throws MalformedChangeEventException if the value is not a change event for {@code rowType}
     */
    public <R extends Row> ParsedRecord<R> parse(byte[] value, Class<R> rowType) {
        if (value == null || value.length == 0) {
            return new ParsedRecord.Tombstone<>();
        }
        JsonNode envelope = readTree(value, "value");
        if (!envelope.isObject()) {
            throw new MalformedChangeEventException("value is not an envelope: " + JsonFields.expected("an object", envelope));
        }
        if (envelope.has("schema") && envelope.has("payload")) {
            throw new MalformedChangeEventException(
                    "value is not an envelope: it has 'schema' and 'payload', the converter must have schemas.enable=false");
        }
        return new ParsedRecord.Event<>(toEvent(new JsonFields(envelope, ""), rowType));
    }

    /** @see #parse(byte[], Class) */
    public <R extends Row> ParsedRecord<R> parse(String value, Class<R> rowType) {
        return parse(value == null ? null : value.getBytes(UTF_8), rowType);
    }

    /**
     * Reads a record key, {@code {"id":"6f1c…"}}, into the row's primary key.
     *
     * @return null for a null or empty key, which is what truncate events have
     * @throws MalformedChangeEventException if the key is not such an object
     */
    public UUID parseKey(byte[] key) {
        if (key == null || key.length == 0) {
            return null;
        }
        JsonNode root = readTree(key, "key");
        if (!root.isObject()) {
            throw new MalformedChangeEventException("key: " + JsonFields.expected("an object", root));
        }
        return bind(new JsonFields(root, "key.").required("id"), UUID.class, "key.id");
    }

    /** @see #parseKey(byte[]) */
    public UUID parseKey(String key) {
        return parseKey(key == null ? null : key.getBytes(UTF_8));
    }

    private static <R extends Row> ChangeEvent<R> toEvent(JsonFields envelope, Class<R> rowType) {
        Operation op = Operation.fromCode(envelope.text("op"));
        Source source = toSource(envelope.object("source"));
        Instant emittedAt = Instant.ofEpochMilli(envelope.integer("ts_ms"));
        R before = toRow(envelope, "before", rowType, op, op == Operation.DELETE);
        R after = toRow(envelope, "after", rowType, op,
                op == Operation.CREATE || op == Operation.UPDATE || op == Operation.READ);
        return new ChangeEvent<>(op, before, after, source, emittedAt);
    }

    private static Source toSource(JsonFields source) {
        return new Source(
                source.text("version"),
                source.text("name"),
                source.text("db"),
                source.text("schema"),
                source.text("table"),
                source.integer("lsn"),
                source.optionalInteger("txId"),
                Instant.ofEpochMilli(source.integer("ts_ms")),
                isSnapshot(source.optionalText("snapshot")));
    }

    /** Debezium marks snapshot events with "true", "first", "last", "incremental"...: anything but "false". */
    private static boolean isSnapshot(String marker) {
        return marker != null && !marker.equals("false");
    }

    private static <R extends Row> R toRow(
            JsonFields envelope, String name, Class<R> rowType, Operation op, boolean required) {
        JsonNode node = envelope.optional(name);
        if (node == null) {
            if (required) {
                throw envelope.malformed(name, "missing for op '" + op.code() + "'");
            }
            return null;
        }
        if (!node.isObject()) {
            throw envelope.malformed(name, JsonFields.expected("an object", node));
        }
        R row = bind(node, rowType, name);
        if (row.id() == null) {
            throw MalformedChangeEventException.field(envelope.path(name) + ".id", "missing");
        }
        return row;
    }

    private static <T> T bind(JsonNode node, Class<T> type, String path) {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            String inner = e instanceof JsonMappingException mapping ? pathOf(mapping) : "";
            throw new MalformedChangeEventException("field '" + path + inner + "': " + problemOf(e), e);
        }
    }

    private static String pathOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() == null
                        ? "[" + reference.getIndex() + "]"
                        : "." + reference.getFieldName())
                .collect(Collectors.joining());
    }

    private static String problemOf(JsonProcessingException e) {
        if (e instanceof InvalidFormatException invalid) {
            return "bad " + kindOf(invalid.getTargetType()) + " " + quote(invalid.getValue());
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return "bad " + kindOf(mismatched.getTargetType());
        }
        if (e.getCause() instanceof InputCoercionException overflow) {
            return "bad " + kindOf(overflow.getTargetType()) + ": out of range";
        }
        return e.getOriginalMessage();
    }

    private static String kindOf(Class<?> type) {
        return KINDS.getOrDefault(type, type.getSimpleName().toLowerCase(Locale.ROOT));
    }

    private static JsonNode readTree(byte[] json, String what) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (IOException e) {
            JsonLocation location = e instanceof JsonProcessingException processing ? processing.getLocation() : null;
            String where = location == null
                    ? ""
                    : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
            throw new MalformedChangeEventException(what + " is not JSON" + where, e);
        }
        if (tree.isMissingNode()) {
            throw new MalformedChangeEventException(what + " is not JSON: blank");
        }
        return tree;
    }
}
