#!/usr/bin/env bash
# SPDX-License-Identifier: MPL-2.0
# Fuzzes one Jazzer target for a while (docs/reliability.md, "Fuzzing").
#
#   fuzz/run.sh TARGET [SECONDS]      e.g. fuzz/run.sh ZmtpConnectionFuzzTest#hostilePeer 1800
#   fuzz/run.sh --list                the targets
#
# TARGET is Class#method of a @FuzzTest; SECONDS defaults to 600. The growing corpus stays in
# <module>/.cifuzz-corpus/<class>/<method>/ between runs; a finding stops the run, fails it, and
# leaves its input as crash-<sha1> in the module folder or in the class's
# src/test/resources/.../<Class>Inputs/<method>/ folder. Keep it in that folder under a name that
# says what it found (git ignores crash-*): from then on every `mvn verify` replays it.
# Runs at nice 19 with one target per JVM (Jazzer fuzzes one target per JVM). Offline Maven (-o)
# unless FUZZ_ONLINE=1. Extra Maven arguments can go in FUZZ_MAVEN_ARGS. FUZZ_NO_BUILD=1 runs
# Surefire alone on the classes already compiled (after `mvn test-compile`), which saves minutes
# per target on a busy machine when several run in a row.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
targets=(
  "zenmq-core ZmtpConnectionFuzzTest#hostilePeer"
  "zenmq-core FrameDecoderFuzzTest#decode"
  "zenmq-core Z85FuzzTest#decodeAnyText"
  "zenmq-core Z85FuzzTest#encodeAnyBytes"
  "zenmq-core EndpointFuzzTest#parse"
  "zenmq-core SocketOptionFuzzTest#setAnyValue"
  "zenmq-core ZapReplyFuzzTest#parseReply"
  "zenmq-core SocketFuzzTest#nullRouter"
  "zenmq-core SocketFuzzTest#curveServer"
  "zenmq-core SocketFuzzTest#stream"
  "zenmq-cli TextFormatFuzzTest#parseAnyLine"
  "zenmq-cli TextFormatFuzzTest#printedMessagesReadBack"
)

if [[ $# -lt 1 || $1 == -h || $1 == --help ]]; then
  sed -n '3,16p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
if [[ $1 == --list ]]; then
  printf '%s\n' "${targets[@]}" | awk '{print $2}'
  exit 0
fi

target=$1
seconds=${2:-600}
if ! [[ $seconds =~ ^[0-9]+$ ]] || (( seconds < 1 )); then
  echo "SECONDS must be a positive number, not '$seconds'" >&2
  exit 2
fi
module=
for entry in "${targets[@]}"; do
  if [[ ${entry#* } == "$target" ]]; then
    module=${entry%% *}
  fi
done
if [[ -z $module ]]; then
  echo "unknown target '$target'; fuzz/run.sh --list shows them" >&2
  exit 2
fi

offline=-o
[[ ${FUZZ_ONLINE:-0} == 1 ]] && offline=
build=(test -am)
[[ ${FUZZ_NO_BUILD:-0} == 1 ]] && build=(surefire:test)
log=$(mktemp "${TMPDIR:-/tmp}/zenmq-fuzz.XXXXXX")
trap 'echo "log: $log"' EXIT INT TERM

cd "$root"
echo "fuzzing $target in $module for ${seconds}s (log: $log)"
start=$(date +%s)
set +e
# the JUnit timeout must not end the run before Jazzer's own duration does
JAZZER_FUZZ=1 nice -n 19 mvn -B $offline "${build[@]}" -pl "$module" \
  -Dtest="$target" -Dsurefire.failIfNoSpecifiedTests=false \
  -Djazzer.max_duration="${seconds}s" \
  -Djunit.jupiter.execution.timeout.default="$(( seconds + 600 ))s" \
  -Dforbiddenapis.skip=true ${FUZZ_MAVEN_ARGS:-} >"$log" 2>&1
rc=$?
set -e
end=$(date +%s)
# libFuzzer's last status line: "#N DONE cov: ... exec/s: ..." or the finding
grep -E '^#[0-9]+ +(DONE|pulse)|Done [0-9]+ runs|stat::number_of_executed_units|FuzzTestFinding|crash-[0-9a-f]+' "$log" | tail -5 || true
echo "target=$target seconds=$(( end - start )) exit=$rc"
exit $rc
