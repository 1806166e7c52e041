package org.cdcpipeline.notifier.api;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.smallrye.common.annotation.Blocking;
import org.cdcpipeline.notifier.store.NotificationStore;

/** The latest notifications with their delivery state. */
@Path("/api/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class NotificationResource {

    static final int MAX_LIMIT = 500;

    private final NotificationStore store;

    NotificationResource(NotificationStore store) {
        this.store = store;
    }

    @GET
    @Path("/recent")
    public Response recent(@QueryParam("limit") @DefaultValue("20") String limit) {
        int count;
        try {
            count = Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            return Problem.badRequest("limit", "limit must be a whole number from 1 to " + MAX_LIMIT + ", got '" + limit + "'");
        }
        if (count < 1 || count > MAX_LIMIT) {
            return Problem.badRequest("limit", "limit must be from 1 to " + MAX_LIMIT + ", got " + count);
        }
        return Response.ok(store.recent(count)).build();
    }
}
