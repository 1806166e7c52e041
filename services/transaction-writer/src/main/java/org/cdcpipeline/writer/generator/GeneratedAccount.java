package org.cdcpipeline.writer.generator;

import java.util.UUID;

public record GeneratedAccount(UUID id, String ownerName, String iban, String homeCountry, String currency) {
}
