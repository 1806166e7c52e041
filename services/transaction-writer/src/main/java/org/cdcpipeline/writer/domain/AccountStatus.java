package org.cdcpipeline.writer.domain;

public enum AccountStatus {
    ACTIVE, FROZEN, CLOSED
}
