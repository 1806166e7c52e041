package org.cdcpipeline.writer.api;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import org.iban4j.CountryCode;
import org.iban4j.Iban;

/** Creates the accounts, merchants and transactions the API tests start from, through the API itself. */
final class ApiFixtures {

    private ApiFixtures() {
    }

    static String account() {
        return given().contentType(ContentType.JSON)
                .body(Map.of("ownerName", "Ada Lovelace", "iban", Iban.random(CountryCode.DE).toString(), "homeCountry", "DE", "currency", "EUR"))
                .post("/api/accounts").then().statusCode(201).extract().path("id");
    }

    static String merchant() {
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", "Corner Grocer", "category", "GROCERY", "country", "DE"))
                .post("/api/merchants").then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> payment(String accountId, String merchantId, String amount) {
        return Map.of("accountId", accountId, "merchantId", merchantId, "type", "CARD_PAYMENT", "amount", amount,
                "currency", "EUR", "channel", "POS", "country", "DE");
    }

    static String transaction(String accountId) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(payment(accountId, merchant(), "42.10"))
                .post("/api/transactions").then().statusCode(201).extract().path("id");
    }
}
