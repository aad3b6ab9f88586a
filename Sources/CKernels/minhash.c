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

/// FNV-1a of the `size` values from `start`: one shingle's hash.
static uint64_t shingle_hash(const uint32_t *values, size_t start, size_t size) {
    uint64_t hash = 0xCBF29CE484222325ull;
    for (size_t k = 0; k < size; k++) hash = (hash ^ values[start + k]) * 0x100000001B3ull;
    return hash;
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

/// Eight shingles per vector: lane j of a step hashes the shingle starting at `start + j`.
__attribute__((target("avx512f,avx512dq")))
void rk_shingle_hashes_avx512(const uint32_t *values, size_t count, size_t size, uint64_t *hashes) {
    if (size == 0 || count < size) return;
    const size_t shingles = count - size + 1;
    const __m512i basis = _mm512_set1_epi64((long long)0xCBF29CE484222325ull);
    const __m512i prime = _mm512_set1_epi64((long long)0x100000001B3ull);
    size_t start = 0;
    for (; start + 8 <= shingles; start += 8) {
        __m512i hash = basis;
        for (size_t k = 0; k < size; k++) {
            const __m512i value = _mm512_cvtepu32_epi64(_mm256_loadu_si256((const __m256i *)(values + start + k)));
            hash = _mm512_mullo_epi64(_mm512_xor_si512(hash, value), prime);
        }
        _mm512_storeu_si512((void *)(hashes + start), hash);
    }
    for (; start < shingles; start++) hashes[start] = shingle_hash(values, start, size);
}

#else

int rk_minhash_has_avx512(void) { return 0; }

void rk_shingle_hashes_avx512(const uint32_t *values, size_t count, size_t size, uint64_t *hashes) {
    if (size == 0 || count < size) return;
    for (size_t start = 0; start + size <= count; start++) hashes[start] = shingle_hash(values, start, size);
}

void rk_minhash_minima_avx512(const uint64_t *hashes, size_t count, const uint64_t *multipliers,
                              const uint64_t *increments, uint64_t *minima, size_t slots) {
    minima_scalar(hashes, count, multipliers, increments, minima, 0, slots);
}

#endif
