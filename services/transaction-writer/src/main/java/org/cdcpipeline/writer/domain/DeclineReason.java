package org.cdcpipeline.writer.domain;

/** Why an issuer refused a payment; stored as its name in {@code transactions.decline_reason}. */
public enum DeclineReason {
    INSUFFICIENT_FUNDS, SUSPECTED_FRAUD, CARD_EXPIRED, INCORRECT_PIN, LIMIT_EXCEEDED, DO_NOT_HONOUR
}
