// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.routing;

import java.util.Arrays;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A byte-wise prefix tree mapping topics to values, the shared shape of libzmq's {@code trie}
 * and {@code mtrie} (spec patterns.md section 4.1).
 *
 * <p>Each node keeps its children in a dense array over the byte range it has seen
 * ({@code [min, min + next.length)}), so a lookup is one array index per byte and matching a
 * message walks at most its first frame's length. Nodes left with no value and no children are
 * pruned. Socket thread only.
 *
 * @param <V> the value held at a topic
 */
final class PrefixTrie<V> {
    private static final class Node<V> {
        V value;
        int min;
        Node<V>[] next;
        int children;
    }

    private final Node<V> root = new Node<>();

    /**
     * Returns the value at exactly this topic.
     *
     * @param topic the topic
     * @return the value, or null
     */
    V get(byte[] topic) {
        Node<V> node = root;
        for (int i = 0; i < topic.length && node != null; i++) {
            node = child(node, topic[i] & 0xFF);
        }
        return node == null ? null : node.value;
    }

    /**
     * Sets the value at a topic; null removes it (and prunes the nodes no longer needed).
     *
     * @param topic the topic
     * @param value the value, or null
     */
    void put(byte[] topic, V value) {
        if (value == null) {
            remove(root, topic, 0);
            return;
        }
        Node<V> node = root;
        for (byte b : topic) {
            int key = b & 0xFF;
            Node<V> child = child(node, key);
            if (child == null) {
                child = new Node<>();
                link(node, key, child);
            }
            node = child;
        }
        node.value = value;
    }

    /** Removes the topic below {@code node}; returns true if {@code node} became empty. */
    private boolean remove(Node<V> node, byte[] topic, int depth) {
        if (depth == topic.length) {
            node.value = null;
        } else {
            int key = topic[depth] & 0xFF;
            Node<V> child = child(node, key);
            if (child != null && remove(child, topic, depth + 1)) {
                node.next[key - node.min] = null;
                node.children--;
                if (node.children == 0) {
                    node.next = null;
                }
            }
        }
        return node.value == null && node.children == 0 && node != root;
    }

    /**
     * Visits the value of every topic that is a prefix of {@code data} (the empty topic
     * included), shortest first. Allocation-free.
     *
     * @param data the bytes to match, usually a message's first frame
     * @param visitor called once per matching value
     */
    void forEachPrefixOf(byte[] data, Consumer<V> visitor) {
        Node<V> node = root;
        int i = 0;
        while (node != null) {
            if (node.value != null) {
                visitor.accept(node.value);
            }
            if (i == data.length) {
                return;
            }
            node = child(node, data[i++] & 0xFF);
        }
    }

    /**
     * Tells whether some topic is a prefix of {@code data}.
     *
     * @param data the bytes to match
     * @return true on a match
     */
    boolean hasPrefixOf(byte[] data) {
        Node<V> node = root;
        int i = 0;
        while (node != null) {
            if (node.value != null) {
                return true;
            }
            if (i == data.length) {
                return false;
            }
            node = child(node, data[i++] & 0xFF);
        }
        return false;
    }

    /**
     * Visits every topic and its value. The visitor must not change the trie.
     *
     * @param visitor called with a fresh copy of each topic
     */
    void forEach(BiConsumer<byte[], V> visitor) {
        walk(root, new byte[16], 0, visitor);
    }

    private void walk(Node<V> node, byte[] path, int depth, BiConsumer<byte[], V> visitor) {
        if (node.value != null) {
            visitor.accept(Arrays.copyOf(path, depth), node.value);
        }
        if (node.next == null) {
            return;
        }
        byte[] buffer = depth < path.length ? path : Arrays.copyOf(path, path.length * 2);
        for (int i = 0; i < node.next.length; i++) {
            Node<V> child = node.next[i];
            if (child != null) {
                buffer[depth] = (byte) (node.min + i);
                walk(child, buffer, depth + 1, visitor);
            }
        }
    }

    private static <V> Node<V> child(Node<V> node, int key) {
        Node<V>[] next = node.next;
        if (next == null) {
            return null;
        }
        int index = key - node.min;
        return index >= 0 && index < next.length ? next[index] : null;
    }

    @SuppressWarnings("unchecked")
    private static <V> void link(Node<V> node, int key, Node<V> child) {
        if (node.next == null) {
            node.min = key;
            node.next = (Node<V>[]) new Node<?>[1];
        } else if (key < node.min) {
            Node<V>[] grown = (Node<V>[]) new Node<?>[node.next.length + node.min - key];
            System.arraycopy(node.next, 0, grown, node.min - key, node.next.length);
            node.next = grown;
            node.min = key;
        } else if (key - node.min >= node.next.length) {
            node.next = Arrays.copyOf(node.next, key - node.min + 1);
        }
        node.next[key - node.min] = child;
        node.children++;
    }
}
