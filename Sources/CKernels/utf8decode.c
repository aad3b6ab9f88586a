// Decoding well-formed UTF-8 into 32-bit scalar values. Chinese text is mostly three-byte scalars (ideographs and
// CJK punctuation): with AVX2, eight of them are decoded per step (the same byte shuffle as cjkrun.c), and any other
// scalar one at a time. Compiled for AVX2 per function; Swift calls rk_utf8_decode_avx2 only after rk_utf8_has_avx2()
// says the CPU has it, and rk_utf8_decode_portable otherwise.
#include "CKernels.h"

/// The value of the scalar at `bytes[*index]`, moving `*index` past it.
static inline uint32_t rk_utf8_decode_one(const uint8_t *bytes, size_t *index) {
    const size_t at = *index;
    const uint8_t lead = bytes[at];
    if (lead < 0x80) {
        *index = at + 1;
        return lead;
    }
    if (lead < 0xE0) {
        *index = at + 2;
        return (uint32_t)(lead & 0x1F) << 6 | (uint32_t)(bytes[at + 1] & 0x3F);
    }
    if (lead < 0xF0) {
        *index = at + 3;
        return (uint32_t)(lead & 0x0F) << 12 | (uint32_t)(bytes[at + 1] & 0x3F) << 6 | (uint32_t)(bytes[at + 2] & 0x3F);
    }
    *index = at + 4;
    return (uint32_t)(lead & 0x07) << 18 | (uint32_t)(bytes[at + 1] & 0x3F) << 12 | (uint32_t)(bytes[at + 2] & 0x3F) << 6
        | (uint32_t)(bytes[at + 3] & 0x3F);
}

size_t rk_utf8_decode_portable(const uint8_t *bytes, size_t count, uint32_t *out) {
    size_t index = 0, written = 0;
    while (index < count) out[written++] = rk_utf8_decode_one(bytes, &index);
    return written;
}

#if defined(__x86_64__)
#include <immintrin.h>

__attribute__((target("avx2,popcnt")))
size_t rk_utf8_decode_avx2(const uint8_t *bytes, size_t count, uint32_t *out) {
    // In each 128-bit lane, dword k is bytes 3k + 2, 3k + 1, 3k (the lead the high byte) and a zero: units 0…3 from
    // the 16 bytes at `index`, 4…7 from the 16 at `index + 12`.
    const __m256i order = _mm256_setr_epi8(2, 1, 0, -1, 5, 4, 3, -1, 8, 7, 6, -1, 11, 10, 9, -1,
                                           2, 1, 0, -1, 5, 4, 3, -1, 8, 7, 6, -1, 11, 10, 9, -1);
    size_t index = 0, written = 0;
    while (index + 28 <= count) {
        const __m256i raw = _mm256_inserti128_si256(
            _mm256_castsi128_si256(_mm_loadu_si128((const __m128i *)(bytes + index))),
            _mm_loadu_si128((const __m128i *)(bytes + index + 12)), 1);
        const __m256i unit = _mm256_shuffle_epi8(raw, order);
        // Units whose first byte leads a three-byte scalar (E0…EF). In well-formed UTF-8 the first unit starts a
        // scalar, so each such unit is one whole scalar and the next unit starts the next: the prefix of them counts.
        const __m256i three = _mm256_cmpeq_epi32(_mm256_and_si256(unit, _mm256_set1_epi32(0xF00000)), _mm256_set1_epi32(0xE00000));
        const unsigned mask = (unsigned)_mm256_movemask_ps(_mm256_castsi256_ps(three));
        const unsigned accepted = mask == 0xFF ? 8 : (unsigned)__builtin_ctz(~mask);
        if (accepted > 0) {
            // All eight stored: `out` has room for `count` values, and `written` <= `index`, `index + 28` <= `count`.
            const __m256i value = _mm256_or_si256(
                _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi32(unit, 4), _mm256_set1_epi32(0xF000)),
                                _mm256_and_si256(_mm256_srli_epi32(unit, 2), _mm256_set1_epi32(0x0FC0))),
                _mm256_and_si256(unit, _mm256_set1_epi32(0x3F)));
            _mm256_storeu_si256((__m256i *)(out + written), value);
            written += accepted;
            index += 3 * accepted;
            if (accepted == 8) continue;
        }
        // The scalar that is not three bytes long, and any that follow it up to the next three-byte lead.
        do {
            out[written++] = rk_utf8_decode_one(bytes, &index);
        } while (index < count && (bytes[index] & 0xF0) != 0xE0);
    }
    while (index < count) out[written++] = rk_utf8_decode_one(bytes, &index);
    return written;
}

#else

size_t rk_utf8_decode_avx2(const uint8_t *bytes, size_t count, uint32_t *out) { return rk_utf8_decode_portable(bytes, count, out); }

#endif
