package org.cdcpipeline.writer.api;

import java.util.List;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.cdcpipeline.writer.api.Problem.FieldError;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How request bodies reach the API, in two steps ahead of the REST layer:
 * <ol>
 *   <li>a request whose Content-Length exceeds {@code quarkus.http.limits.max-body-size} is refused with a problem,
 *       before the body is read (the HTTP layer would refuse it too, but with a bare 413; a chunked body without
 *       Content-Length still gets that one);</li>
 *   <li>the body of an API request is read whole on the I/O thread. Without this, a blocking endpoint reads it on its
 *       worker thread through a stream that waits on the connection for each chunk; that hand-off between the I/O
 *       thread and the worker cost about a fifth of the writer's CPU under load.</li>
 * </ol>
 */
@ApplicationScoped
public class RequestBodies {

    private static final int PAYLOAD_TOO_LARGE = 413;

    private final long maxBodyBytes;

    RequestBodies(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBodyBytes = maxBodySize.asLongValue();
    }

    void register(@Observes Router router) {
        refuseDeclaredOversizedBodies(router);
        router.route("/api/*").order(Integer.MIN_VALUE + 1)
                .handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes).setDeleteUploadedFilesOnEnd(true))
                .handler(context -> {
                    // An empty body leaves none behind; the REST layer would then wait on the connection for one.
                    if (context.getBody() == null) {
                        context.setBody(Buffer.buffer());
                    }
                    context.next();
                });
    }

    private void refuseDeclaredOversizedBodies(Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String length = context.request().getHeader("Content-Length");
            if (declaredBytes(length) <= maxBodyBytes) {
                context.next();
                return;
            }
            Problem problem = new Problem(Problem.type("payload-too-large"), "Payload too large", PAYLOAD_TOO_LARGE,
                    "The request body has " + length + " bytes; this API accepts at most " + maxBodyBytes, context.request().path(),
                    List.of(new FieldError("body", "larger than " + maxBodyBytes + " bytes")));
            context.response().setStatusCode(PAYLOAD_TOO_LARGE).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Connection", "close").end(Json.encode(problem));
        });
    }

    /** 0 when absent or unreadable: the HTTP layer deals with those. */
    private static long declaredBytes(String contentLength) {
        try {
            return contentLength == null ? 0 : Long.parseLong(contentLength);
        } catch (NumberFormatException unreadable) {
            return 0;
        }
    }
}
