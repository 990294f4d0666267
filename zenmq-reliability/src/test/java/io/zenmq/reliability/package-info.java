// SPDX-License-Identifier: MPL-2.0
/**
 * zenmq's reliability suite: network faults in namespaces the tests create, process faults,
 * leaks, load and the soak. Subpackages: {@code oracle} (what counts as lost, duplicated, torn
 * or corrupt), {@code probe} (resources), {@code lab} (namespaces, cgroups), {@code peer}
 * (child JVMs).
 */
package io.zenmq.reliability;
