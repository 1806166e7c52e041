package org.cdcpipeline.events;

import static org.cdcpipeline.events.MalformedChangeEventException.quote;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * The fields of one JSON object of an event; every failure names the field by its path from the
 * top of the record, e.g. {@code source.lsn}. A JSON null counts as missing, as in Debezium's
 * output a null and an absent field mean the same.
 */
record JsonFields(JsonNode node, String prefix) {

    JsonNode optional(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    JsonNode required(String name) {
        JsonNode value = optional(name);
        if (value == null) {
            throw malformed(name, "missing");
        }
        return value;
    }

    JsonFields object(String name) {
        JsonNode value = required(name);
        if (!value.isObject()) {
            throw malformed(name, expected("an object", value));
        }
        return new JsonFields(value, path(name) + ".");
    }

    String text(String name) {
        return text(name, required(name));
    }

    String optionalText(String name) {
        JsonNode value = optional(name);
        return value == null ? null : text(name, value);
    }

    long integer(String name) {
        return integer(name, required(name));
    }

    Long optionalInteger(String name) {
        JsonNode value = optional(name);
        return value == null ? null : integer(name, value);
    }

    String path(String name) {
        return prefix + name;
    }

    MalformedChangeEventException malformed(String name, String problem) {
        return MalformedChangeEventException.field(path(name), problem);
    }

    static String expected(String what, JsonNode actual) {
        return "expected " + what + ", got " + describe(actual);
    }

    private String text(String name, JsonNode value) {
        if (!value.isTextual()) {
            throw malformed(name, expected("a string", value));
        }
        return value.textValue();
    }

    private long integer(String name, JsonNode value) {
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw malformed(name, expected("an integer", value));
        }
        return value.longValue();
    }

    private static String describe(JsonNode value) {
        String type = value.getNodeType().name().toLowerCase(Locale.ROOT);
        return value.isValueNode() && !value.isNull() ? type + " " + quote(value.asText()) : type;
    }
}
