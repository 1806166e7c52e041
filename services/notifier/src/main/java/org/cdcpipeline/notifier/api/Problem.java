package org.cdcpipeline.notifier.api;

import jakarta.ws.rs.core.Response;

/** An RFC 7807 problem document, naming the request field at fault. */
public record Problem(String type, String title, int status, String detail, String field) {

    public static final String MEDIA_TYPE = "application/problem+json";

    static Response badRequest(String field, String detail) {
        return Response.status(Response.Status.BAD_REQUEST)
                .type(MEDIA_TYPE)
                .entity(new Problem("about:blank", "Bad Request", 400, detail, field))
                .build();
    }
}
