// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.routing;

import java.util.ArrayList;
import java.util.List;

/**
 * The members of a round-robin helper ({@link FairQueue}, {@link LoadBalancer}) in one list: the
 * active ones in {@code [0, activeCount)}, the others after them. A member crosses the split by one
 * swap with the first inactive or the last active slot, as libzmq's {@code fq} and {@code lb} do,
 * so that waking or setting aside one of a thousand peers neither searches nor shifts the others.
 * The owner keeps each member's index where it can find it without a search (a field, a map
 * entry); this class tells it every move. Owned by the owner's thread.
 *
 * @param <T> the member type
 */
final class ActiveSplit<T> {
    /** Where the owner keeps a member's index. */
    interface Slots<T> {
        /**
         * Notes that a member now sits at {@code index}.
         *
         * @param member the member moved
         * @param index its new index
         */
        void moved(T member, int index);
    }

    private final List<T> members = new ArrayList<>();
    private final Slots<T> slots;
    private int activeCount;

    ActiveSplit(Slots<T> slots) {
        this.slots = slots;
    }

    /** @return how many members are active: they sit in {@code [0, activeCount())} */
    int activeCount() {
        return activeCount;
    }

    T get(int index) {
        return members.get(index);
    }

    /** Adds a member, active, behind the active ones. */
    void addActive(T member) {
        slots.moved(member, members.size());
        members.add(member);
        swap(members.size() - 1, activeCount++);
    }

    /** Makes the member at {@code index} active, behind the active ones, if it is not already. */
    void activate(int index) {
        if (index >= activeCount) {
            swap(index, activeCount++);
        }
    }

    /**
     * Moves the active member at {@code index} behind the active ones, by a swap with the last
     * active member.
     *
     * @return where that last active member was: a turn pointing there now belongs at {@code index}
     */
    int deactivate(int index) {
        int lastActive = --activeCount;
        swap(index, lastActive);
        return lastActive;
    }

    /** Takes the inactive member at {@code index} out for good. */
    void removeInactive(int index) {
        int last = members.size() - 1;
        swap(index, last);
        members.remove(last);
    }

    private void swap(int i, int j) {
        if (i != j) {
            T a = members.get(i);
            T b = members.get(j);
            members.set(i, b);
            members.set(j, a);
            slots.moved(b, i);
            slots.moved(a, j);
        }
    }
}
