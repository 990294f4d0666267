/* SPDX-License-Identifier: MPL-2.0
 * secretbox_speed: what libsodium (the cipher under libzmq's CURVE) spends per message on
 * crypto_secretbox, and on its two halves, XSalsa20 and Poly1305, so zenmq's hand-written cipher
 * (zenmq-jmh's SecretBoxBenchmark) can be compared with it on the same machine.
 * Usage: secretbox_speed [MSG_SIZE [ROUNDS]]; about 1.5 s per round.
 */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
    size_t size = argc > 1 ? strtoul(argv[1], NULL, 10) : 65536;
    int rounds = argc > 2 ? atoi(argv[2]) : 5;
    if (sodium_init() < 0)
        return 1;
    unsigned char *m = malloc(size + 1), *c = malloc(size + 1);
    unsigned char k[crypto_secretbox_KEYBYTES], n[crypto_secretbox_NONCEBYTES] = {0};
    unsigned char tag[crypto_secretbox_MACBYTES];
    randombytes_buf(m, size);
    randombytes_buf(k, sizeof k);
    /* about 0.5 s of work per round */
    long it = (long) (2e9 / (size + 400) / 4);
    printf("libsodium %s, %zu-byte messages, %ld per round\n", sodium_version_string(), size, it);
    for (int r = 0; r < rounds; r++) {
        double t0 = now();
        for (long i = 0; i < it; i++) {
            n[0]++;
            crypto_secretbox_detached(c, tag, m, size, n, k);
        }
        double t1 = now();
        for (long i = 0; i < it; i++) {
            n[0]++;
            crypto_stream_xsalsa20_xor(c, m, size, n, k);
        }
        double t2 = now();
        for (long i = 0; i < it; i++)
            crypto_onetimeauth(tag, c, size, k);
        double t3 = now();
        printf("secretbox %.3f us  xsalsa20 %.3f us  poly1305 %.3f us\n",
               (t1 - t0) / it * 1e6, (t2 - t1) / it * 1e6, (t3 - t2) / it * 1e6);
    }
    free(m);
    free(c);
    return 0;
}
