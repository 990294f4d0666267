// SPDX-License-Identifier: MPL-2.0
package io.zenmq.reliability;

/**
 * The one knob for every scenario's size: {@code -Dzenmq.test.scale=ci} (the default, what CI
 * runs) or {@code full} (the nightly sizes of the plan). Stateless.
 */
public final class Scale {
    private Scale() {
    }

    /** @return whether the full sizes were asked for */
    public static boolean full() {
        return "full".equals(System.getProperty("zenmq.test.scale", "ci"));
    }

    /**
     * @param ci the size in CI
     * @param full the full size
     * @return the size for this run
     */
    public static long pick(long ci, long full) {
        return full() ? full : ci;
    }

    /**
     * @param ci the size in CI
     * @param full the full size
     * @return the size for this run
     */
    public static int pick(int ci, int full) {
        return full() ? full : ci;
    }
}
