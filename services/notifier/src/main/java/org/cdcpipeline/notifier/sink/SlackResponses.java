package org.cdcpipeline.notifier.sink;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Turns an HTTP answer of Slack into success or the right kind of {@link DeliveryFailure}. */
final class SlackResponses {

    /** Slack sends Retry-After with every 429; should it not, wait this long. */
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    private SlackResponses() {
    }

    static void check(int status, Map<String, List<String>> headers, String body) throws DeliveryFailure {
        if (status >= 200 && status < 300) {
            return;
        }
        if (status == 429) {
            throw DeliveryFailure.rateLimited(retryAfter(headers));
        }
        String reason = "Slack answered " + status + (body == null || body.isBlank() ? "" : ": " + abbreviate(body));
        if (status >= 500) {
            throw DeliveryFailure.retryable(reason, null);
        }
        throw DeliveryFailure.permanent(reason);
    }

    private static Duration retryAfter(Map<String, List<String>> headers) {
        return headers.entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase("Retry-After") && !header.getValue().isEmpty())
                .map(header -> header.getValue().get(0).trim())
                .filter(value -> value.matches("\\d{1,6}"))
                .map(value -> Duration.ofSeconds(Long.parseLong(value)))
                .findFirst()
                .orElse(DEFAULT_RETRY_AFTER);
    }

    private static String abbreviate(String body) {
        String line = body.strip().replaceAll("\\s+", " ");
        return line.length() <= 200 ? line : line.substring(0, 200) + "…";
    }
}
