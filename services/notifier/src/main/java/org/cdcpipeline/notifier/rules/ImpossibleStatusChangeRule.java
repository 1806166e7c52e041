package org.cdcpipeline.notifier.rules;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.cdcpipeline.events.Operation;
import org.cdcpipeline.events.TransactionStatus;
import org.cdcpipeline.notifier.config.RulesConfig;

/**
 * A status change the transaction lifecycle forbids (e.g. DECLINED → SETTLED), typically made with plain SQL behind
 * the API's back. A status the lifecycle does not know counts as impossible too.
 */
final class ImpossibleStatusChangeRule extends ConfiguredRule<RulesConfig.Toggle> {

    ImpossibleStatusChangeRule(RulesConfig.Toggle config) {
        super("impossible-status-change", "A status change the transaction lifecycle does not allow", config);
    }

    @Override
    public Optional<Finding> evaluate(TransactionChange change) {
        if (change.op() != Operation.UPDATE || change.before() == null) {
            return Optional.empty();
        }
        String from = change.before().status();
        String to = change.after().status();
        if (Objects.equals(from, to) || isAllowed(from, to)) {
            return Optional.empty();
        }
        return Optional.of(new Finding(Severity.CRITICAL, "Impossible status change", Map.of("Status change", from + " → " + to)));
    }

    private static boolean isAllowed(String from, String to) {
        Optional<TransactionStatus> target = TransactionStatus.parse(to);
        return target.isPresent() && TransactionStatus.parse(from).map(status -> status.canMoveTo(target.get())).orElse(false);
    }
}
