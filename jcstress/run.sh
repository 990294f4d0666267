#!/usr/bin/env bash
# SPDX-License-Identifier: MPL-2.0
# Builds zenmq-jcstress/target/jcstress.jar and runs the jcstress concurrency tests of the core's
# lock-free pieces, writing everything under zenmq-jcstress/target/jcstress-results/<time>/:
# output.txt (the console), load.txt (machine load before and after), report/ (jcstress's HTML
# report) and jcstress-results-*.bin.gz. Not run by `mvn verify`: jcstress takes every core for
# minutes. See docs/reliability.md ("Concurrency: jcstress").
set -euo pipefail

usage() {
    cat <<'USAGE'
usage: jcstress/run.sh [sanity|quick|default|tough] [--no-build] [-- JCSTRESS_OPTIONS ...]

  sanity           a few samples per test: checks that every test runs (about 1-2 min per test
                   on a busy 2-core machine); finds only frequent races
  quick            the nightly depth (about 1 min per test on an idle 2-core machine)
  default          jcstress's own default depth
  tough            the weekly depth: many times longer than default
  --no-build       use the jar already built
  -h, --help       this text
Anything after "--" goes to jcstress unchanged, e.g. -- -t 'FrameQueue.*' to select tests
(java -jar zenmq-jcstress/target/jcstress.jar -h lists them all).

The run is niced (NICE, default 10) because jcstress occupies every core. Environment: JAVA
(java binary), MVN (maven binary), OUT (results folder).
Exit status: 0 if no test saw a FORBIDDEN outcome or failed, else non-zero.
USAGE
}

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
java_bin=${JAVA:-java}
mvn_bin=${MVN:-mvn}
niceness=${NICE:-10}

mode=quick
build=1
extra=()
while (($#)); do
    case "$1" in
        sanity|quick|default|tough) mode=$1 ;;
        --no-build) build=0 ;;
        -h|--help) usage; exit 0 ;;
        --) shift; extra+=("$@"); break ;;
        *) echo "run.sh: unknown argument $1 (jcstress options go after --)" >&2; usage >&2; exit 2 ;;
    esac
    shift
done

jar="$root/zenmq-jcstress/target/jcstress.jar"
if ((build)); then
    # only the jar is wanted: no tests, javadoc, sources or second (Error Prone) compile
    "$mvn_bin" -B -q -f "$root/pom.xml" package -pl zenmq-jcstress -am -DskipTests \
        -Dmaven.javadoc.skip -Dmaven.source.skip -Derrorprone.skip -Dforbiddenapis.skip
fi
[[ -f "$jar" ]] || { echo "run.sh: $jar is missing (run without --no-build)" >&2; exit 1; }

out=${OUT:-"$root/zenmq-jcstress/target/jcstress-results/$(date -u +%Y%m%dT%H%M%SZ)-$mode"}
mkdir -p "$out"
load() {
    echo "$1: $(date -u +%Y-%m-%dT%H:%M:%SZ) $(uptime)"
}
load before > "$out/load.txt"
echo "jcstress -m $mode, results in $out"

status=0
# jcstress writes its results blob into the working directory: keep it with the rest
(cd "$out" && nice -n "$niceness" "$java_bin" -jar "$jar" -m "$mode" -r "$out/report" "${extra[@]}") \
    2>&1 | tee "$out/output.txt" || status=$?
load after >> "$out/load.txt"
cat "$out/load.txt"
exit "$status"
