package org.cdcpipeline.notifier.api;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.cdcpipeline.notifier.rules.RuleEngine;
import org.cdcpipeline.notifier.sink.NotificationSink;

/** The rules in force and where their notifications go. */
@Path("/api/rules")
@Produces(MediaType.APPLICATION_JSON)
public class RulesResource {

    private final RuleEngine engine;
    private final NotificationSink sink;

    RulesResource(RuleEngine engine, NotificationSink sink) {
        this.engine = engine;
        this.sink = sink;
    }

    public record RuleView(String name, String description, boolean enabled, Map<String, Object> settings) {}

    public record RulesView(String sink, List<RuleView> rules) {}

    @GET
    public RulesView rules() {
        return new RulesView(sink.name(), engine.rules().stream()
                .map(rule -> new RuleView(rule.name(), rule.description(), rule.enabled(), rule.settings()))
                .toList());
    }
}
