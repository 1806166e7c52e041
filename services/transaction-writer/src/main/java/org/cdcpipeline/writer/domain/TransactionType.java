package org.cdcpipeline.writer.domain;

public enum TransactionType {
    CARD_PAYMENT, TRANSFER, WITHDRAWAL, REFUND, DEPOSIT
}
