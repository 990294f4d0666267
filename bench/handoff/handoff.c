// SPDX-License-Identifier: MPL-2.0
// What one thread hand-off costs in C on this machine: the counterpart of zenmq-jmh's
// HandoffBenchmark for the primitives libzmq's round trip is made of. Two threads ping-pong N
// times over one primitive; prints the one-way figure (round trip / 2) in microseconds.
//   cond        pthread mutex + condition variable (what the JVM's park/unpark is built on)
//   eventfd     each thread waits in poll() on its own eventfd (libzmq's signaler, app threads)
//   epoll       each thread waits in epoll_wait() on its eventfd (an I/O thread's wake-up)
//   tcp-epoll   16 bytes over loopback tcp, each end non-blocking in its own epoll (I/O threads)
//   tcp-block   the same with blocking reads and writes
// Usage: handoff PRIMITIVE [ROUNDTRIPS]
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static long rounds;
static const char *mode;

// cond
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond[2] = {PTHREAD_COND_INITIALIZER, PTHREAD_COND_INITIALIZER};
static long turn[2];
// eventfd / epoll / tcp: side i waits on fds[i]
static int fds[2];
static int epolls[2];

static void die(const char *what) {
    perror(what);
    exit(1);
}

static void cond_signal(int side) {
    pthread_mutex_lock(&lock);
    turn[side]++;
    pthread_cond_signal(&cond[side]);
    pthread_mutex_unlock(&lock);
}

static void cond_wait(int side, long *seen) {
    pthread_mutex_lock(&lock);
    while (turn[side] == *seen) {
        pthread_cond_wait(&cond[side], &lock);
    }
    *seen = turn[side];
    pthread_mutex_unlock(&lock);
}

static void fd_wait(int side) {
    uint64_t value;
    if (strcmp(mode, "eventfd") == 0) {
        struct pollfd p = {.fd = fds[side], .events = POLLIN};
        if (poll(&p, 1, -1) != 1) die("poll");
    } else {
        struct epoll_event e;
        if (epoll_wait(epolls[side], &e, 1, -1) != 1) die("epoll_wait");
    }
    if (read(fds[side], &value, sizeof value) != sizeof value) die("read eventfd");
}

static void fd_signal(int side) {
    uint64_t one = 1;
    if (write(fds[side], &one, sizeof one) != sizeof one) die("write eventfd");
}

static int tcp_mode(void) {
    return strncmp(mode, "tcp", 3) == 0;
}

static void tcp_send(int side) {
    char buf[16] = {0};
    if (write(fds[side], buf, sizeof buf) != sizeof buf) die("write tcp");
}

static void tcp_recv(int side) {
    char buf[16];
    size_t got = 0;
    while (got < sizeof buf) {
        if (epolls[side] >= 0) {
            struct epoll_event e;
            if (epoll_wait(epolls[side], &e, 1, -1) != 1) die("epoll_wait");
        }
        ssize_t n = read(fds[side], buf + got, sizeof buf - got);
        if (n > 0) got += (size_t) n;
        else if (n == 0) die("eof");
    }
}

// side 0 pings, side 1 echoes
static void hand_over(int to) {
    if (strcmp(mode, "cond") == 0) cond_signal(to);
    else if (tcp_mode()) tcp_send(1 - to);
    else fd_signal(to);
}

static void wait_for(int side, long *seen) {
    if (strcmp(mode, "cond") == 0) cond_wait(side, seen);
    else if (tcp_mode()) tcp_recv(side);
    else fd_wait(side);
}

static void *echo(void *arg) {
    (void) arg;
    long seen = 0;
    for (long i = 0; i < rounds; i++) {
        wait_for(1, &seen);
        hand_over(0);
    }
    return NULL;
}

static int set_nonblocking(int fd) {
    int flags = fcntl(fd, F_GETFL);
    return flags < 0 ? -1 : fcntl(fd, F_SETFL, flags | O_NONBLOCK);
}

static void tcp_pair(int blocking) {
    int listener = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t len = sizeof addr;
    if (bind(listener, (struct sockaddr *) &addr, sizeof addr) || listen(listener, 1)
            || getsockname(listener, (struct sockaddr *) &addr, &len)) die("listen");
    fds[0] = socket(AF_INET, SOCK_STREAM, 0);
    if (connect(fds[0], (struct sockaddr *) &addr, sizeof addr)) die("connect");
    fds[1] = accept(listener, NULL, NULL);
    close(listener);
    int one = 1;
    for (int i = 0; i < 2; i++) {
        setsockopt(fds[i], IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        epolls[i] = -1;
        if (!blocking) {
            if (set_nonblocking(fds[i])) die("nonblock");
        }
    }
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: handoff cond|eventfd|epoll|tcp-epoll|tcp-block [ROUNDTRIPS]\n");
        return 2;
    }
    mode = argv[1];
    rounds = argc > 2 ? atol(argv[2]) : 100000;
    if (strcmp(mode, "eventfd") == 0 || strcmp(mode, "epoll") == 0) {
        for (int i = 0; i < 2; i++) {
            fds[i] = eventfd(0, 0);
            epolls[i] = epoll_create1(0);
            struct epoll_event e = {.events = EPOLLIN, .data.fd = fds[i]};
            epoll_ctl(epolls[i], EPOLL_CTL_ADD, fds[i], &e);
        }
    } else if (strcmp(mode, "tcp-epoll") == 0 || strcmp(mode, "tcp-block") == 0) {
        int blocking = strcmp(mode, "tcp-block") == 0;
        tcp_pair(blocking);
        if (!blocking) {
            for (int i = 0; i < 2; i++) {
                epolls[i] = epoll_create1(0);
                struct epoll_event e = {.events = EPOLLIN, .data.fd = fds[i]};
                epoll_ctl(epolls[i], EPOLL_CTL_ADD, fds[i], &e);
            }
        }
    } else if (strcmp(mode, "cond") != 0) {
        fprintf(stderr, "handoff: unknown primitive %s\n", mode);
        return 2;
    }
    pthread_t thread;
    pthread_create(&thread, NULL, echo, NULL);
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    long seen = 0;
    for (long i = 0; i < rounds; i++) {
        hand_over(1);
        wait_for(0, &seen);
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    pthread_join(thread, NULL);
    double us = ((end.tv_sec - start.tv_sec) * 1e9 + (end.tv_nsec - start.tv_nsec)) / 1e3;
    printf("%s: %.3f us one-way (%ld roundtrips)\n", mode, us / (2.0 * rounds), rounds);
    return 0;
}
