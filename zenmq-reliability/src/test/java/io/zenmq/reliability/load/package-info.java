// SPDX-License-Identifier: MPL-2.0
/** Many connections, the descriptor limit, and memory-limited peers (L6, W4). */
package io.zenmq.reliability.load;
