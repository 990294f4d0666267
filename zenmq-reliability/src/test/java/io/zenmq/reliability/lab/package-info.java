// SPDX-License-Identifier: MPL-2.0
/** What the tests change to make faults: two network namespaces with a veth pair and their faults (NetLab, nfqdelay), cgroup v1 groups (Cgroup), and the check that this host allows them (Privileges). */
package io.zenmq.reliability.lab;
