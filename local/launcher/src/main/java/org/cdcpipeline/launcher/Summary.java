package org.cdcpipeline.launcher;

import java.util.Locale;

import org.cdcpipeline.embedded.Ports;
import org.cdcpipeline.embedded.connect.DebeziumConnectorConfig;

/** What a newcomer needs once the pipeline is up: every address, every local credential, and what to try first. */
final class Summary {

    private Summary() {
    }

    static String of(LocalSettings settings, double seconds) {
        LocalSettings.Ports ports = settings.ports();
        String host = Ports.LOOPBACK;
        return String.format(Locale.ROOT, """

                The CDC pipeline is up (%.1f s).

                  PostgreSQL          %s:%d  database %s
                                      application  %s / %s
                                      admin        %s / %s
                                      Debezium     %s / %s
                                      notifier     %s / %s
                  Kafka               %s:%d  change topics bank.public.<table>
                  Kafka Connect       http://%s:%d/connectors/%s/status
                  transaction-writer  http://%s:%d/q/swagger-ui
                  generator           %s
                  notifier            http://%s:%d/api/notifications/recent
                  logs                %s

                Try it:
                  psql "postgresql://%s:%s@%s:%d/%s"
                  ./cdc console-consumer --topic bank.public.transactions --from-beginning

                """,
                seconds,
                host, ports.postgres(), LocalSettings.DATABASE,
                LocalCredentials.APP_USER, LocalCredentials.APP_PASSWORD,
                LocalCredentials.ADMIN_USER, LocalCredentials.ADMIN_PASSWORD,
                LocalCredentials.DEBEZIUM_USER, LocalCredentials.DEBEZIUM_PASSWORD,
                LocalCredentials.NOTIFIER_USER, LocalCredentials.NOTIFIER_PASSWORD,
                host, ports.kafka(),
                host, ports.connect(), DebeziumConnectorConfig.CONNECTOR_NAME,
                host, ports.transactionWriter(),
                settings.generatorRate() > 0
                        ? settings.generatorRate() + " transactions/s (status: curl http://" + host + ":" + ports.transactionWriter() + "/api/generator)"
                        : "off (./cdc up --generate 20)",
                host, ports.notifier(),
                settings.stateDirectory().resolve("logs"),
                LocalCredentials.APP_USER, LocalCredentials.APP_PASSWORD, host, ports.postgres(), LocalSettings.DATABASE);
    }
}
