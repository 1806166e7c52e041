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
import org.cdcpipeline.writer.api.AccountDtos.AccountView;
import org.cdcpipeline.writer.api.AccountDtos.CreateAccount;
import org.cdcpipeline.writer.domain.AccountService;
import org.cdcpipeline.writer.domain.PageOf;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "accounts")
public class AccountResource {

    private final AccountService accounts;

    AccountResource(AccountService accounts) {
        this.accounts = accounts;
    }

    @POST
    @APIResponse(responseCode = "201", description = "Opened, ACTIVE")
    @APIResponse(responseCode = "409", description = "The IBAN belongs to another account")
    public Response open(@Valid @NotNull CreateAccount request) {
        AccountView account = AccountView.of(accounts.open(request.ownerName(), request.iban(), request.homeCountry(), request.currency()));
        return Response.created(URI.create("/api/accounts/" + account.id())).entity(account).build();
    }

    @GET
    @Path("/{id}")
    public AccountView get(@PathParam("id") String id) {
        return AccountView.of(accounts.get(Parameters.pathId(id, "account")));
    }

    @GET
    public PageOf<AccountView> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        return accounts.list(Parameters.page(page), Parameters.size(size)).map(AccountView::of);
    }
}
