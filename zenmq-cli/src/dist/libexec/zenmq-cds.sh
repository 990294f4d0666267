# SPDX-License-Identifier: MPL-2.0
# Class-data sharing on JDK 17 and 18 for zenmq's launchers (docs/cli.md, "Class-data sharing"):
# sourced by the distribution's bin/zenmq and by the checkout's bin/zenmq, which set java and
# add_modules first; own_archive sets cds.

# Sets jhome to the JDK of $java and feature to its release (17, 21, ...; empty when unknown), read
# from the JDK's release file rather than by starting a JVM.
find_jdk() {
    if [ -n "${JAVA_HOME-}" ]; then
        jhome=$JAVA_HOME
    else
        feature=
        j=$(command -v java) || return 0
        while [ -h "$j" ]; do
            l=$(readlink "$j" 2>/dev/null || ls -ld -- "$j" | sed 's/^.* -> //')
            case $l in
                /*) j=$l ;;
                *) j=$(dirname -- "$j")/$l ;;
            esac
        done
        jhome=$(dirname -- "$(dirname -- "$j")")
    fi
    feature=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$jhome/release" 2>/dev/null)
}

# JDK 17 and 18 map an archive given by -XX:SharedArchiveFile but only write one at the exit of a
# run with -XX:ArchiveClassesAtExit, so the launcher keeps its own: one per JDK build and set of
# jars. The name carries a checksum of the JDK's place and release file and of the jars' names,
# inodes, sizes and dates (the JVM itself only checks sizes and dates, which a reproducible build
# fixes); a jar newer than the archive makes it stale too. Sets cds when the archive is there;
# otherwise starts a training run in the background (in the foreground with mode "now") unless one
# is under way, and this run goes without. Usage: own_archive PREFIX MODULE_PATH MODE JAR...
own_archive() {
    prefix=$1 mpath=$2 mode=$3
    shift 3
    state=$({ printf '%s\n' "$jhome"; sed '' "$jhome/release"; LC_ALL=C ls -lniL -- "$@"; } 2>/dev/null |
        cksum | cut -d ' ' -f 1)
    jsa=$prefix-$state.jsa
    fresh=
    [ -s "$jsa" ] && fresh=1
    for f; do
        [ "$f" -nt "$jsa" ] && fresh=
    done
    if [ -n "$fresh" ]; then
        cds="-XX:SharedArchiveFile=$jsa -Xshare:auto -Xlog:cds*=off"
        return 0
    fi
    # one training at a time: the lock directory holds the pid of the one under way
    lock=$jsa.lock
    if ! mkdir "$lock" 2>/dev/null; then
        owner=$(sed '' "$lock/pid" 2>/dev/null) || owner=
        if [ -z "$owner" ] || kill -0 "$owner" 2>/dev/null; then
            return 0
        fi
        rm -rf "$lock"                      # left behind by a training that was killed
        mkdir "$lock" 2>/dev/null || return 0
    fi
    if [ "$mode" = now ]; then
        echo $$ >"$lock/pid"
        train "$prefix" "$jsa" "$mpath" </dev/null >/dev/null 2>&1
        rm -rf "$lock"
        [ -s "$jsa" ] && cds="-XX:SharedArchiveFile=$jsa -Xshare:auto -Xlog:cds*=off"
        return 0
    fi
    (
        train "$prefix" "$jsa" "$mpath"
        rm -rf "$lock"
    ) </dev/null >/dev/null 2>&1 &
    { echo $! >"$lock/pid"; } 2>/dev/null
}

# The training run: bench --quick (both ends of every transport in one JVM) at low priority and with
# the first JIT tier only, its archive written under a temporary name and renamed when complete (a
# half-written archive would crash the JVM that maps it); older archives of this prefix go.
train() {
    tmp=$2.$$.tmp
    rm -f "$2".*.tmp
    nice=
    command -v nice >/dev/null 2>&1 && nice="nice -n 19"
    # shellcheck disable=SC2086 # the option lists are split on purpose
    if $nice "$java" -XX:ArchiveClassesAtExit="$tmp" -Xshare:auto -Xlog:cds*=off -XX:TieredStopAtLevel=1 \
        $add_modules -p "$3" -m io.zenmq.cli/io.zenmq.cli.Main bench --quick && [ -s "$tmp" ] &&
        mv -f "$tmp" "$2"; then
        for old in "$1"-*.jsa; do
            [ "$old" = "$2" ] || rm -f "$old"
        done
    fi
    rm -f "$tmp"
}
