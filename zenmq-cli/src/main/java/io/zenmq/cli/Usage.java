// SPDX-License-Identifier: MPL-2.0
package io.zenmq.cli;

/** The text of {@code zenmq help}. */
final class Usage {
    static final String TEXT = """
            usage: zenmq COMMAND [ARGS]

            commands:
              sock TYPE ENDPOINTS [OPTIONS]   one socket: stdin lines out, received messages to stdout
              perf MODE ARGS                  libzmq's perf tools (see below)
              bench [--quick]                 throughput and latency per transport and size
              help, -h, --help                this text
              keygen                          a fresh CURVE key pair (public:, secret: in Z85)
              proxy                           not supported yet

            sock types: pair pub sub req rep dealer router pull push xpub xsub stream
              (those the library does not implement yet exit 2)
            roles: pub, push send stdin lines; sub, pull print messages; pair, dealer, router, xpub,
              xsub, stream do both; req sends a line and prints its reply; rep prints a request and
              answers with the next line; --echo on rep, router, dealer, pair, stream sends each
              message back
            per type: router prints the sender's id as the first frame and sends a line to the peer
              its first frame names; stream messages are ID<TAB>DATA, ID<TAB> alone announces a new or
              closed connection (and, as input, closes it); xsub sends 0x01+prefix per --subscribe
              (0x01 if none) and stdin lines unchanged; xpub prints the subscriptions it gets

            endpoints: comma-separated; @ADDR binds, >ADDR connects, a bare ADDR binds for rep, router,
              pub, xpub and pull and connects otherwise. ADDR: tcp://HOST:PORT (bind: HOST may be *, PORT * or 0),
              ipc://PATH, ipc://@name

            message text: one line per message, frames separated by TAB (--delim); a frame written as
              0x plus an even number of hex digits stands for those bytes; frames that are not
              printable UTF-8 are printed that way

            sock options (a value follows as the next argument or after =):
              --delim STR            frame delimiter (default TAB)
              --format text|hex      hex: every frame is plain hex
              -n, --count N          end after N messages received (req: replies, rep: answers)
              -q, --quiet            do not print received messages
              --echo                 rep, router, dealer, pair, stream: send every message back
              -s, --subscribe P      sub, xsub: topic prefix, repeatable (default: everything)
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
              --plain-server [--auth USER:PASS]...      PLAIN server (without --auth: anyone)
              --plain-user U --plain-password P         PLAIN client
              --curve-server --curve-secret KEY [--auth-curve KEY]...   CURVE server (without
                                     --auth-curve: any client key)
              --curve-serverkey KEY [--curve-secret KEY] [--curve-public KEY]   CURVE client
                                     (without --curve-secret: a fresh key pair); keys are 40 Z85 chars

            perf modes (plain endpoints):
              local-thr BIND_TO MSG_SIZE MSG_COUNT         PULL binds, prints throughput
              remote-thr CONNECT_TO MSG_SIZE MSG_COUNT     PUSH connects and sends
              local-lat BIND_TO MSG_SIZE ROUNDTRIP_COUNT   REP binds and echoes
              remote-lat CONNECT_TO MSG_SIZE ROUNDTRIP_COUNT   REQ connects, prints latency
              inproc-thr MSG_SIZE COUNT, inproc-lat MSG_SIZE COUNT   both ends in one process

            exit status: 0 done, 1 run-time failure, 2 usage error, 3 --timeout expired,
              130/143 ended by SIGINT/SIGTERM
            """;

    private Usage() {
    }
}
