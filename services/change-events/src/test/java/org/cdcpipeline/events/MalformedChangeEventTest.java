package org.cdcpipeline.events;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each defect must fail with a message precise enough to be a dead-letter reason on its own. */
class MalformedChangeEventTest {

    private static final String CREATE = "transaction-create.json";
    private static final String UPDATE = "transaction-update.json";
    private static final String DELETE = "transaction-delete.json";
    private static final String READ = "account-snapshot-read.json";

    private final ChangeEventParser parser = new ChangeEventParser();

    static Stream<Arguments> malformedValues() {
        return Stream.of(
                arguments("not JSON", "id=6f1c, op=c", "value is not JSON (line 1, column 1)"),
                arguments("truncated JSON", Samples.text(CREATE).substring(0, 120), "value is not JSON (line 1, column 121)"),
                arguments("trailing garbage", "{\"op\":\"c\"} {}", "value is not JSON (line 1, column 12)"),
                arguments("blank", " \n ", "value is not JSON: blank"),
                arguments("JSON array", "[1,2]", "value is not an envelope: expected an object, got array"),
                arguments("JSON string", "\"bank.public.transactions\"",
                        "value is not an envelope: expected an object, got string 'bank.public.transactions'"),
                arguments("JSON null", "null", "value is not an envelope: expected an object, got null"),
                arguments("schemas enabled", "{\"schema\":{\"type\":\"struct\"},\"payload\":" + Samples.text(CREATE) + "}",
                        "value is not an envelope: it has 'schema' and 'payload', the converter must have schemas.enable=false"),
                arguments("flattened row", "{\"id\":\"6f1c2a9e-4b7d-4e3a-9c1f-2d8e5b7a0c41\",\"amount\":\"1.0000\"}",
                        "field 'op': missing"),
                arguments("op missing", edit(CREATE, root -> root.remove("op")), "field 'op': missing"),
                arguments("op null", edit(CREATE, root -> root.putNull("op")), "field 'op': missing"),
                arguments("op a number", edit(CREATE, root -> root.put("op", 1)), "field 'op': expected a string, got number '1'"),
                arguments("op unknown", edit(CREATE, root -> root.put("op", "x")), "field 'op': unknown operation 'x'"),
                arguments("op of a logical decoding message", edit(CREATE, root -> root.put("op", "m")),
                        "field 'op': unknown operation 'm'"),
                arguments("op in upper case", edit(CREATE, root -> root.put("op", "C")), "field 'op': unknown operation 'C'"),
                arguments("source missing", edit(CREATE, root -> root.remove("source")), "field 'source': missing"),
                arguments("source not an object", edit(CREATE, root -> root.put("source", "bank")),
                        "field 'source': expected an object, got string 'bank'"),
                arguments("source.lsn missing", edit(CREATE, root -> root.withObject("source").remove("lsn")),
                        "field 'source.lsn': missing"),
                arguments("source.lsn a string", edit(CREATE, root -> root.withObject("source").put("lsn", "0/16E9E10")),
                        "field 'source.lsn': expected an integer, got string '0/16E9E10'"),
                arguments("source.txId fractional", edit(CREATE, root -> root.withObject("source").put("txId", 752.5)),
                        "field 'source.txId': expected an integer, got number '752.5'"),
                arguments("source.ts_ms missing", edit(CREATE, root -> root.withObject("source").remove("ts_ms")),
                        "field 'source.ts_ms': missing"),
                arguments("source.table missing", edit(CREATE, root -> root.withObject("source").remove("table")),
                        "field 'source.table': missing"),
                arguments("source.snapshot a boolean", edit(CREATE, root -> root.withObject("source").put("snapshot", true)),
                        "field 'source.snapshot': expected a string, got boolean 'true'"),
                arguments("ts_ms missing", edit(CREATE, root -> root.remove("ts_ms")), "field 'ts_ms': missing"),
                arguments("after missing for a create", edit(CREATE, root -> root.remove("after")),
                        "field 'after': missing for op 'c'"),
                arguments("after null for an update", edit(UPDATE, root -> root.putNull("after")),
                        "field 'after': missing for op 'u'"),
                arguments("after null for a snapshot read", edit(READ, root -> root.putNull("after")),
                        "field 'after': missing for op 'r'"),
                arguments("before null for a delete", edit(DELETE, root -> root.putNull("before")),
                        "field 'before': missing for op 'd'"),
                arguments("after not an object", edit(CREATE, root -> root.putArray("after")),
                        "field 'after': expected an object, got array"),
                arguments("after.id missing", edit(CREATE, root -> root.withObject("after").remove("id")),
                        "field 'after.id': missing"),
                arguments("before.id null", edit(DELETE, root -> root.withObject("before").putNull("id")),
                        "field 'before.id': missing"),
                arguments("after.id not a uuid", edit(CREATE, root -> root.withObject("after").put("id", "6f1c-2a9e")),
                        "field 'after.id': bad uuid '6f1c-2a9e'"),
                arguments("after.amount with a decimal comma", edit(CREATE, root -> root.withObject("after").put("amount", "1250,5000")),
                        "field 'after.amount': bad decimal '1250,5000'"),
                arguments("after.amount a boolean", edit(CREATE, root -> root.withObject("after").put("amount", true)),
                        "field 'after.amount': bad decimal"),
                arguments("before.amount empty in an update", edit(UPDATE, root -> root.withObject("before").put("amount", "")),
                        "field 'before.amount': bad decimal ''"),
                arguments("after.created_at without an offset", edit(CREATE, root -> root.withObject("after").put("created_at", "2026-11-25T19:40:00.123456")),
                        "field 'after.created_at': bad timestamp '2026-11-25T19:40:00.123456'"),
                arguments("after.updated_at in epoch microseconds", edit(CREATE, root -> root.withObject("after").put("updated_at", 1795635600123456L)),
                        "field 'after.updated_at': bad timestamp"),
                arguments("after.version not a number", edit(CREATE, root -> root.withObject("after").put("version", "one")),
                        "field 'after.version': bad integer 'one'"),
                arguments("after.version beyond bigint", edit(CREATE, root -> root.withObject("after").put("version", new BigInteger("99999999999999999999"))),
                        "field 'after.version': bad integer: out of range"),
                arguments("after.merchant_id empty", edit(CREATE, root -> root.withObject("after").put("merchant_id", "")),
                        "field 'after.merchant_id': bad uuid"),
                arguments("after.version fractional", edit(CREATE, root -> root.withObject("after").put("version", 1.5)),
                        "field 'after.version': bad integer '1.5'"),
                arguments("a long bad value is cut", edit(CREATE, root -> root.withObject("after").put("amount", "9".repeat(30) + "x".repeat(30))),
                        "field 'after.amount': bad decimal '" + "9".repeat(30) + "x".repeat(10) + "…'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedValues")
    void rejectsAMalformedValue(String defect, String value, String message) {
        assertThatThrownBy(() -> parser.parse(value, TransactionRow.class))
                .isInstanceOf(MalformedChangeEventException.class)
                .hasMessage(message);
    }

    @Test
    void rejectsAValueThatIsNotUtf8() {
        byte[] value = {'{', '"', 'o', 'p', '"', ':', '"', (byte) 0xC3, '"', '}'};

        assertThatThrownBy(() -> parser.parse(value, TransactionRow.class))
                .isInstanceOf(MalformedChangeEventException.class)
                .hasMessageStartingWith("value is not JSON (line 1, column ");
    }

    static Stream<Arguments> malformedKeys() {
        return Stream.of(
                arguments("not JSON", "6f1c2a9e-4b7d-4e3a-9c1f-2d8e5b7a0c41", "key is not JSON (line 1, column 2)"),
                arguments("a bare string", "\"6f1c2a9e-4b7d-4e3a-9c1f-2d8e5b7a0c41\"",
                        "key: expected an object, got string '6f1c2a9e-4b7d-4e3a-9c1f-2d8e5b7a0c41'"),
                arguments("schemas enabled", "{\"schema\":{\"type\":\"struct\"},\"payload\":{\"id\":\"6f1c2a9e-4b7d-4e3a-9c1f-2d8e5b7a0c41\"}}",
                        "field 'key.id': missing"),
                arguments("id null", "{\"id\":null}", "field 'key.id': missing"),
                arguments("id not a uuid", "{\"id\":\"42\"}", "field 'key.id': bad uuid '42'"),
                arguments("id a number", "{\"id\":42}", "field 'key.id': bad uuid '42'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedKeys")
    void rejectsAMalformedKey(String defect, String key, String message) {
        assertThatThrownBy(() -> parser.parseKey(key))
                .isInstanceOf(MalformedChangeEventException.class)
                .hasMessage(message);
    }

    private static String edit(String sample, Consumer<ObjectNode> edit) {
        return Samples.edited(sample, edit);
    }
}
