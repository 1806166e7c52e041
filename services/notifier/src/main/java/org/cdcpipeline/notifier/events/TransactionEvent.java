package org.cdcpipeline.notifier.events;

import org.cdcpipeline.events.ChangeEvent;
import org.cdcpipeline.events.EventIdentity;
import org.cdcpipeline.events.TransactionRow;

/** A well-formed change of a transaction, with the identity its notifications' ids derive from. */
public record TransactionEvent(ChangeEvent<TransactionRow> change, EventIdentity identity) {}
