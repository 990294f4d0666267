// SPDX-License-Identifier: MPL-2.0
// The 1 000 peers of bench/many-peers: raw ZMTP 3.1 NULL connections driven by one thread over
// epoll, so the peers cost a fraction of what the hub under test costs (no library, no copies:
// frames are parsed in place and their bodies skipped).
//
//   peers sub HOST PORT N                  N SUBs subscribed to everything; prints "ready" once every
//                                          connection has the hub's READY, then counts messages until
//                                          every connection is closed (or nothing came for 10 s)
//   peers pull HOST PORT N                 N PULLs; as sub, without a subscription
//   peers dealer HOST PORT N WINDOW SECS   N DEALERs, each keeping WINDOW 16-byte requests in flight
//                                          (one more per reply) for SECS seconds
//
// Prints one line "sub|pull|dealer total=<messages> min=<least per peer> max=<most per peer>
// secs=<s> rate=<messages/s>"; for sub and pull the seconds run from the first message received to
// the last.
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define GREETING 64
#define REQUEST 18 /* flags, size, 16-byte body */

struct conn {
    int fd;
    int greeting_left;    /* bytes of the hub's greeting still to skip */
    int header_have;      /* bytes of the current frame header read so far */
    int header_need;      /* 2 (short frame) or 9 (long frame) */
    uint8_t header[9];
    uint64_t body_left;   /* bytes of the current frame body still to skip */
    int in_body;
    int handshaken;       /* the hub's READY arrived */
    int closed;
    uint64_t messages;
    uint64_t owed_bytes;  /* request bytes still to write (dealer) */
    uint64_t written;     /* request bytes written so far (keeps frames aligned on partial writes) */
};

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void die(const char *what) {
    perror(what);
    exit(1);
}

/* greeting + READY (Socket-Type) */
static size_t hello(uint8_t *out, const char *type) {
    size_t n = 0;
    memset(out, 0, GREETING);
    out[0] = 0xff;
    out[9] = 0x7f;
    out[10] = 3;
    out[11] = 1;
    memcpy(out + 12, "NULL", 4);
    n = GREETING;
    size_t tlen = strlen(type);
    size_t body = 6 + 1 + 11 + 4 + tlen;
    out[n++] = 0x04;
    out[n++] = (uint8_t) body;
    out[n++] = 5;
    memcpy(out + n, "READY", 5);
    n += 5;
    out[n++] = 11;
    memcpy(out + n, "Socket-Type", 11);
    n += 11;
    out[n++] = 0;
    out[n++] = 0;
    out[n++] = 0;
    out[n++] = (uint8_t) tlen;
    memcpy(out + n, type, tlen);
    n += tlen;
    return n;
}

static void frame_end(struct conn *c) {
    uint8_t flags = c->header[0];
    if (flags & 0x04) {
        c->handshaken = 1; /* READY (or a later command: PING, ...) */
    } else if (!(flags & 0x01)) {
        c->messages++;
    }
}

/* Parses what arrived in place; returns the number of whole messages in it. */
static uint64_t parse(struct conn *c, const uint8_t *p, size_t n) {
    uint64_t before = c->messages;
    while (n > 0) {
        if (c->greeting_left > 0) {
            size_t k = n < (size_t) c->greeting_left ? n : (size_t) c->greeting_left;
            c->greeting_left -= (int) k;
            p += k;
            n -= k;
        } else if (c->in_body) {
            size_t k = n < c->body_left ? n : (size_t) c->body_left;
            c->body_left -= k;
            p += k;
            n -= k;
            if (c->body_left == 0) {
                c->in_body = 0;
                frame_end(c);
            }
        } else {
            if (c->header_have == 0) {
                c->header_need = (p[0] & 0x02) ? 9 : 2;
            }
            c->header[c->header_have++] = *p++;
            n--;
            if (c->header_have == c->header_need) {
                uint64_t size = 0;
                for (int i = 1; i < c->header_need; i++) {
                    size = (size << 8) | c->header[i];
                }
                c->header_have = 0;
                if (size == 0) {
                    frame_end(c);
                } else {
                    c->body_left = size;
                    c->in_body = 1;
                }
            }
        }
    }
    return c->messages - before;
}

static uint8_t requests[REQUEST * 1024];

/* Writes what the dealer owes, frame-aligned across partial writes. */
static void flush_requests(struct conn *c) {
    while (c->owed_bytes > 0) {
        size_t offset = c->written % REQUEST;
        size_t len = sizeof requests - offset;
        if (len > c->owed_bytes) {
            len = c->owed_bytes;
        }
        ssize_t w = write(c->fd, requests + offset, len);
        if (w < 0) {
            if (errno == EAGAIN) {
                return;
            }
            die("write");
        }
        c->written += (uint64_t) w;
        c->owed_bytes -= (uint64_t) w;
    }
}

int main(int argc, char **argv) {
    if (argc < 5) {
        fprintf(stderr, "usage: peers sub|pull HOST PORT N | peers dealer HOST PORT N WINDOW SECONDS\n");
        return 2;
    }
    int dealer = strcmp(argv[1], "dealer") == 0;
    int pull = strcmp(argv[1], "pull") == 0;
    int n = atoi(argv[4]);
    int window = dealer ? atoi(argv[5]) : 0;
    double seconds = dealer ? atof(argv[6]) : 0;
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons((uint16_t) atoi(argv[3]))};
    if (inet_pton(AF_INET, argv[2], &addr.sin_addr) != 1) {
        die("address");
    }
    for (size_t i = 0; i < sizeof requests; i += REQUEST) {
        requests[i] = 0;
        requests[i + 1] = 16;
        memset(requests + i + 2, 'r', 16);
    }
    uint8_t greeting[256];
    size_t greeting_len = hello(greeting, dealer ? "DEALER" : pull ? "PULL" : "SUB");
    struct conn *conns = calloc((size_t) n, sizeof *conns);
    int ep = epoll_create1(0);
    for (int i = 0; i < n; i++) {
        int fd = socket(AF_INET, SOCK_STREAM, 0);
        if (fd < 0) {
            die("socket");
        }
        int one = 1;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        if (connect(fd, (struct sockaddr *) &addr, sizeof addr) < 0) {
            die("connect");
        }
        if (write(fd, greeting, greeting_len) != (ssize_t) greeting_len) {
            die("greeting");
        }
        fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
        conns[i].fd = fd;
        conns[i].greeting_left = GREETING;
        struct epoll_event ev = {.events = EPOLLIN, .data.u32 = (uint32_t) i};
        if (epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev) < 0) {
            die("epoll_ctl");
        }
    }
    static uint8_t buf[1 << 16];
    struct epoll_event events[256];
    int handshaken = 0, open = n, started = 0;
    double first = 0, last = 0, start = 0, deadline = 0;
    uint64_t total = 0;
    for (;;) {
        int timeout = 1000;
        if (started && dealer) {
            double left = deadline - now();
            if (left <= 0) {
                break;
            }
            timeout = (int) (left * 1000) + 1;
        }
        int k = epoll_wait(ep, events, 256, timeout);
        if (k < 0) {
            if (errno == EINTR) {
                continue;
            }
            die("epoll_wait");
        }
        if (k == 0 && !dealer && first > 0 && now() - last > 10) {
            break; /* the hub went quiet without closing */
        }
        for (int e = 0; e < k; e++) {
            struct conn *c = &conns[events[e].data.u32];
            if (events[e].events & EPOLLOUT) {
                flush_requests(c);
                if (c->owed_bytes == 0) {
                    struct epoll_event ev = {.events = EPOLLIN, .data.u32 = events[e].data.u32};
                    epoll_ctl(ep, EPOLL_CTL_MOD, c->fd, &ev);
                }
            }
            if (!(events[e].events & (EPOLLIN | EPOLLHUP | EPOLLERR))) {
                continue;
            }
            ssize_t r = read(c->fd, buf, sizeof buf);
            if (r <= 0) {
                if (r < 0 && errno == EAGAIN) {
                    continue;
                }
                epoll_ctl(ep, EPOLL_CTL_DEL, c->fd, NULL);
                close(c->fd);
                c->closed = 1;
                open--;
                continue;
            }
            int was = c->handshaken;
            uint64_t got = parse(c, buf, (size_t) r);
            if (!was && c->handshaken) {
                handshaken++;
                /* Subscribe to everything only now: libzmq ends a connection that sends a message before
                   its own READY went out. The message form, which libzmq 4.3.4 takes (not the command). */
                if (!dealer && !pull && write(c->fd, "\x00\x01\x01", 3) != 3) {
                    die("subscribe");
                }
            }
            if (got > 0) {
                double t = now();
                if (first == 0) {
                    first = t;
                }
                last = t;
                total += got;
                if (dealer && started) {
                    int blocked = c->owed_bytes > 0;
                    c->owed_bytes += got * REQUEST;
                    if (!blocked) {
                        flush_requests(c);
                        if (c->owed_bytes > 0) {
                            struct epoll_event ev = {.events = EPOLLIN | EPOLLOUT, .data.u32 = events[e].data.u32};
                            epoll_ctl(ep, EPOLL_CTL_MOD, c->fd, &ev);
                        }
                    }
                }
            }
        }
        if (!started && handshaken == n) {
            started = 1;
            printf("ready %d connections\n", n);
            fflush(stdout);
            if (dealer) {
                start = now();
                deadline = start + seconds;
                for (int i = 0; i < n; i++) {
                    conns[i].owed_bytes = (uint64_t) window * REQUEST;
                    flush_requests(&conns[i]);
                    if (conns[i].owed_bytes > 0) {
                        struct epoll_event ev = {.events = EPOLLIN | EPOLLOUT, .data.u32 = (uint32_t) i};
                        epoll_ctl(ep, EPOLL_CTL_MOD, conns[i].fd, &ev);
                    }
                }
            }
        }
        if (!dealer && started && open == 0) {
            break;
        }
        if (open < n && !started) {
            fprintf(stderr, "a connection closed before the handshake\n");
            return 1;
        }
    }
    uint64_t min = UINT64_MAX, max = 0;
    for (int i = 0; i < n; i++) {
        uint64_t m = conns[i].messages;
        min = m < min ? m : min;
        max = m > max ? m : max;
    }
    double secs = dealer ? now() - start : last - first;
    printf("%s total=%llu min=%llu max=%llu secs=%.3f rate=%.0f\n", argv[1],
            (unsigned long long) total, (unsigned long long) min, (unsigned long long) max, secs,
            secs > 0 ? total / secs : 0.0);
    return 0;
}
