// SPDX-License-Identifier: MPL-2.0
package io.zenmq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class HelpAndVersionTest {
    private static final String[] COMMANDS = {"sock", "proxy", "perf", "bench", "keygen", "help"};

    @Test
    void shouldPrintTheVersionOfTheBuild() {
        CliRun run = CliRun.run("", "--version");

        run.assertOk();
        assertThat(run.out()).matches("zenmq \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n");
    }

    @Test
    void shouldPrintEachCommandsUsageForHelpCommandAndCommandHelp() {
        for (String command : COMMANDS) {
            for (String[] args : new String[][] {{"help", command}, {command, "--help"}, {command, "-h"}}) {
                CliRun run = CliRun.run("", args);
                run.assertOk();
                assertThat(run.out()).as(String.join(" ", args)).startsWith("usage: zenmq " + command);
            }
        }
    }

    @Test
    void shouldListEveryCommandAndTheReferenceInTheGeneralHelp() {
        CliRun run = CliRun.run("", "help");

        run.assertOk();
        for (String command : COMMANDS) {
            assertThat(run.out()).contains("\n  " + command + " ");
        }
        assertThat(run.out()).contains("--version", "--option NAME=VALUE", "keygen [--cert PATH]", "docs/cli.md")
                .doesNotContain("exit 2)\n            roles").doesNotContain("../shared");
    }

    @Test
    void shouldRefuseHelpForUnknownCommands() {
        CliRun.run("", "help", "frobnicate").assertFailure(2, "zenmq: no help for unknown command 'frobnicate'");
        CliRun.run("", "help", "sock", "perf").assertFailure(2, "zenmq: help takes at most one command");
        CliRun.run("", "--version", "x").assertFailure(2, "zenmq: --version takes no arguments");
    }
}
