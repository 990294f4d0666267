#!/usr/bin/env bash
# SPDX-License-Identifier: MPL-2.0
# The cipher under CURVE, alone: libsodium's crypto_secretbox (secretbox_speed.c, built here; needs
# libsodium-dev) and zenmq's SecretBox (JMH SecretBoxBenchmark), at 16 B and 64 KiB, one after the
# other on the same machine. Usage: bench/curve/secretbox.sh [ROUNDS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
rounds=${1:-3}
tool=$(mktemp -d)/secretbox_speed
trap 'rm -rf "$(dirname "$tool")"' EXIT
cc -O2 -Wall -Wextra -o "$tool" "$here/secretbox_speed.c" -lsodium
for size in 16 65536; do
    "$tool" "$size" "$rounds"
done
jar=$root/zenmq-jmh/target/benchmarks.jar
if [ ! -f "$jar" ]; then
    echo "zenmq's side needs the JMH jar: mvn -B -q package -DskipTests -pl zenmq-core,zenmq-jmh -am" >&2
    exit 1
fi
java -jar "$jar" SecretBoxBenchmark.zenmq -p size=16,65536 -f 1 -wi 3 -i 5
