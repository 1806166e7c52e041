package org.cdcpipeline.writer.api;

import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.OptionalLong;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.cdcpipeline.writer.config.GeneratorConfig;
import org.cdcpipeline.writer.config.GeneratorConfig.GeneratorLimits;
import org.cdcpipeline.writer.generator.BulkLoader;
import org.cdcpipeline.writer.generator.GeneratorRunner;
import org.cdcpipeline.writer.generator.GeneratorStatus;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/generator")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "generator")
public class GeneratorResource {

    /** Every field is optional; a missing one takes its value from {@code cdc.generator.*}. */
    public record Start(@Positive @Max(GeneratorLimits.MAX_RATE) Double rate, Long seed,
                       @DecimalMin("0") @DecimalMax("1") Double anomalyShare) {
    }

    /** Without a seed, a new one is drawn (and returned). */
    public record Bulk(@NotNull @Positive @Max(GeneratorLimits.MAX_BULK_ROWS) Long count, Long seed) {
    }

    private final GeneratorRunner runner;
    private final BulkLoader bulkLoader;
    private final GeneratorConfig config;

    GeneratorResource(GeneratorRunner runner, BulkLoader bulkLoader, GeneratorConfig config) {
        this.runner = runner;
        this.bulkLoader = bulkLoader;
        this.config = config;
    }

    @GET
    @Operation(summary = "Status of the current (or last) run: counts and the actual rate")
    public GeneratorStatus status() {
        return runner.status();
    }

    @POST
    @Path("/start")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start generating transactions at a rate (per second), optionally from a seed")
    @APIResponse(responseCode = "409", description = "Already running")
    public GeneratorStatus start(@Valid Start request) {
        Start start = request == null ? new Start(null, null, null) : request;
        return runner.start(start.rate() == null ? config.rate() : start.rate(),
                start.seed() == null ? config.seed() : OptionalLong.of(start.seed()),
                start.anomalyShare() == null ? config.anomalyShare() : start.anomalyShare());
    }

    @POST
    @Path("/stop")
    @Operation(summary = "Stop after the batch in flight; answers the final status")
    public GeneratorStatus stop() {
        return runner.stop();
    }

    @POST
    @Path("/bulk")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Load count transactions with COPY as fast as PostgreSQL allows; answers rows per second")
    @APIResponse(responseCode = "409", description = "This seed's transactions are loaded already")
    public BulkLoader.Loaded bulk(@Valid @NotNull Bulk request) throws SQLException {
        return bulkLoader.load(request.count(), request.seed() == null ? new SecureRandom().nextLong() : request.seed());
    }
}
