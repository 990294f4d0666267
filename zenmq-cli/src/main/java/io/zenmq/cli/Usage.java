// SPDX-License-Identifier: MPL-2.0
package io.zenmq.cli;

import java.util.Map;

/**
 * The texts of {@code zenmq help} and {@code zenmq help COMMAND} (also {@code COMMAND --help}).
 * The full reference is docs/cli.md.
 */
final class Usage {
    static final String SOCK = """
            usage: zenmq sock TYPE ENDPOINTS [OPTIONS]
              one socket: stdin lines out, received messages to stdout

            types: pair pub sub req rep dealer router pull push xpub xsub stream, and the draft
              types server client radio dish scatter gather peer channel dgram
            roles: pub, push send stdin lines; sub, pull print messages; pair, dealer, router, xpub,
              xsub, stream do both; req sends a line and prints its reply; rep prints a request and
              answers with the next line; --echo on rep, router, dealer, pair, stream, server,
              client, peer, channel sends each message back
            per type: router prints the sender's id as the first frame and sends a line to the peer
              its first frame names; stream messages are ID<TAB>DATA, ID<TAB> alone announces a new or
              closed connection (and, as input, closes it); xsub sends 0x01+prefix per --subscribe
              (0x01 if none) and stdin lines unchanged; xpub prints the subscriptions it gets
            draft types: one data frame per message; a line is not split, except that server and
              peer lines start with ID<TAB> (the peer's routing id, 1 to 4294967295), radio and dish
              lines with GROUP<TAB> (1 to 255 bytes), dgram lines with ADDRESS<TAB> (HOST:PORT);
              client, channel, scatter, gather lines are data only. radio, scatter send; dish, gather
              receive; the others do both. dish needs --join GROUP. peer first prints ID<TAB> for
              each endpoint it connects to. A line that cannot go out is dropped with a warning

            endpoints: comma-separated; @ADDR binds, >ADDR connects, a bare ADDR binds for rep, router,
              pub, xpub, pull, server, radio, gather, dgram and connects otherwise (over udp: binds
              for dish, dgram). ADDR: tcp://HOST:PORT (bind: HOST may be *, PORT * or 0), ipc://PATH,
              ipc://@name; radio, dish, dgram: udp://HOST:PORT, udp://*:PORT (bind),
              udp://[IFACE;]GROUP:PORT (multicast); udp needs an explicit port; dgram is udp only

            message text: one line per message, frames separated by TAB (--delim); a frame written as
              0x plus an even number of hex digits stands for those bytes; frames that are not
              printable UTF-8 are printed that way

            options (a value follows as the next argument or after =):
              --delim STR            frame delimiter (default TAB)
              --format text|hex      hex: every frame is plain hex
              -n, --count N          end after N messages received (req: replies, rep: answers)
              -q, --quiet            do not print received messages
              --echo                 rep, router, dealer, pair, stream, server, client, peer,
                                     channel: send every message back
              -s, --subscribe P      sub, xsub: topic prefix, repeatable (default: everything)
              --join GROUP           dish: group to join (1 to 255 bytes), repeatable, required
              --timeout MS           exit 3 after MS without a message
              --delay MS             wait before the first send
              --interval MS          pause between sends
              --identity ID          routing id announced to peers (1 to 255 bytes)
              --sndhwm N, --rcvhwm N queue limits (default 1000, 0 = none)
              --linger MS            time queued messages get to go out at the end (default 2000, -1 = forever)
              --reconnect-ivl MS     reconnect interval (default 100, -1 = never)
              --maxmsgsize BYTES     disconnect peers sending larger messages (default -1 = no limit)
              --conflate             pub, sub, push, pull, dealer: keep only the newest message
              --router-mandatory     router: warn about lines for unknown peers
              --xpub-verbose         xpub: pass on duplicate subscriptions too
              --monitor              socket events on stderr: event: NAME ENDPOINT VALUE
              --heartbeat-ivl MS, --heartbeat-timeout MS   ZMTP heartbeats
              --option NAME=VALUE    any other socket option by its libzmq name, repeatable, applied
                                     last (e.g. tcp_keepalive=1, immediate=1, ipv6=1; times in ms,
                                     flags 1/0, bytes as one frame); unknown name or bad value: exit 2
              --plain-server [--auth USER:PASS]...      PLAIN server (without --auth: anyone)
              --plain-user U --plain-password P         PLAIN client
              --curve-server --curve-secret KEY [--auth-curve KEY]...   CURVE server (without
                                     --auth-curve: any client key)
              --curve-serverkey KEY [--curve-secret KEY] [--curve-public KEY]   CURVE client
                                     (without --curve-secret: a fresh key pair); keys are 40 Z85 chars
            """;

    static final String PERF = """
            usage: zenmq perf MODE ARGS
              libzmq's perf tools over plain endpoints (no @ or >):
              local-thr BIND_TO MSG_SIZE MSG_COUNT         PULL binds, prints throughput
              remote-thr CONNECT_TO MSG_SIZE MSG_COUNT     PUSH connects and sends
              local-lat BIND_TO MSG_SIZE ROUNDTRIP_COUNT   REP binds and echoes
              remote-lat CONNECT_TO MSG_SIZE ROUNDTRIP_COUNT   REQ connects, prints latency
              inproc-thr MSG_SIZE COUNT, inproc-lat MSG_SIZE COUNT   both ends in one process
            """;

    static final String BENCH = """
            usage: zenmq bench [--quick]
              throughput (PUSH->PULL) and latency (REQ<->REP) over inproc, ipc and tcp for 16, 256,
              4096 and 65536-byte messages (--quick: 256 bytes, shorter runs); progress on stderr,
              a markdown table on stdout
            """;

    static final String KEYGEN = """
            usage: zenmq keygen [--cert PATH]
              prints a fresh CURVE key pair: public: KEY, then secret: KEY (40 Z85 characters each);
              --cert PATH also writes it as CZMQ certificate files: PATH (the public key, to hand
              out) and PATH_secret (both keys, owner-only)
            """;

    /** The proxy command's usage (the contract's; the proxy itself lives in its own command). */
    static final String PROXY = """
            usage: zenmq proxy FRONT_TYPE FRONT_ENDPOINTS BACK_TYPE BACK_ENDPOINTS [--capture TYPE ENDPOINTS]
              forwards messages both ways between two sockets until SIGINT or SIGTERM (exit 0);
              bare endpoints follow the type's default, a sub side subscribes to everything,
              xsub/xpub pass subscriptions upstream; --capture adds a socket that gets a copy of
              every message. E.g. proxy router @tcp://*:5559 dealer @tcp://*:5560
            """;

    static final String HELP = """
            usage: zenmq help [COMMAND]
              without COMMAND: all commands; with it: that command's usage (as COMMAND --help)
            """;

    static final String TEXT = """
            usage: zenmq COMMAND [ARGS]

            commands:
              sock TYPE ENDPOINTS [OPTIONS]   one socket: stdin lines out, received messages to stdout
              proxy FRONT_TYPE FRONT_EPS BACK_TYPE BACK_EPS [--capture TYPE EPS]   forward between two sockets
              perf MODE ARGS                  libzmq's perf tools (see below)
              bench [--quick]                 throughput and latency per transport and size
              keygen [--cert PATH]            a fresh CURVE key pair (public:, secret: in Z85)
              help [COMMAND], -h, --help      this text, or one command's usage (also COMMAND --help)
              --version                       the version

            """ + SOCK.substring(SOCK.indexOf('\n') + 1) + "\n" + PERF.replace("usage: zenmq perf MODE ARGS\n",
            "perf modes:\n") + """

            exit status: 0 done, 1 run-time failure, 2 usage error, 3 --timeout expired,
              130/143 ended by SIGINT/SIGTERM

            reference: docs/cli.md in the distribution and the source tree
            """;

    private static final Map<String, String> BY_COMMAND =
            Map.of("sock", SOCK, "perf", PERF, "bench", BENCH, "keygen", KEYGEN, "proxy", PROXY, "help", HELP);

    private Usage() {
    }

    /**
     * Returns a command's usage.
     *
     * @return the text, or null for an unknown command
     */
    static String of(String command) {
        return BY_COMMAND.get(command);
    }
}
