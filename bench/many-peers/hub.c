// SPDX-License-Identifier: MPL-2.0
// The libzmq hub of bench/many-peers (the zenmq one is Hub.java, doing the same).
//   hub pub SIZE SECONDS   binds a PUB on tcp://127.0.0.1:*, prints "endpoint <ep>", waits for a line on
//                          stdin, publishes SIZE-byte messages as fast as it can for SECONDS, prints
//                          "sent <messages> <seconds>", closes (lingering until its queues are sent)
//   hub push SIZE SECONDS  the same with a PUSH, whose sends wait while every peer's queue is full
//   hub router             binds a ROUTER, prints "endpoint <ep>", echoes every message to its sender
//                          until it is killed
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zmq.h>

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    int pub = argc > 1 && strcmp(argv[1], "pub") == 0;
    int push = argc > 1 && strcmp(argv[1], "push") == 0;
    void *ctx = zmq_ctx_new();
    void *s = zmq_socket(ctx, pub ? ZMQ_PUB : push ? ZMQ_PUSH : ZMQ_ROUTER);
    if (zmq_bind(s, "tcp://127.0.0.1:*") != 0) {
        perror("bind");
        return 1;
    }
    char ep[256];
    size_t len = sizeof ep;
    zmq_getsockopt(s, ZMQ_LAST_ENDPOINT, ep, &len);
    printf("endpoint %s\n", ep);
    fflush(stdout);
    if (pub || push) {
        size_t size = (size_t) atoi(argv[2]);
        double seconds = atof(argv[3]);
        char line[64];
        if (!fgets(line, sizeof line, stdin)) {
            return 1;
        }
        char *body = calloc(size, 1);
        uint64_t sent = 0;
        double start = now(), end = start + seconds, t = start;
        while (t < end) {
            for (int i = 0; i < 256; i++) {
                zmq_send(s, body, size, 0);
            }
            sent += 256;
            t = now();
        }
        printf("sent %llu %.3f\n", (unsigned long long) sent, t - start);
        fflush(stdout);
    } else {
        zmq_msg_t id, body;
        zmq_msg_init(&id);
        zmq_msg_init(&body);
        for (;;) {
            if (zmq_msg_recv(&id, s, 0) < 0 || zmq_msg_recv(&body, s, 0) < 0) {
                break;
            }
            zmq_msg_send(&id, s, ZMQ_SNDMORE);
            zmq_msg_send(&body, s, 0);
        }
    }
    zmq_close(s);
    zmq_ctx_term(ctx);
    return 0;
}
