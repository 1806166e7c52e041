package org.cdcpipeline.notifier.store;

/** The notifier's database failed: an infrastructure problem, never the fault of a change event. */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
