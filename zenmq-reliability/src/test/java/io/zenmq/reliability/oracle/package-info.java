// SPDX-License-Identifier: MPL-2.0
/** What counts as lost, duplicated, unexpected, reordered, torn or corrupt: the stamped test message (Stamp), the checker (SeqChecker) and its verdict. */
package io.zenmq.reliability.oracle;
