package org.cdcpipeline.notifier.sink;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.slack.api.model.Message;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.TextObject;
import org.cdcpipeline.notifier.rules.Notification;

/**
 * The Block Kit messages of notifications: one alert (header, facts as fields, link), or a digest of several when a
 * backlog built up. Every message carries its notification ids in its metadata, so a post can be recognised later.
 */
final class SlackMessages {

    static final String METADATA_EVENT_TYPE = "cdc_notifications";
    private static final String NONE = "—";

    private SlackMessages() {
    }

    static List<LayoutBlock> blocks(List<Notification> notifications) {
        return notifications.size() == 1 ? single(notifications.get(0)) : digest(notifications);
    }

    /** What notification previews and screen readers show instead of the blocks. */
    static String fallbackText(List<Notification> notifications) {
        if (notifications.size() == 1) {
            Notification n = notifications.get(0);
            return n.severity() + " " + n.title() + ": " + amount(n) + " on account " + n.accountId();
        }
        return notifications.size() + " alerts";
    }

    static Message.Metadata metadata(List<Notification> notifications) {
        return Message.Metadata.builder()
                .eventType(METADATA_EVENT_TYPE)
                .eventPayload(Map.of("notification_ids", notifications.stream().map(n -> n.id().toString()).toList()))
                .build();
    }

    private static List<LayoutBlock> single(Notification n) {
        List<TextObject> fields = new ArrayList<>(List.of(
                field("Amount", amount(n)),
                field("Account", "`" + n.accountId() + "`"),
                field("Merchant", n.merchantId() == null ? NONE : "`" + n.merchantId() + "`"),
                field("Rule", n.rule()),
                field("Severity", n.severity().name())));
        n.details().forEach((name, value) -> fields.add(field(name, value)));
        return List.of(
                header(h -> h.text(plainText(n.title()))),
                section(s -> s.fields(fields)),
                section(s -> s.text(markdownText("<" + n.link() + "|Transaction " + n.transactionId() + ">"))),
                context(c -> c.elements(List.of(markdownText("Notification " + n.id())))));
    }

    private static List<LayoutBlock> digest(List<Notification> notifications) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(notifications.size() + " alerts"))));
        for (Notification n : notifications) {
            blocks.add(section(s -> s.text(markdownText("*<" + n.link() + "|" + n.title() + ">* · " + n.severity()
                    + " · " + amount(n) + " · account `" + n.accountId() + "` · rule " + n.rule()))));
        }
        blocks.add(context(c -> c.elements(List.of(markdownText("Grouped to respect Slack's rate limit")))));
        return blocks;
    }

    private static TextObject field(String name, String value) {
        return markdownText("*" + name + "*\n" + value);
    }

    /** {@code 12500.00 EUR}: the exact amount, with at least two decimals and no padding zeros beyond. */
    static String amount(Notification n) {
        BigDecimal amount = n.amount().stripTrailingZeros();
        if (amount.scale() < 2) {
            amount = amount.setScale(2, RoundingMode.UNNECESSARY);
        }
        return amount.toPlainString() + " " + n.currency();
    }
}
