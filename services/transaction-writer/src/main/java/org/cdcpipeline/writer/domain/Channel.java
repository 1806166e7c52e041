package org.cdcpipeline.writer.domain;

public enum Channel {
    POS, ONLINE, ATM, MOBILE
}
