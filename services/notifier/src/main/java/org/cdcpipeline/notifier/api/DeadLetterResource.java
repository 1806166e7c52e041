package org.cdcpipeline.notifier.api;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.common.annotation.Blocking;
import org.cdcpipeline.notifier.sink.Dispatcher;

/**
 * Replays the notifications that went to {@code bank.alerts.dlq} (Slack refused them, or kept failing): they are
 * queued for delivery again, once Slack is fixed. A replayed notification that fails again is dead-lettered again.
 */
@Path("/api/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class DeadLetterResource {

    private final Dispatcher dispatcher;

    DeadLetterResource(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    public record Replay(int replayed) {}

    @POST
    @Path("/replay")
    public Replay replay() throws InterruptedException {
        return new Replay(dispatcher.replayDeadLetters());
    }
}
