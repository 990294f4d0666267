/* SPDX-License-Identifier: MPL-2.0
 * curve_thr: libzmq's local_thr/remote_thr with CURVE switched on, so zenmq's CURVE can be
 * timed against libzmq's (bin/zenmq perf does the same with ZENMQ_PERF_CURVE=1).
 *
 *   curve_thr local  BIND_TO    MSG_SIZE MSG_COUNT   PULL, CURVE server; prints throughput
 *   curve_thr remote CONNECT_TO MSG_SIZE MSG_COUNT   PUSH, CURVE client
 *
 * The keys are the published test keys of the zmq_curve(7) manual: for benchmarks only.
 * PERF_CURVE=0 in the environment runs the same tool without security. */
#include <zmq.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *SERVER_PUBLIC = "rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7";
static const char *SERVER_SECRET = "JTKVSB%%)wK0E.X)V>+}o?pNmC{O&4W4b!Ni{Lh6";
static const char *CLIENT_PUBLIC = "Yne@$w-vo<fVvi]a<NY6T1ed:M$fCG*[IaLV{hID";
static const char *CLIENT_SECRET = "D:)Q[IlAW!ahhC2ac:9*A}h:p?([4%wOTJ%JR%cs";

static void die (const char *what)
{
    fprintf (stderr, "error in %s: %s\n", what, zmq_strerror (zmq_errno ()));
    exit (1);
}

static void set_key (void *s, int option, const char *z85)
{
    if (zmq_setsockopt (s, option, z85, 40) != 0)
        die ("zmq_setsockopt");
}

static uint64_t now_us (void)
{
    struct timespec ts;
    clock_gettime (CLOCK_MONOTONIC, &ts);
    return (uint64_t) ts.tv_sec * 1000000u + (uint64_t) ts.tv_nsec / 1000u;
}

int main (int argc, char *argv[])
{
    if (argc != 5 || (strcmp (argv[1], "local") != 0 && strcmp (argv[1], "remote") != 0)) {
        fprintf (stderr, "usage: curve_thr local|remote ENDPOINT MSG_SIZE MSG_COUNT\n");
        return 2;
    }
    int local = strcmp (argv[1], "local") == 0;
    long size = atol (argv[3]);
    long count = atol (argv[4]);
    const char *curve = getenv ("PERF_CURVE");
    int secure = curve == NULL || strcmp (curve, "0") != 0;

    void *ctx = zmq_ctx_new ();
    void *s = zmq_socket (ctx, local ? ZMQ_PULL : ZMQ_PUSH);
    if (secure && local) {
        int on = 1;
        if (zmq_setsockopt (s, ZMQ_CURVE_SERVER, &on, sizeof on) != 0)
            die ("zmq_setsockopt");
        set_key (s, ZMQ_CURVE_SECRETKEY, SERVER_SECRET);
    } else if (secure) {
        set_key (s, ZMQ_CURVE_SERVERKEY, SERVER_PUBLIC);
        set_key (s, ZMQ_CURVE_PUBLICKEY, CLIENT_PUBLIC);
        set_key (s, ZMQ_CURVE_SECRETKEY, CLIENT_SECRET);
    }
    if ((local ? zmq_bind (s, argv[2]) : zmq_connect (s, argv[2])) != 0)
        die (local ? "zmq_bind" : "zmq_connect");

    zmq_msg_t msg;
    if (local) {
        uint64_t start = 0;
        for (long i = 0; i < count; i++) {
            zmq_msg_init (&msg);
            if (zmq_msg_recv (&msg, s, 0) < 0)
                die ("zmq_msg_recv");
            if (i == 0)
                start = now_us ();
            zmq_msg_close (&msg);
        }
        uint64_t elapsed = now_us () - start;
        if (elapsed == 0)
            elapsed = 1;
        double throughput = (double) count / (double) elapsed * 1000000.0;
        printf ("message size: %ld [B]\nmessage count: %ld\n", size, count);
        printf ("mean throughput: %d [msg/s]\n", (int) throughput);
        printf ("mean throughput: %.3f [Mb/s]\n", throughput * (double) size * 8.0 / 1000000.0);
    } else {
        for (long i = 0; i < count; i++) {
            zmq_msg_init_size (&msg, (size_t) size);
            memset (zmq_msg_data (&msg), 0, (size_t) size);
            if (zmq_msg_send (&msg, s, 0) < 0)
                die ("zmq_msg_send");
        }
    }
    int linger = -1;
    zmq_setsockopt (s, ZMQ_LINGER, &linger, sizeof linger);
    zmq_close (s);
    zmq_ctx_term (ctx);
    return 0;
}
