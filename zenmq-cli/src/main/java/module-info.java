// SPDX-License-Identifier: MPL-2.0
/**
 * The zenmq command-line tool ({@code bin/zenmq}): sock, perf and bench. It uses only the public
 * {@code io.zenmq} API, which compiling this module proves sufficient.
 */
module io.zenmq.cli {
    requires io.zenmq;
}
