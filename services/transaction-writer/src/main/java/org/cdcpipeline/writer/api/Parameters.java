package org.cdcpipeline.writer.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;

import org.cdcpipeline.writer.domain.DomainException;

/**
 * Parses path and query parameters by hand: JAX-RS would answer a bad query parameter with a bare 404, whereas a client
 * deserves a 400 that names the parameter.
 */
final class Parameters {

    static final int MAX_PAGE_SIZE = 500;

    private Parameters() {
    }

    /** A path id that is not a UUID cannot name an existing resource: 404, like any other unknown id. */
    static UUID pathId(String value, String what) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException notAUuid) {
            throw DomainException.notFound(what, value);
        }
    }

    static UUID uuid(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException notAUuid) {
            throw new InvalidInputException(name, "must be a UUID");
        }
    }

    static Instant instant(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notAnInstant) {
            throw new InvalidInputException(name, "must be an ISO-8601 instant, e.g. 2026-01-31T12:00:00Z");
        }
    }

    static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException unknown) {
            throw new InvalidInputException(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    static int page(String value) {
        return integer("page", value, 0, 0, Integer.MAX_VALUE);
    }

    static int size(String value) {
        return integer("size", value, 50, 1, MAX_PAGE_SIZE);
    }

    private static int integer(String name, String value, int defaultValue, int min, int max) {
        if (value == null) {
            return defaultValue;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new InvalidInputException(name, "must be an integer from " + min + " to " + max);
    }
}
