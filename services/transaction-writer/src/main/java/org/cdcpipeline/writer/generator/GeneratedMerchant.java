package org.cdcpipeline.writer.generator;

import java.util.UUID;

import org.cdcpipeline.writer.domain.MerchantCategory;

public record GeneratedMerchant(UUID id, String name, MerchantCategory category, String country) {
}
