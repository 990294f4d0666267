// SPDX-License-Identifier: MPL-2.0
//
// nfqdelay: delay, jitter (hence reordering) and random loss for packets an iptables NFQUEUE
// rule hands to user space. This kernel has no sch_netem; NetLab starts one of these inside a
// lab namespace and sends the receiver's ingress through it.
//
//   nfqdelay QUEUE DELAY_MS JITTER_MS LOSS_PERCENT SEED
//
// Only verdicts are kept here (the packets wait in the kernel's queue). Each packet gets a due
// time of DELAY +/- JITTER (uniform) and a drop decision when it arrives; due packets get their
// verdict in due order. Prints "ready" on stdout once the queue is bound, and on SIGTERM releases
// everything still waiting and prints its counters on stderr.
//
// Build: gcc -O2 -Wall -o nfqdelay nfqdelay.c -lnetfilter_queue
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <arpa/inet.h>
#include <sys/socket.h>
#include <linux/netfilter.h>
#include <libnetfilter_queue/libnetfilter_queue.h>

#define CAPACITY 32768 /* waiting verdicts; a packet arriving when full is dropped (counted) */

struct waiting {
    int64_t due;   /* monotonic ns */
    uint32_t id;
    uint8_t drop;
};

/* kept sorted by due time; arrivals are nearly in order, so insertion from the back is cheap */
static struct waiting queue_[CAPACITY];
static int head_, count_;
static double delay_ns_, jitter_ns_, loss_;
static uint64_t seed_;
static unsigned long arrived_, passed_, dropped_, overflowed_;
static volatile sig_atomic_t stopping_;

static int64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* xorshift64*: seeded, the same draws everywhere */
static double draw(void) {
    seed_ ^= seed_ >> 12;
    seed_ ^= seed_ << 25;
    seed_ ^= seed_ >> 27;
    return (double)((seed_ * 2685821657736338717ULL) >> 11) / (double)(1ULL << 53);
}

static struct waiting *at(int i) { return &queue_[(head_ + i) % CAPACITY]; }

static void enqueue(int64_t due, uint32_t id, int drop) {
    int i = count_++;
    while (i > 0 && at(i - 1)->due > due) {
        *at(i) = *at(i - 1);
        i--;
    }
    at(i)->due = due;
    at(i)->id = id;
    at(i)->drop = (uint8_t)drop;
}

static int on_packet(struct nfq_q_handle *q, struct nfgenmsg *m, struct nfq_data *d, void *unused) {
    (void)m;
    (void)unused;
    struct nfqnl_msg_packet_hdr *hdr = nfq_get_msg_packet_hdr(d);
    if (hdr == NULL) {
        return 0;
    }
    uint32_t id = ntohl(hdr->packet_id);
    arrived_++;
    if (count_ == CAPACITY) {
        overflowed_++;
        return nfq_set_verdict(q, id, NF_DROP, 0, NULL);
    }
    double wait = delay_ns_ + (jitter_ns_ > 0 ? (2 * draw() - 1) * jitter_ns_ : 0);
    enqueue(now_ns() + (int64_t)(wait < 0 ? 0 : wait), id, draw() * 100.0 < loss_);
    return 0;
}

static void release_due(struct nfq_q_handle *q, int all) {
    int64_t now = now_ns();
    while (count_ > 0 && (all || at(0)->due <= now)) {
        struct waiting *w = at(0);
        int drop = w->drop && !all;
        nfq_set_verdict(q, w->id, drop ? NF_DROP : NF_ACCEPT, 0, NULL);
        if (drop) {
            dropped_++;
        } else {
            passed_++;
        }
        head_ = (head_ + 1) % CAPACITY;
        count_--;
    }
}

static void on_term(int sig) {
    (void)sig;
    stopping_ = 1;
}

static int number(const char *text, double max, double *out) {
    char *end;
    errno = 0;
    *out = strtod(text, &end);
    return errno == 0 && end != text && *end == '\0' && *out >= 0 && *out <= max;
}

int main(int argc, char **argv) {
    double queue_num, delay, jitter, seed;
    if (argc != 6 || !number(argv[1], 65535, &queue_num) || !number(argv[2], 60000, &delay)
            || !number(argv[3], 60000, &jitter) || !number(argv[4], 100, &loss_)
            || !number(argv[5], 1e18, &seed)) {
        fprintf(stderr, "usage: nfqdelay QUEUE DELAY_MS JITTER_MS LOSS_PERCENT SEED\n");
        return 2;
    }
    delay_ns_ = delay * 1e6;
    jitter_ns_ = jitter * 1e6;
    seed_ = (uint64_t)seed * 0x9E3779B97F4A7C15ULL + 1;

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_term;
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);

    struct nfq_handle *h = nfq_open();
    if (h == NULL) {
        perror("nfqdelay: nfq_open");
        return 1;
    }
    struct nfq_q_handle *q = nfq_create_queue(h, (uint16_t)queue_num, on_packet, NULL);
    if (q == NULL || nfq_set_mode(q, NFQNL_COPY_META, 0) < 0) {
        perror("nfqdelay: binding the queue");
        return 1;
    }
    nfq_set_queue_maxlen(q, CAPACITY);
    int fd = nfq_fd(h);
    int buffer = 16 << 20; /* bursts of verdict requests must not overflow netlink */
    if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &buffer, sizeof buffer) != 0) {
        setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &buffer, sizeof buffer);
    }
    printf("ready\n");
    fflush(stdout);

    char packet[65536] __attribute__((aligned));
    while (!stopping_) {
        release_due(q, 0);
        int timeout = 50; /* also how soon a SIGTERM is noticed */
        if (count_ > 0) {
            int64_t ms = (at(0)->due - now_ns()) / 1000000;
            timeout = ms < 0 ? 0 : ms < timeout ? (int)ms : timeout;
        }
        struct pollfd p = {fd, POLLIN, 0};
        if (poll(&p, 1, timeout) > 0) {
            ssize_t n;
            while ((n = recv(fd, packet, sizeof packet, MSG_DONTWAIT)) > 0) {
                nfq_handle_packet(h, packet, (int)n);
            }
        }
    }
    release_due(q, 1); /* nothing stays stuck in the kernel queue */
    fprintf(stderr, "nfqdelay: arrived=%lu passed=%lu dropped=%lu overflowed=%lu\n", arrived_, passed_,
            dropped_, overflowed_);
    nfq_destroy_queue(q);
    nfq_close(h);
    return 0;
}
