// SPDX-License-Identifier: MPL-2.0
/**
 * Runnable example programs written against zenmq's public API: request-reply, publish-subscribe,
 * pipelines, brokers, the pirate reliability patterns, Majordomo, a clone key-value store,
 * CURVE, monitoring and a multithreaded server. {@link io.zenmq.examples.Main} lists them and runs
 * one by name ({@code bin/zenmq-example NAME [ARGS]}).
 */
package io.zenmq.examples;
