package org.cdcpipeline.notifier.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.cdcpipeline.notifier.NotifierTestProfile;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(NotifierTestProfile.class)
class NotifierApiTest {

    @Test
    void listsEveryRuleWithItsSettingsAndTheSink() {
        given().when().get("/api/rules").then().statusCode(200)
                .body("sink", equalTo("slack-webhook"))
                .body("rules.name", hasItems("large-amount", "declined", "reversal", "deletion", "velocity",
                        "foreign-country", "impossible-status-change"))
                .body("rules.find { it.name == 'large-amount' }.settings.thresholds.JPY", equalTo(1500000))
                .body("rules.find { it.name == 'velocity' }.settings.maxTransactions", equalTo(5));
    }

    @Test
    void rejectsABadLimitWithAProblemNamingTheField() {
        given().queryParam("limit", "lots").when().get("/api/notifications/recent").then().statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("limit"))
                .body("detail", containsString("'lots'"));
        given().queryParam("limit", 0).when().get("/api/notifications/recent").then().statusCode(400)
                .body("field", equalTo("limit"));
    }

    @Test
    void exposesTheNotifierAndKafkaConsumerMetrics() {
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("kafka_consumer_fetch_manager_records_lag"));
    }
}
