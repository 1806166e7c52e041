package org.cdcpipeline.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OperationTest {

    @ParameterizedTest
    @CsvSource({"c, CREATE", "u, UPDATE", "d, DELETE", "r, READ", "t, TRUNCATE"})
    void looksUpDebeziumsCodes(String code, Operation operation) {
        assertThat(Operation.fromCode(code)).isEqualTo(operation);
        assertThat(operation.code()).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "m", "", "create", "C"})
    void rejectsAnUnknownCode(String code) {
        assertThatThrownBy(() -> Operation.fromCode(code))
                .isInstanceOf(MalformedChangeEventException.class)
                .hasMessage("field 'op': unknown operation '" + code + "'");
    }
}
