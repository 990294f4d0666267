// SPDX-License-Identifier: MPL-2.0
/** A fresh project using zenmq, as a user would write it. */
module consumer {
    requires io.zenmq;
}
