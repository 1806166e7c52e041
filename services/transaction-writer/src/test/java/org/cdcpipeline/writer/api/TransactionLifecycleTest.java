package org.cdcpipeline.writer.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.cdcpipeline.events.TransactionStatus;
import org.cdcpipeline.writer.EmbeddedPostgresResource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every action from every status, through the API: allowed moves answer 200, the others 409 and change nothing. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class TransactionLifecycleTest {

    /** How to bring a new transaction into each status. */
    private static final Map<TransactionStatus, List<String>> PATHS = Map.of(
            TransactionStatus.PENDING, List.of(),
            TransactionStatus.AUTHORIZED, List.of("authorize"),
            TransactionStatus.SETTLED, List.of("authorize", "settle"),
            TransactionStatus.DECLINED, List.of("decline"),
            TransactionStatus.REVERSED, List.of("authorize", "reverse"));

    private static final Map<String, TransactionStatus> ACTIONS = Map.of(
            "authorize", TransactionStatus.AUTHORIZED,
            "settle", TransactionStatus.SETTLED,
            "decline", TransactionStatus.DECLINED,
            "reverse", TransactionStatus.REVERSED);

    static Stream<Arguments> everyActionFromEveryStatus() {
        return Stream.of(TransactionStatus.values())
                .flatMap(from -> ACTIONS.keySet().stream().sorted().map(action -> Arguments.of(from, action)));
    }

    @ParameterizedTest(name = "{1} when {0}")
    @MethodSource("everyActionFromEveryStatus")
    void actionIsAllowedExactlyWhenTheLifecycleSaysSo(TransactionStatus from, String action) {
        String id = ApiFixtures.transaction(ApiFixtures.account());
        for (String step : PATHS.get(from)) {
            act(id, step).then().statusCode(200);
        }
        TransactionStatus target = ACTIONS.get(action);
        if (from.canMoveTo(target)) {
            act(id, action).then().statusCode(200).body("status", equalTo(target.name()), "version", equalTo(PATHS.get(from).size() + 1));
        } else {
            act(id, action).then().statusCode(409).contentType("application/problem+json").body("errors.field", contains("status"));
            given().get("/api/transactions/" + id).then().body("status", equalTo(from.name()));
        }
    }

    private static io.restassured.response.Response act(String id, String action) {
        RequestSpecification request = given();
        if (action.equals("decline")) {
            request = request.contentType(ContentType.JSON).body(Map.of("reason", "INSUFFICIENT_FUNDS"));
        }
        return request.post("/api/transactions/" + id + "/" + action);
    }
}
