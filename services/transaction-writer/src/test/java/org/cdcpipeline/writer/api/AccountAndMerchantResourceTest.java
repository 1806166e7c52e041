package org.cdcpipeline.writer.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.cdcpipeline.writer.EmbeddedPostgresResource;
import org.iban4j.CountryCode;
import org.iban4j.Iban;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class AccountAndMerchantResourceTest {

    @Test
    void opensAnAccountAndReadsItBack() {
        String iban = Iban.random(CountryCode.FR).toString();
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("ownerName", "Marie Curie", "iban", iban, "homeCountry", "FR", "currency", "EUR"))
                .post("/api/accounts").then().statusCode(201).body("status", equalTo("ACTIVE"), "version", equalTo(0))
                .extract().path("id");
        given().get("/api/accounts/" + id).then().statusCode(200).body("iban", equalTo(iban), "ownerName", equalTo("Marie Curie"));
        given().queryParam("size", 500).get("/api/accounts").then().statusCode(200)
                .body("items.id", hasItem(id), "total", greaterThanOrEqualTo(1));
    }

    @Test
    void aSecondAccountWithTheSameIbanIsAConflict() {
        Map<String, String> body = Map.of("ownerName", "A", "iban", Iban.random(CountryCode.NL).toString(), "homeCountry", "NL", "currency", "EUR");
        given().contentType(ContentType.JSON).body(body).post("/api/accounts").then().statusCode(201);
        given().contentType(ContentType.JSON).body(body).post("/api/accounts").then().statusCode(409)
                .contentType("application/problem+json").body("errors.field", contains("iban"));
    }

    @Test
    void invalidAccountsAreRefusedNamingEachField() {
        given().contentType(ContentType.JSON)
                .body(Map.of("ownerName", " ", "iban", "DE89370400440532013001", "homeCountry", "XX", "currency", "EURO"))
                .post("/api/accounts").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("currency", "homeCountry", "iban", "ownerName"));
    }

    @Test
    void registersAMerchantWithTheCategorysCodeByDefault() {
        String id = given().contentType(ContentType.JSON).body(Map.of("name", "Skyways", "category", "AIRLINE", "country", "IE"))
                .post("/api/merchants").then().statusCode(201).body("mcc", equalTo("4511")).extract().path("id");
        given().get("/api/merchants/" + id).then().statusCode(200).body("category", equalTo("AIRLINE"), "country", equalTo("IE"));
        given().get("/api/merchants").then().statusCode(200).body("items.id", hasItem(id));
    }

    @Test
    void invalidMerchantsAreRefusedNamingEachField() {
        given().contentType(ContentType.JSON).body(Map.of("name", "X", "category", "SPACESHIPS", "country", "DE"))
                .post("/api/merchants").then().statusCode(400).body("errors.field", contains("category"));
        given().contentType(ContentType.JSON).body(Map.of("name", "X", "category", "TAXI", "mcc", "12", "country", "de"))
                .post("/api/merchants").then().statusCode(400).body("errors.field", contains("country", "mcc"));
    }

    @Test
    void unknownIdsAreNotFound() {
        given().get("/api/accounts/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        given().get("/api/merchants/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        given().get("/api/merchants/42").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void openApiAndSwaggerUiAreServed() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/transactions/{id}/decline"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
