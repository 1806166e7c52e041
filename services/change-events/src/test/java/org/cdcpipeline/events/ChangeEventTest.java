package org.cdcpipeline.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ChangeEventTest {

    private static final Source STREAMING = source(false);

    @ParameterizedTest
    @EnumSource(value = Operation.class, names = {"CREATE", "UPDATE", "READ"})
    void theRowIsTheNewState(Operation op) {
        assertThat(new ChangeEvent<>(op, "old", "new", STREAMING, Instant.EPOCH).row()).isEqualTo("new");
    }

    @Test
    void theRowOfADeleteIsItsLastState() {
        assertThat(new ChangeEvent<>(Operation.DELETE, "old", null, STREAMING, Instant.EPOCH).row()).isEqualTo("old");
    }

    @Test
    void aTruncateHasNoRow() {
        ChangeEvent<String> truncate = new ChangeEvent<>(Operation.TRUNCATE, null, null, STREAMING, Instant.EPOCH);

        assertThatThrownBy(truncate::row).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void isASnapshotEventWhenItsSourceSaysSo() {
        assertThat(new ChangeEvent<>(Operation.READ, null, "row", source(true), Instant.EPOCH).isSnapshot()).isTrue();
        assertThat(new ChangeEvent<>(Operation.CREATE, null, "row", STREAMING, Instant.EPOCH).isSnapshot()).isFalse();
    }

    private static Source source(boolean snapshot) {
        return new Source("3.5.0.Final", "bank", "bank", "public", "transactions", 1L, 2L, Instant.EPOCH, snapshot);
    }
}
