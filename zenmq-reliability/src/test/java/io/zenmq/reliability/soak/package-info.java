// SPDX-License-Identifier: MPL-2.0
/** The long run under a seeded nemesis, started by reliability/soak.sh. */
package io.zenmq.reliability.soak;
