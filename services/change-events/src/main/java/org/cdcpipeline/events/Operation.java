package org.cdcpipeline.events;

/** What happened to the row, as Debezium's one-letter {@code op} code says. */
public enum Operation {
    CREATE("c"),
    UPDATE("u"),
    DELETE("d"),
    /** A row read by a snapshot, not a change: the connector emits it for rows that already existed. */
    READ("r"),
    TRUNCATE("t");

    private final String code;

    Operation(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** @throws MalformedChangeEventException for a code Debezium does not emit on table topics */
    public static Operation fromCode(String code) {
        for (Operation operation : values()) {
            if (operation.code.equals(code)) {
                return operation;
            }
        }
        throw MalformedChangeEventException.field("op", "unknown operation " + MalformedChangeEventException.quote(code));
    }
}
