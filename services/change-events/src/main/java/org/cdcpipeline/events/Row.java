package org.cdcpipeline.events;

import java.util.UUID;

/**
 * A row of a captured table. Only the primary key is required: a column that is absent from the
 * event (dropped, or excluded from capture) reads as null, and unknown columns are ignored.
 */
public interface Row {

    UUID id();
}
