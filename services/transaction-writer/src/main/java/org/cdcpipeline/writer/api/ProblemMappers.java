package org.cdcpipeline.writer.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.cdcpipeline.writer.api.Problem.FieldError;
import org.cdcpipeline.writer.domain.DomainException;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure into an RFC 7807 problem; a client error never becomes a 500. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response domain(DomainException e, UriInfo uri) {
        int status = switch (e.kind()) {
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case UNPROCESSABLE -> 422;
        };
        List<FieldError> errors = e.field().map(field -> List.of(new FieldError(field, e.getMessage()))).orElse(null);
        return problem(status, slug(e.title()), e.title(), e.getMessage(), uri, errors);
    }

    @ServerExceptionMapper
    public Response invalidInput(InvalidInputException e, UriInfo uri) {
        return problem(400, "validation", "Invalid request", e.field() + " " + e.getMessage(), uri,
                List.of(new FieldError(e.field(), e.getMessage())));
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(violation -> new FieldError(field(violation), violation.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        String detail = errors.stream().map(error -> error.field() + " " + error.message()).collect(Collectors.joining("; "));
        return problem(400, "validation", "Invalid request", detail, uri, errors);
    }

    // Listed one by one: Quarkus ships mappers for some of these subtypes, and the most specific mapper wins.
    @ServerExceptionMapper({JsonProcessingException.class, JsonParseException.class, MismatchedInputException.class,
            InvalidFormatException.class, UnrecognizedPropertyException.class})
    public Response unreadableBody(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonParseException || !(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return problem(400, "malformed-json", "Malformed JSON", "The request body is not valid JSON: " + e.getOriginalMessage(), uri,
                    List.of(new FieldError("body", "not valid JSON")));
        }
        String field = mapping.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."));
        String message = switch (mapping) {
            case UnrecognizedPropertyException unknown -> "unknown field";
            case InvalidFormatException invalid when invalid.getTargetType().isEnum() ->
                    "must be one of " + Arrays.toString(invalid.getTargetType().getEnumConstants());
            case InvalidFormatException invalid -> "'" + invalid.getValue() + "' is not a valid " + typeName(invalid.getTargetType());
            default -> "has the wrong type";
        };
        return problem(400, "validation", "Invalid request", field + " " + message, uri, List.of(new FieldError(field, message)));
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response concurrentChange(RuntimeException e, UriInfo uri) {
        return problem(409, "concurrent-change", "Concurrent change",
                "The resource was changed by another request at the same time; read it again and retry", uri, null);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadableBody(unreadable, uri);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        return problem(status.getStatusCode(), slug(status.getReasonPhrase()), status.getReasonPhrase(), e.getMessage(), uri, null);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        LOG.error("Unexpected failure on " + uri.getRequestUri().getRawPath(), e);
        return problem(500, "internal", "Internal error", "The server failed; the error is logged", uri, null);
    }

    private static Response problem(int status, String slug, String title, String detail, UriInfo uri, List<FieldError> errors) {
        Problem problem = new Problem(Problem.type(slug), title, status, detail, uri.getRequestUri().getRawPath(), errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** The JSON property at fault (e.g. {@code amount}); {@code body} when the whole body is (e.g. missing). */
    private static String field(ConstraintViolation<?> violation) {
        List<String> properties = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PROPERTY) {
                properties.add(node.getName());
            }
        }
        return properties.isEmpty() ? "body" : String.join(".", properties);
    }

    private static String typeName(Class<?> type) {
        return switch (type.getSimpleName()) {
            case "BigDecimal", "Integer", "int", "Long", "long", "Double", "double" -> "number";
            case "UUID" -> "UUID";
            case "Instant" -> "ISO-8601 instant";
            default -> type.getSimpleName();
        };
    }

    private static String slug(String title) {
        return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
