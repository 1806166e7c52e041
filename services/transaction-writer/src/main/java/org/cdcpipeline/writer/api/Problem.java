package org.cdcpipeline.writer.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 7807 problem detail ({@code application/problem+json}); {@code errors} names each field at fault.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record FieldError(String field, String message) {
    }

    /** A problem type URI per kind of error, e.g. {@code urn:cdc-pipeline:problem:validation}. */
    static String type(String slug) {
        return "urn:cdc-pipeline:problem:" + slug;
    }
}
