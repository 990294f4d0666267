// SPDX-License-Identifier: MPL-2.0
package io.zenmq.cli;

import io.zenmq.ZmqException;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Entry point of {@code bin/zenmq}: dispatches to a command and turns every failure into one
 * {@code zenmq: } line on stderr and an exit status (cli.md, "Exit status"). Never prints a stack
 * trace.
 */
public final class Main {
    private Main() {
    }

    /**
     * Runs the command line and exits with its status.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int status = run(args, System.in, out, err);
        out.flush();
        err.flush();
        System.exit(status);
    }

    /**
     * Runs one command with the given standard streams.
     *
     * @return the exit status
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        try {
            return dispatch(Arrays.asList(args), in, out, err);
        } catch (CliException e) {
            out.flush();
            err.println("zenmq: " + e.getMessage());
            return e.exitCode();
        } catch (Throwable e) {
            out.flush();
            err.println("zenmq: " + describe(e));
            return CliException.FAILURE;
        } finally {
            err.flush();
        }
    }

    private static int dispatch(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            throw CliException.usage("missing command (try zenmq help)");
        }
        String command = args.get(0);
        List<String> rest = args.subList(1, args.size());
        if (rest.size() == 1 && (rest.get(0).equals("--help") || rest.get(0).equals("-h"))
                && Usage.of(command) != null) {
            return print(out, Usage.of(command));
        }
        switch (command) {
            case "help", "-h", "--help" -> {
                return help(rest, out);
            }
            case "--version" -> {
                if (!rest.isEmpty()) {
                    throw CliException.usage("--version takes no arguments");
                }
                return print(out, "zenmq " + Version.get() + "\n");
            }
            case "sock" -> {
                return SockCommand.run(rest, in, out, err);
            }
            case "perf" -> {
                return PerfCommand.run(rest, out);
            }
            case "bench" -> {
                return BenchCommand.run(rest, out, err);
            }
            case "keygen" -> {
                return KeygenCommand.run(rest, out);
            }
            case "proxy" -> {
                return ProxyCommand.run(rest, out, err);
            }
            default -> throw CliException.usage("unknown command '" + command + "' (try zenmq help)");
        }
    }

    /** {@code help}: everything; {@code help COMMAND}: that command's usage. */
    private static int help(List<String> rest, PrintStream out) {
        if (rest.isEmpty()) {
            return print(out, Usage.TEXT);
        }
        String text = rest.size() == 1 ? Usage.of(rest.get(0)) : null;
        if (text == null) {
            throw CliException.usage(rest.size() == 1 ? "no help for unknown command '" + rest.get(0) + "'"
                    : "help takes at most one command");
        }
        return print(out, text);
    }

    private static int print(PrintStream out, String text) {
        out.print(text);
        out.flush();
        return 0;
    }

    /** A one-line description of an unexpected exception. */
    static String describe(Throwable e) {
        String message = e.getMessage();
        String text;
        if (e instanceof ZmqException z) {
            text = message == null || message.isEmpty() ? z.code().text() : message;
        } else if (e instanceof CliException) {
            text = message;
        } else {
            text = message == null || message.isEmpty() ? e.getClass().getSimpleName()
                    : e.getClass().getSimpleName() + ": " + message;
        }
        return text.replaceAll("[\\r\\n]+", " ").strip();
    }
}
