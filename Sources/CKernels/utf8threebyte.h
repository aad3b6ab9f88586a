// The vector step of rk_utf8_decode_avx2 and rk_utf8_decode_flagged_avx2: eight three-byte scalars decoded at once.
#ifndef RK_UTF8_THREE_BYTE_H
#define RK_UTF8_THREE_BYTE_H

#if defined(__x86_64__)
#include <immintrin.h>
#include <stdint.h>

/// Reads the 28 bytes at `bytes` (which must start a scalar) as eight three-byte units, the first four from the 16
/// bytes at `bytes` and the last four from the 16 at `bytes + 12` (`*raw`, one 16-byte read a lane). Gives how many
/// leading units are whole three-byte scalars, and all eight units' values in `*value` (each below 0x10000; only the
/// accepted ones are scalars of the text).
__attribute__((target("avx2,popcnt")))
static inline unsigned rk_utf8_three_byte_step(const uint8_t *bytes, __m256i *raw, __m256i *value) {
    // In each 128-bit lane, dword k is bytes 3k + 2, 3k + 1, 3k (the lead the high byte) and a zero.
    const __m256i order = _mm256_setr_epi8(2, 1, 0, -1, 5, 4, 3, -1, 8, 7, 6, -1, 11, 10, 9, -1,
                                           2, 1, 0, -1, 5, 4, 3, -1, 8, 7, 6, -1, 11, 10, 9, -1);
    *raw = _mm256_inserti128_si256(_mm256_castsi128_si256(_mm_loadu_si128((const __m128i *)bytes)),
                                   _mm_loadu_si128((const __m128i *)(bytes + 12)), 1);
    const __m256i unit = _mm256_shuffle_epi8(*raw, order);
    // Units whose first byte leads a three-byte scalar (E0…EF). In well-formed UTF-8 the first unit starts a
    // scalar, so each such unit is one whole scalar and the next unit starts the next: the prefix of them counts.
    const __m256i three = _mm256_cmpeq_epi32(_mm256_and_si256(unit, _mm256_set1_epi32(0xF00000)), _mm256_set1_epi32(0xE00000));
    const unsigned mask = (unsigned)_mm256_movemask_ps(_mm256_castsi256_ps(three));
    *value = _mm256_or_si256(_mm256_or_si256(_mm256_and_si256(_mm256_srli_epi32(unit, 4), _mm256_set1_epi32(0xF000)),
                                             _mm256_and_si256(_mm256_srli_epi32(unit, 2), _mm256_set1_epi32(0x0FC0))),
                             _mm256_and_si256(unit, _mm256_set1_epi32(0x3F)));
    return mask == 0xFF ? 8 : (unsigned)__builtin_ctz(~mask);
}

#endif
#endif
