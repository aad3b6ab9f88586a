// The MinHash inner loop with AVX-512 (eight 64-bit slots per vector; vpmullq needs AVX-512 DQ) or AVX2 (four
// slots per vector, from 32-bit multiplies). Compiled for those targets per function, so the package still builds
// and runs on any x86-64 or ARM machine; Swift calls them only after rk_minhash_has_avx512() or _has_avx2() says
// the CPU has them.
#include "CKernels.h"

/// One slot's minimum of (multiplier * hash + increment) modulo 2^64, compared unsigned: the plain loop.
static uint64_t slot_minimum(const uint64_t *hashes, size_t count, uint64_t multiplier, uint64_t increment) {
    uint64_t m = UINT64_MAX;
    for (size_t i = 0; i < count; i++) {
        const uint64_t value = multiplier * hashes[i] + increment;
        if (value < m) m = value;
    }
    return m;
}

/// The plain loop: the tail of slots that fill no vector, and the whole job on other CPUs.
static void minima_scalar(const uint64_t *hashes, size_t count, const uint64_t *multipliers,
                          const uint64_t *increments, uint64_t *minima, size_t from, size_t slots) {
    for (size_t slot = from; slot < slots; slot++) minima[slot] = slot_minimum(hashes, count, multipliers[slot], increments[slot]);
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

int rk_minhash_has_avx2(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2");
}

/// Slot vectors per pass of the AVX2 kernel: four keep their constants and minima in the 16 registers.
#define RK_AVX2_VECTORS 4

/// AVX2 has no 64-bit multiply, but only the high 32 bits of each minimum are kept, and those need no full
/// product. With a = a_hi:a_lo and h = h_hi:h_lo,
///     a * h + b  =  (a_lo * h_lo + b)  +  ((a_hi * h_lo + a_lo * h_hi) << 32)   (mod 2^64),
/// so high32(a * h + b) = high32(a_lo * h_lo + b) + a_hi * h_lo + a_lo * h_hi (mod 2^32): one vpmuludq for the
/// first term and one vpmulld for both cross products (a's halves swapped against h's), summed into the odd
/// 32-bit lanes, whose unsigned minimum is the slot's. Since high32 never decreases as its argument grows, the
/// minimum of the high halves is the high half of the minimum (exactly what the other kernels return).
__attribute__((target("avx2")))
void rk_minhash_high_minima_avx2(const uint64_t *hashes, size_t count, const uint64_t *multipliers,
                                 const uint64_t *increments, uint32_t *minima, size_t slots) {
    const __m256i odd_lanes = _mm256_setr_epi32(1, 3, 5, 7, 0, 0, 0, 0);
    size_t slot = 0;
    for (; slot + 4 <= slots;) {
        const int vectors = slot + 4 * RK_AVX2_VECTORS <= slots ? RK_AVX2_VECTORS : 1;
        __m256i a[RK_AVX2_VECTORS], swapped[RK_AVX2_VECTORS], b[RK_AVX2_VECTORS], m[RK_AVX2_VECTORS];
        for (int v = 0; v < vectors; v++) {
            a[v] = _mm256_loadu_si256((const __m256i *)(multipliers + slot + 4 * v));
            swapped[v] = _mm256_shuffle_epi32(a[v], 0xB1);  // a_hi in the even lanes, a_lo in the odd
            b[v] = _mm256_loadu_si256((const __m256i *)(increments + slot + 4 * v));
            m[v] = _mm256_set1_epi32(-1);
        }
        if (vectors == RK_AVX2_VECTORS) {
            for (size_t i = 0; i < count; i++) {
                const __m256i h = _mm256_set1_epi64x((long long)hashes[i]);
                for (int v = 0; v < RK_AVX2_VECTORS; v++) {
                    const __m256i low = _mm256_add_epi64(_mm256_mul_epu32(a[v], h), b[v]);
                    const __m256i cross = _mm256_mullo_epi32(swapped[v], h);  // even: a_hi*h_lo, odd: a_lo*h_hi
                    const __m256i sum = _mm256_add_epi32(_mm256_add_epi32(low, cross), _mm256_slli_epi64(cross, 32));
                    m[v] = _mm256_min_epu32(m[v], sum);
                }
            }
        } else {
            for (size_t i = 0; i < count; i++) {
                const __m256i h = _mm256_set1_epi64x((long long)hashes[i]);
                const __m256i low = _mm256_add_epi64(_mm256_mul_epu32(a[0], h), b[0]);
                const __m256i cross = _mm256_mullo_epi32(swapped[0], h);
                m[0] = _mm256_min_epu32(m[0], _mm256_add_epi32(_mm256_add_epi32(low, cross), _mm256_slli_epi64(cross, 32)));
            }
        }
        for (int v = 0; v < vectors; v++) {
            const __m256i high = _mm256_permutevar8x32_epi32(m[v], odd_lanes);
            _mm_storeu_si128((__m128i *)(minima + slot + 4 * v), _mm256_castsi256_si128(high));
        }
        slot += 4 * (size_t)vectors;
    }
    for (; slot < slots; slot++) minima[slot] = (uint32_t)(slot_minimum(hashes, count, multipliers[slot], increments[slot]) >> 32);
}

/// Four shingles per vector, as rk_shingle_hashes_avx512. The FNV prime is 2^40 + 0x1B3, so the 64-bit product
/// is (x << 40) + x * 0x1B3, the latter from two 32-bit multiplies.
__attribute__((target("avx2")))
void rk_shingle_hashes_avx2(const uint32_t *values, size_t count, size_t size, uint64_t *hashes) {
    if (size == 0 || count < size) return;
    const size_t shingles = count - size + 1;
    const __m256i basis = _mm256_set1_epi64x((long long)0xCBF29CE484222325ull);
    const __m256i low_prime = _mm256_set1_epi64x(0x1B3);
    size_t start = 0;
    for (; start + 4 <= shingles; start += 4) {
        __m256i hash = basis;
        for (size_t k = 0; k < size; k++) {
            const __m256i value = _mm256_cvtepu32_epi64(_mm_loadu_si128((const __m128i *)(values + start + k)));
            const __m256i x = _mm256_xor_si256(hash, value);
            const __m256i times_low = _mm256_add_epi64(
                _mm256_mul_epu32(x, low_prime), _mm256_slli_epi64(_mm256_mul_epu32(_mm256_srli_epi64(x, 32), low_prime), 32));
            hash = _mm256_add_epi64(_mm256_slli_epi64(x, 40), times_low);
        }
        _mm256_storeu_si256((__m256i *)(hashes + start), hash);
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

int rk_minhash_has_avx2(void) { return 0; }

void rk_shingle_hashes_avx2(const uint32_t *values, size_t count, size_t size, uint64_t *hashes) {
    rk_shingle_hashes_avx512(values, count, size, hashes);
}

void rk_minhash_high_minima_avx2(const uint64_t *hashes, size_t count, const uint64_t *multipliers,
                                 const uint64_t *increments, uint32_t *minima, size_t slots) {
    for (size_t slot = 0; slot < slots; slot++) minima[slot] = (uint32_t)(slot_minimum(hashes, count, multipliers[slot], increments[slot]) >> 32);
}

#endif
