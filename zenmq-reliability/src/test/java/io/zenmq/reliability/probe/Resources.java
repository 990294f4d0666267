// SPDX-License-Identifier: MPL-2.0
package io.zenmq.reliability.probe;

/**
 * One reading of what a process could leak.
 *
 * @param fds open sockets, pipes and anonymous inodes (epoll, eventfd); -1 without /proc
 * @param threads live threads (all of them, not only zenmq's)
 * @param heapBytes heap in use after garbage collection (-1 for another process)
 * @param directBytes direct buffer memory in use (-1 for another process)
 * @param directCount direct buffers alive (-1 for another process)
 */
public record Resources(int fds, int threads, long heapBytes, long directBytes, long directCount) {
    /** @return the reading on one line, for logs and the soak's curves */
    @Override
    public String toString() {
        return "fds=" + fds + " threads=" + threads + " heapKiB=" + (heapBytes < 0 ? -1 : heapBytes >> 10)
                + " directKiB=" + (directBytes < 0 ? -1 : directBytes >> 10) + " directBuffers=" + directCount;
    }
}
