// SPDX-License-Identifier: MPL-2.0
package io.zenmq.reliability.lab;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Whether this machine can run the lab tests: root, iproute2, iptables, gcc and the NFQUEUE
 * headers; cgroup v1 controllers. Without them a test is skipped with a loud message, or fails
 * when {@code CI=true} (CI runs as root and installs them in {@code .ci/run}). Stateless.
 */
public final class Privileges {
    private Privileges() {
    }

    /** Skips (or fails under CI) unless network namespaces and faults can be made here. */
    public static void requireNetLab() {
        String missing = "";
        if (!isRoot()) {
            missing += " root";
        }
        for (String tool : new String[] {"ip", "iptables", "tc", "ss", "gcc"}) {
            if (!onPath(tool)) {
                missing += " " + tool;
            }
        }
        if (!Files.exists(Path.of("/usr/include/libnetfilter_queue/libnetfilter_queue.h"))) {
            missing += " libnetfilter-queue-dev";
        }
        require("network-namespace lab", missing);
    }

    /**
     * Skips (or fails under CI) unless a cgroup v1 controller can be used.
     *
     * @param controller e.g. {@code freezer} or {@code memory}
     */
    public static void requireCgroup(String controller) {
        String missing = isRoot() ? "" : " root";
        if (!Files.isDirectory(Path.of("/sys/fs/cgroup", controller))
                || !Files.exists(Path.of("/sys/fs/cgroup", controller, "cgroup.procs"))) {
            missing += " cgroup-v1-" + controller;
        }
        require("cgroup " + controller, missing);
    }

    private static void require(String what, String missing) {
        if (missing.isEmpty()) {
            return;
        }
        String message = "cannot run the " + what + " tests here, missing:" + missing;
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError(message + " (CI=true: these tests must run)");
        }
        System.err.println("SKIPPED: " + message);
        Assumptions.abort(message);
    }

    /** @return whether this process runs as root */
    public static boolean isRoot() {
        try {
            return "0".equals(new String(new ProcessBuilder("id", "-u").start().getInputStream().readAllBytes(),
                    java.nio.charset.StandardCharsets.US_ASCII).trim());
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static boolean onPath(String tool) {
        for (String dir : (System.getenv("PATH") + ":/usr/sbin:/sbin").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
