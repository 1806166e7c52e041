package org.cdcpipeline.writer.api;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.cdcpipeline.events.TransactionStatus;
import org.cdcpipeline.writer.api.TransactionDtos.CreateTransaction;
import org.cdcpipeline.writer.api.TransactionDtos.Decline;
import org.cdcpipeline.writer.api.TransactionDtos.TransactionView;
import org.cdcpipeline.writer.domain.DeclineReason;
import org.cdcpipeline.writer.domain.PageOf;
import org.cdcpipeline.writer.domain.TransactionFilter;
import org.cdcpipeline.writer.domain.TransactionService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Translates HTTP to {@link TransactionService} calls and back; nothing else. */
@Path("/api/transactions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "transactions")
@APIResponse(responseCode = "400", description = "Invalid request",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class TransactionResource {

    private static final int MAX_IDEMPOTENCY_KEY_LENGTH = 200;

    private final TransactionService transactions;
    private final ObjectMapper json;

    TransactionResource(TransactionService transactions, ObjectMapper json) {
        this.transactions = transactions;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a PENDING transaction, once per Idempotency-Key",
            description = "The first request with a key answers 201. Repeating it with the same key and the same body answers 200 "
                    + "with the original body (nothing is created again); the same key with a different body answers 422.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = TransactionView.class)))
    @APIResponse(responseCode = "200", description = "Replay of the original response")
    @APIResponse(responseCode = "422", description = "Unknown account or merchant, or a key reused with another body")
    public Response create(
            @Parameter(description = "Unique per intended transaction, at most 200 characters", required = true)
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Valid @NotNull CreateTransaction request) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY_LENGTH) {
            throw new InvalidInputException("Idempotency-Key", "header required, 1 to " + MAX_IDEMPOTENCY_KEY_LENGTH + " characters");
        }
        CreateTransaction canonical = request.normalized();
        TransactionService.Created created = transactions.create(canonical.toDraft(), idempotencyKey, sha256(write(canonical)),
                transaction -> write(TransactionView.of(transaction)));
        return Response.status(created.replayed() ? Response.Status.OK : Response.Status.CREATED)
                .location(URI.create("/api/transactions/" + created.transactionId()))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(created.body())
                .build();
    }

    @GET
    @Path("/{id}")
    @APIResponse(responseCode = "404", description = "Unknown id")
    public TransactionView get(@PathParam("id") String id) {
        return TransactionView.of(transactions.get(Parameters.pathId(id, "transaction")));
    }

    @GET
    @Operation(summary = "List transactions, newest first", description = "Pages are numbered from 0; size is at most "
            + Parameters.MAX_PAGE_SIZE + ". from is inclusive, to exclusive (ISO-8601 instants).")
    public PageOf<TransactionView> list(@QueryParam("account") String account,
                                        @QueryParam("status") @Schema(implementation = TransactionStatus.class) String status,
                                        @QueryParam("from") String from, @QueryParam("to") String to,
                                        @QueryParam("page") String page, @QueryParam("size") String size) {
        TransactionFilter filter = new TransactionFilter(Parameters.uuid("account", account),
                Parameters.enumValue("status", status, TransactionStatus.class),
                Parameters.instant("from", from), Parameters.instant("to", to));
        return transactions.list(filter, Parameters.page(page), Parameters.size(size)).map(TransactionView::of);
    }

    @POST
    @Path("/{id}/authorize")
    @APIResponse(responseCode = "409", description = "Not PENDING, or changed concurrently")
    public TransactionView authorize(@PathParam("id") String id) {
        return move(id, TransactionStatus.AUTHORIZED, null);
    }

    @POST
    @Path("/{id}/settle")
    @APIResponse(responseCode = "409", description = "Not AUTHORIZED, or changed concurrently")
    public TransactionView settle(@PathParam("id") String id) {
        return move(id, TransactionStatus.SETTLED, null);
    }

    @POST
    @Path("/{id}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "409", description = "Not PENDING, or changed concurrently")
    public TransactionView decline(@PathParam("id") String id, @Valid @NotNull Decline decline) {
        return move(id, TransactionStatus.DECLINED, decline.reason());
    }

    @POST
    @Path("/{id}/reverse")
    @APIResponse(responseCode = "409", description = "Neither AUTHORIZED nor SETTLED, or changed concurrently")
    public TransactionView reverse(@PathParam("id") String id) {
        return move(id, TransactionStatus.REVERSED, null);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a PENDING or DECLINED transaction")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "Money has moved: AUTHORIZED, SETTLED or REVERSED")
    public void delete(@PathParam("id") String id) {
        transactions.delete(Parameters.pathId(id, "transaction"));
    }

    private TransactionView move(String id, TransactionStatus target, DeclineReason reason) {
        return TransactionView.of(transactions.move(Parameters.pathId(id, "transaction"), target, reason));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot render " + value, e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
