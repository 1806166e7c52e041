package org.cdcpipeline.embedded;

/**
 * A component could not start for a reason the user can fix. The message says what went wrong
 * and what to do about it; launchers print it as is, without a stack trace.
 */
public class StartupException extends RuntimeException {

    public StartupException(String message) {
        super(message);
    }

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
