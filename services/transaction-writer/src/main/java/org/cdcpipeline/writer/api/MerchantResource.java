package org.cdcpipeline.writer.api;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.cdcpipeline.writer.api.MerchantDtos.CreateMerchant;
import org.cdcpipeline.writer.api.MerchantDtos.MerchantView;
import org.cdcpipeline.writer.domain.MerchantService;
import org.cdcpipeline.writer.domain.PageOf;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/merchants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "merchants")
public class MerchantResource {

    private final MerchantService merchants;

    MerchantResource(MerchantService merchants) {
        this.merchants = merchants;
    }

    @POST
    @APIResponse(responseCode = "201", description = "Registered")
    public Response register(@Valid @NotNull CreateMerchant request) {
        MerchantView merchant = MerchantView.of(merchants.register(request.name(), request.category(), request.mcc(), request.country()));
        return Response.created(URI.create("/api/merchants/" + merchant.id())).entity(merchant).build();
    }

    @GET
    @Path("/{id}")
    public MerchantView get(@PathParam("id") String id) {
        return MerchantView.of(merchants.get(Parameters.pathId(id, "merchant")));
    }

    @GET
    public PageOf<MerchantView> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        return merchants.list(Parameters.page(page), Parameters.size(size)).map(MerchantView::of);
    }
}
