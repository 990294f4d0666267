// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.pattern;

import io.zenmq.internal.routing.EndedPipeListener;

/**
 * What a {@link Pattern} may ask of its socket: only to forget a pipe whose peer ended it
 * ({@link EndedPipeListener#pipeEnded}), everywhere including in the pattern
 * ({@link Pattern#terminated}). The options a pattern reads come in {@link PatternOptions}.
 * Socket thread only.
 */
public interface PatternHost extends EndedPipeListener {
}
