package org.cdcpipeline.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TransactionStatusTest {

    /** Every pair of statuses, and whether the lifecycle allows moving from the first to the second. */
    @ParameterizedTest(name = "{0} → {1}: {2}")
    @CsvSource({
        "PENDING,    PENDING,    false", "PENDING,    AUTHORIZED, true",  "PENDING,    SETTLED,    false",
        "PENDING,    DECLINED,   true",  "PENDING,    REVERSED,   false",
        "AUTHORIZED, PENDING,    false", "AUTHORIZED, AUTHORIZED, false", "AUTHORIZED, SETTLED,    true",
        "AUTHORIZED, DECLINED,   false", "AUTHORIZED, REVERSED,   true",
        "SETTLED,    PENDING,    false", "SETTLED,    AUTHORIZED, false", "SETTLED,    SETTLED,    false",
        "SETTLED,    DECLINED,   false", "SETTLED,    REVERSED,   true",
        "DECLINED,   PENDING,    false", "DECLINED,   AUTHORIZED, false", "DECLINED,   SETTLED,    false",
        "DECLINED,   DECLINED,   false", "DECLINED,   REVERSED,   false",
        "REVERSED,   PENDING,    false", "REVERSED,   AUTHORIZED, false", "REVERSED,   SETTLED,    false",
        "REVERSED,   DECLINED,   false", "REVERSED,   REVERSED,   false",
    })
    void allowsOnlyTheLifecyclesTransitions(TransactionStatus from, TransactionStatus to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
    }

    @ParameterizedTest
    @EnumSource(value = TransactionStatus.class, names = {"DECLINED", "REVERSED"})
    void declinedAndReversedAreFinal(TransactionStatus status) {
        assertThat(status.isFinal()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(TransactionStatus.class)
    void parsesEveryStatusByItsName(TransactionStatus status) {
        assertThat(TransactionStatus.parse(status.name())).contains(status);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"settled", "CANCELLED"})
    void parsesNothingElse(String name) {
        assertThat(TransactionStatus.parse(name)).isEmpty();
    }
}
