// The MinHash inner loop with AVX-512: eight 64-bit slots per vector (vpmullq needs AVX-512 DQ). Compiled for
// that target per function, so the package still builds and runs on any x86-64 or ARM machine; Swift calls it
// only after rk_minhash_has_avx512() says the CPU has it.
#include "CKernels.h"

/// The plain loop: the tail of slots that fill no vector, and the whole job on other CPUs.
static void minima_scalar(const uint64_t *hashes, size_t count, const uint64_t *multipliers,
                          const uint64_t *increments, uint64_t *minima, size_t from, size_t slots) {
    for (size_t slot = from; slot < slots; slot++) {
        uint64_t m = UINT64_MAX;
        for (size_t i = 0; i < count; i++) {
            const uint64_t value = multipliers[slot] * hashes[i] + increments[slot];
            if (value < m) m = value;
        }
        minima[slot] = m;
    }
}

#if defined(__x86_64__)
#include <immintrin.h>

int rk_minhash_has_avx512(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq");
}

/// Eight vectors (64 slots) keep their multipliers, increments and minima in registers while the hashes stream by.
#define RK_VECTORS 8

__attribute__((target("avx512f,avx512dq")))
void rk_minhash_minima_avx512(const uint64_t *hashes, size_t count, const uint64_t *multipliers,
                              const uint64_t *increments, uint64_t *minima, size_t slots) {
    size_t slot = 0;
    for (; slot + 8 * RK_VECTORS <= slots; slot += 8 * RK_VECTORS) {
        __m512i a[RK_VECTORS], b[RK_VECTORS], m[RK_VECTORS];
        for (int v = 0; v < RK_VECTORS; v++) {
            a[v] = _mm512_loadu_si512((const void *)(multipliers + slot + 8 * v));
            b[v] = _mm512_loadu_si512((const void *)(increments + slot + 8 * v));
            m[v] = _mm512_set1_epi64(-1);
        }
        for (size_t i = 0; i < count; i++) {
            const __m512i h = _mm512_set1_epi64((long long)hashes[i]);
            for (int v = 0; v < RK_VECTORS; v++) {
                m[v] = _mm512_min_epu64(m[v], _mm512_add_epi64(_mm512_mullo_epi64(a[v], h), b[v]));
            }
        }
        for (int v = 0; v < RK_VECTORS; v++) _mm512_storeu_si512((void *)(minima + slot + 8 * v), m[v]);
    }
    for (; slot + 8 <= slots; slot += 8) {
        const __m512i a = _mm512_loadu_si512((const void *)(multipliers + slot));
        const __m512i b = _mm512_loadu_si512((const void *)(increments + slot));
        __m512i m = _mm512_set1_epi64(-1);
        for (size_t i = 0; i < count; i++) {
            m = _mm512_min_epu64(m, _mm512_add_epi64(_mm512_mullo_epi64(a, _mm512_set1_epi64((long long)hashes[i])), b));
        }
        _mm512_storeu_si512((void *)(minima + slot), m);
    }
    minima_scalar(hashes, count, multipliers, increments, minima, slot, slots);
}

#else

int rk_minhash_has_avx512(void) { return 0; }

void rk_minhash_minima_avx512(const uint64_t *hashes, size_t count, const uint64_t *multipliers,
                              const uint64_t *increments, uint64_t *minima, size_t slots) {
    minima_scalar(hashes, count, multipliers, increments, minima, 0, slots);
}

#endif
