package org.cdcpipeline.writer.api;

import static io.restassured.RestAssured.given;
import static org.cdcpipeline.writer.api.ApiFixtures.account;
import static org.cdcpipeline.writer.api.ApiFixtures.merchant;
import static org.cdcpipeline.writer.api.ApiFixtures.payment;
import static org.cdcpipeline.writer.api.ApiFixtures.transaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.cdcpipeline.writer.EmbeddedPostgresResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class TransactionResourceTest {

    @Test
    void createsAPendingTransactionAndReadsItBack() {
        String accountId = account();
        String merchantId = merchant();
        String id = given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(payment(accountId, merchantId, "12.5"))
                .when().post("/api/transactions")
                .then().statusCode(201)
                .header("Location", containsString("/api/transactions/"))
                .body("status", equalTo("PENDING"), "amount", equalTo(12.5f), "version", equalTo(0), "createdAt", notNullValue())
                .extract().path("id");

        given().get("/api/transactions/" + id).then().statusCode(200)
                .body("accountId", equalTo(accountId), "merchantId", equalTo(merchantId), "type", equalTo("CARD_PAYMENT"),
                        "currency", equalTo("EUR"), "channel", equalTo("POS"), "country", equalTo("DE"));
    }

    @Test
    void sameIdempotencyKeyAndBodyReplaysTheOriginalResponse() {
        String accountId = account();
        String merchantId = merchant();
        String key = UUID.randomUUID().toString();
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(payment(accountId, merchantId, "10.00"))
                .post("/api/transactions").then().statusCode(201).extract().asString();
        // 10 and 10.00 are the same amount, hence the same request.
        String replay = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(payment(accountId, merchantId, "10"))
                .post("/api/transactions").then().statusCode(200).extract().asString();

        assertThat(replay).isEqualTo(first);
        given().queryParam("account", accountId).get("/api/transactions").then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void concurrentRequestsWithOneKeyCreateOneTransactionAndAllGetItsAnswer() throws Exception {
        String accountId = account();
        String merchantId = merchant();
        String key = UUID.randomUUID().toString();
        int clients = 8;
        CyclicBarrier together = new CyclicBarrier(clients);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<ExtractableResponse<Response>>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                answers.add(pool.submit(() -> {
                    together.await();
                    return given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                            .body(payment(accountId, merchantId, "25.00")).post("/api/transactions").then().extract();
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            Set<String> bodies = new HashSet<>();
            for (Future<ExtractableResponse<Response>> answer : answers) {
                statuses.add(answer.get(1, TimeUnit.MINUTES).statusCode());
                bodies.add(answer.get().asString());
            }
            assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 200);
            assertThat(bodies).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        given().queryParam("account", accountId).get("/api/transactions").then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void sameIdempotencyKeyWithAnotherBodyIsRefused() {
        String accountId = account();
        String merchantId = merchant();
        String key = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(payment(accountId, merchantId, "10.00"))
                .post("/api/transactions").then().statusCode(201);
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(payment(accountId, merchantId, "11.00"))
                .post("/api/transactions").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", contains("Idempotency-Key"));
    }

    @Test
    void missingIdempotencyKeyIsABadRequest() {
        given().contentType(ContentType.JSON).body(payment(account(), merchant(), "1.00"))
                .post("/api/transactions").then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400), "errors.field", contains("Idempotency-Key"), "instance", equalTo("/api/transactions"));
    }

    @Test
    void unknownAccountOrMerchantIsUnprocessableNamingTheField() {
        String accountId = account();
        post(payment(UUID.randomUUID().toString(), merchant(), "1.00")).statusCode(422).body("errors.field", contains("accountId"));
        post(payment(accountId, UUID.randomUUID().toString(), "1.00")).statusCode(422).body("errors.field", contains("merchantId"));
    }

    @Test
    void invalidFieldsAreBadRequestsNamingEachField() {
        String accountId = account();
        String merchantId = merchant();
        Map<String, Object> body = new HashMap<>(payment(accountId, merchantId, "-5"));
        body.put("currency", "XYZ");
        body.put("country", "QQ");
        post(body).statusCode(400).contentType("application/problem+json")
                .body("type", notNullValue(), "title", notNullValue(), "detail", notNullValue(),
                        "errors.field", contains("amount", "country", "currency"));

        post(payment(accountId, merchantId, "1000000000.0001")).statusCode(400).body("errors.field", contains("amount"));
        post(payment(accountId, merchantId, "1.00001")).statusCode(400).body("errors.field", contains("amount"));
        post(payment(accountId, merchantId, "0")).statusCode(400).body("errors.field", contains("amount"));
    }

    @Test
    void malformedJsonWrongTypesAndUnknownFieldsAreBadRequests() {
        post("{\"accountId\": ").statusCode(400).contentType("application/problem+json").body("errors.field", contains("body"));
        Map<String, Object> wrongType = new HashMap<>(payment(account(), merchant(), "1"));
        wrongType.put("amount", "lots");
        post(wrongType).statusCode(400).body("errors.field", contains("amount"));
        wrongType.put("amount", "1");
        wrongType.put("type", "GIFT");
        post(wrongType).statusCode(400).body("errors.field", contains("type"), "errors.message", hasItem(containsString("CARD_PAYMENT")));
        wrongType.put("type", "CARD_PAYMENT");
        wrongType.put("accountId", "not-a-uuid");
        post(wrongType).statusCode(400).body("errors.field", contains("accountId"));
        wrongType.put("accountId", UUID.randomUUID().toString());
        wrongType.put("surprise", true);
        post(wrongType).statusCode(400).body("errors.field", contains("surprise"));
        post("").statusCode(400).contentType("application/problem+json");
    }

    @Test
    void oversizedBodyIsRefused() {
        post("{\"country\": \"" + "x".repeat(100_000) + "\"}").statusCode(413).contentType("application/problem+json")
                .body("status", equalTo(413));
    }

    @Test
    void unknownAndMalformedIdsAreNotFound() {
        given().get("/api/transactions/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404));
        given().get("/api/transactions/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
        given().post("/api/transactions/" + UUID.randomUUID() + "/settle").then().statusCode(404);
        given().delete("/api/transactions/" + UUID.randomUUID()).then().statusCode(404);
        given().get("/api/nothing-here").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void listsFilterByAccountStatusAndTimeRange() {
        String accountId = account();
        String first = transaction(accountId);
        String second = transaction(accountId);
        transaction(account());
        given().post("/api/transactions/" + first + "/authorize").then().statusCode(200);

        given().queryParam("account", accountId).get("/api/transactions").then().statusCode(200)
                .body("total", equalTo(2), "items.id", contains(second, first), "page", equalTo(0), "size", equalTo(50));
        given().queryParam("account", accountId).queryParam("status", "AUTHORIZED").get("/api/transactions").then()
                .body("items.id", contains(first));
        given().queryParam("account", accountId).queryParam("size", 1).queryParam("page", 1).get("/api/transactions").then()
                .body("items.id", contains(first), "total", equalTo(2));
        given().queryParam("account", accountId).queryParam("from", Instant.now().plusSeconds(60).toString())
                .get("/api/transactions").then().body("total", equalTo(0));
        given().queryParam("account", accountId).queryParam("to", Instant.now().plusSeconds(60).toString())
                .queryParam("from", Instant.now().minusSeconds(600).toString())
                .get("/api/transactions").then().body("total", equalTo(2), "items.accountId", everyItem(is(accountId)));
    }

    @Test
    void badListParametersAreBadRequestsNamingThem() {
        given().queryParam("status", "LOST").get("/api/transactions").then().statusCode(400).body("errors.field", contains("status"));
        given().queryParam("account", "nope").get("/api/transactions").then().statusCode(400).body("errors.field", contains("account"));
        given().queryParam("from", "yesterday").get("/api/transactions").then().statusCode(400).body("errors.field", contains("from"));
        given().queryParam("size", 501).get("/api/transactions").then().statusCode(400).body("errors.field", contains("size"));
        given().queryParam("page", "one").get("/api/transactions").then().statusCode(400).body("errors.field", contains("page"));
    }

    @Test
    void declineNeedsAReasonAndStoresIt() {
        String id = transaction(account());
        given().contentType(ContentType.JSON).body("{}").post("/api/transactions/" + id + "/decline").then().statusCode(400)
                .body("errors.field", contains("reason"));
        given().contentType(ContentType.JSON).body(Map.of("reason", "SUSPECTED_FRAUD")).post("/api/transactions/" + id + "/decline")
                .then().statusCode(200).body("status", equalTo("DECLINED"), "declineReason", equalTo("SUSPECTED_FRAUD"), "version", equalTo(1));
    }

    @Test
    void deleteIsAllowedOnlyBeforeMoneyMoves() {
        String pending = transaction(account());
        given().delete("/api/transactions/" + pending).then().statusCode(204);
        given().get("/api/transactions/" + pending).then().statusCode(404);

        String authorized = transaction(account());
        given().post("/api/transactions/" + authorized + "/authorize").then().statusCode(200);
        given().delete("/api/transactions/" + authorized).then().statusCode(409).contentType("application/problem+json")
                .body("errors.field", contains("status"));
    }

    private static io.restassured.response.ValidatableResponse post(Object body) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString()).body(body)
                .when().post("/api/transactions").then();
    }
}
