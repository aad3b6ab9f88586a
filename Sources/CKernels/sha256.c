// SHA-256 compression of whole 64-byte blocks (FIPS 180-4): portable C, the SHA-NI instructions on one stream,
// and SHA-NI on two independent streams at once. One stream's rounds are a chain of dependent sha256rnds2
// instructions, so the core waits on their latency; a second stream's rounds fill those gaps (about 1.5x the
// bytes per second on the bench machine). Padding and the digest are the caller's (SHA256Stream in Swift).
#include "CKernels.h"

static const uint32_t K256[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

#define ROTR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

void rk_sha256_blocks_portable(uint32_t state[8], const uint8_t *data, size_t blocks) {
    for (; blocks > 0; blocks--, data += 64) {
        uint32_t w[64];
        for (int i = 0; i < 16; i++)
            w[i] = (uint32_t)data[4 * i] << 24 | (uint32_t)data[4 * i + 1] << 16 | (uint32_t)data[4 * i + 2] << 8 | data[4 * i + 3];
        for (int i = 16; i < 64; i++) {
            uint32_t s0 = ROTR(w[i - 15], 7) ^ ROTR(w[i - 15], 18) ^ (w[i - 15] >> 3);
            uint32_t s1 = ROTR(w[i - 2], 17) ^ ROTR(w[i - 2], 19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16] + s0 + w[i - 7] + s1;
        }
        uint32_t a = state[0], b = state[1], c = state[2], d = state[3], e = state[4], f = state[5], g = state[6], h = state[7];
        for (int i = 0; i < 64; i++) {
            uint32_t t1 = h + (ROTR(e, 6) ^ ROTR(e, 11) ^ ROTR(e, 25)) + ((e & f) ^ (~e & g)) + K256[i] + w[i];
            uint32_t t2 = (ROTR(a, 2) ^ ROTR(a, 13) ^ ROTR(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
            h = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
        }
        state[0] += a; state[1] += b; state[2] += c; state[3] += d;
        state[4] += e; state[5] += f; state[6] += g; state[7] += h;
    }
}

#if defined(__x86_64__)
#include <immintrin.h>

int rk_sha256_has_ni(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("sha") && __builtin_cpu_supports("sse4.1");
}

#define RK_SHA_TARGET __attribute__((target("sha,sse4.1,ssse3")))

/// state (a..h) → the (ABEF, CDGH) register pair the SHA instructions work on.
RK_SHA_TARGET static inline void load_state(const uint32_t state[8], __m128i *abef, __m128i *cdgh) {
    __m128i tmp = _mm_loadu_si128((const __m128i *)&state[0]);
    __m128i s1 = _mm_loadu_si128((const __m128i *)&state[4]);
    tmp = _mm_shuffle_epi32(tmp, 0xB1);  // CDAB
    s1 = _mm_shuffle_epi32(s1, 0x1B);    // EFGH
    *abef = _mm_alignr_epi8(tmp, s1, 8);
    *cdgh = _mm_blend_epi16(s1, tmp, 0xF0);
}

RK_SHA_TARGET static inline void store_state(uint32_t state[8], __m128i abef, __m128i cdgh) {
    __m128i tmp = _mm_shuffle_epi32(abef, 0x1B);  // FEBA
    cdgh = _mm_shuffle_epi32(cdgh, 0xB1);          // DCHG
    _mm_storeu_si128((__m128i *)&state[0], _mm_blend_epi16(tmp, cdgh, 0xF0));  // DCBA
    _mm_storeu_si128((__m128i *)&state[4], _mm_alignr_epi8(cdgh, tmp, 8));     // HGFE
}

/// The next four message words of stream `S` (for round group i >= 4), from the four groups before them.
#define RK_SHA_SCHEDULE(S, i)                                                                                         \
    if (i >= 4)                                                                                                       \
        w##S[i & 3] = _mm_sha256msg2_epu32(                                                                           \
            _mm_add_epi32(_mm_sha256msg1_epu32(w##S[i & 3], w##S[(i + 1) & 3]), _mm_alignr_epi8(w##S[(i + 3) & 3], w##S[(i + 2) & 3], 4)), \
            w##S[(i + 3) & 3]);

/// Four rounds of stream `S` with message group i.
#define RK_SHA_ROUNDS(S, i)                                                                                           \
    {                                                                                                                 \
        __m128i m = _mm_add_epi32(w##S[i & 3], _mm_loadu_si128((const __m128i *)&K256[4 * (i)]));                     \
        cdgh##S = _mm_sha256rnds2_epu32(cdgh##S, abef##S, m);                                                         \
        abef##S = _mm_sha256rnds2_epu32(abef##S, cdgh##S, _mm_shuffle_epi32(m, 0x0E));                                \
    }

RK_SHA_TARGET void rk_sha256_blocks_ni(uint32_t state[8], const uint8_t *data, size_t blocks) {
    const __m128i mask = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
    __m128i abef0, cdgh0;
    load_state(state, &abef0, &cdgh0);
    for (; blocks > 0; blocks--, data += 64) {
        const __m128i abefSave = abef0, cdghSave = cdgh0;
        __m128i w0[4];
        for (int i = 0; i < 4; i++) w0[i] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 16 * i)), mask);
#pragma clang loop unroll(full)
        for (int i = 0; i < 16; i++) {
            RK_SHA_SCHEDULE(0, i)
            RK_SHA_ROUNDS(0, i)
        }
        abef0 = _mm_add_epi32(abef0, abefSave);
        cdgh0 = _mm_add_epi32(cdgh0, cdghSave);
    }
    store_state(state, abef0, cdgh0);
}

RK_SHA_TARGET void rk_sha256_blocks_ni_x2(uint32_t stateA[8], const uint8_t *a, uint32_t stateB[8], const uint8_t *b, size_t blocks) {
    const __m128i mask = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
    __m128i abef0, cdgh0, abef1, cdgh1;
    load_state(stateA, &abef0, &cdgh0);
    load_state(stateB, &abef1, &cdgh1);
    for (; blocks > 0; blocks--, a += 64, b += 64) {
        const __m128i abefSave0 = abef0, cdghSave0 = cdgh0, abefSave1 = abef1, cdghSave1 = cdgh1;
        __m128i w0[4], w1[4];
        for (int i = 0; i < 4; i++) {
            w0[i] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(a + 16 * i)), mask);
            w1[i] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(b + 16 * i)), mask);
        }
#pragma clang loop unroll(full)
        for (int i = 0; i < 16; i++) {
            RK_SHA_SCHEDULE(0, i)
            RK_SHA_SCHEDULE(1, i)
            RK_SHA_ROUNDS(0, i)
            RK_SHA_ROUNDS(1, i)
        }
        abef0 = _mm_add_epi32(abef0, abefSave0);
        cdgh0 = _mm_add_epi32(cdgh0, cdghSave0);
        abef1 = _mm_add_epi32(abef1, abefSave1);
        cdgh1 = _mm_add_epi32(cdgh1, cdghSave1);
    }
    store_state(stateA, abef0, cdgh0);
    store_state(stateB, abef1, cdgh1);
}
#else
int rk_sha256_has_ni(void) { return 0; }
void rk_sha256_blocks_ni(uint32_t state[8], const uint8_t *data, size_t blocks) { rk_sha256_blocks_portable(state, data, blocks); }
void rk_sha256_blocks_ni_x2(uint32_t stateA[8], const uint8_t *a, uint32_t stateB[8], const uint8_t *b, size_t blocks) {
    rk_sha256_blocks_portable(stateA, a, blocks);
    rk_sha256_blocks_portable(stateB, b, blocks);
}
#endif
