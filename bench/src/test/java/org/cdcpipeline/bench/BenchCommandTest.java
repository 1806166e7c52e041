package org.cdcpipeline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line: issue 5's short command, the defaults, and values it refuses. */
class BenchCommandTest {

    private static BenchOptions parse(String... args) {
        BenchCommand command = new BenchCommand();
        BenchCommand.commandLine(command).parseArgs(args);
        return command.options();
    }

    @Test
    void byDefaultBothGroupsOfScenariosRunWithTheIssuesRatesAndBacklog() {
        BenchOptions options = parse();

        assertThat(options.scenarios()).containsExactlyInAnyOrder(Scenario.PIPELINE, Scenario.NOTIFIER);
        assertThat(options.notifier().rates()).containsExactly(100, 1000);
        assertThat(options.notifier().backlog()).isEqualTo(100_000);
        assertThat(options.notifier().decisionHeadlineRate()).isEqualTo(1000);
        assertThat(options.notifier().slackHeadlineRate()).isEqualTo(100);
    }

    @Test
    void theNotifierScenariosRunAloneWithAnotherBuildOfTheNotifier() {
        BenchOptions options = parse("--scenarios", "notifier", "--notifier-app", "/tmp/some-notifier", "--notifier-rates", "200,50");

        assertThat(options.scenarios()).isEqualTo(Set.of(Scenario.NOTIFIER));
        assertThat(options.notifier().app()).isEqualTo(Path.of("/tmp/some-notifier"));
        assertThat(options.notifier().rates()).isEqualTo(List.of(200, 50));
        assertThat(options.notifier().decisionHeadlineRate()).as("the lowest, without 1,000").isEqualTo(50);
    }

    @Test
    void flaggedRowsAreSpreadSoThatAboutTheAskedNumberPerSecondAreFlagged() {
        NotifierOptions notifier = parse("--notifier-alerts-per-s", "0.8").notifier();

        assertThat(notifier.flagEvery(100)).isEqualTo(125);
        assertThat(notifier.flagEvery(1000)).isEqualTo(1250);
    }

    @Test
    void moreFlaggedRowsPerSecondThanRowsIsRefused() {
        assertThatThrownBy(() -> parse("--notifier-rates", "10", "--notifier-alerts-per-s", "20"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("--notifier-alerts-per-s");
    }

    @Test
    void anUnknownScenarioIsRefused() {
        assertThatThrownBy(() -> parse("--scenarios", "slack"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("slack");
    }
}
