// Decoding well-formed UTF-8 into scalar values together with each scalar's UTF-8 offset and its byte of a per-BMP-scalar
// flag table: the extract stage's TextSpans decoding. The vector step is utf8decode.c's (eight three-byte scalars per
// step); the offsets of such a step are its start plus 0, 3, …, 21, and the flags are eight table loads.
#include "CKernels.h"

/// One scalar at `bytes[*index]` decoded, its offset and flag stored at `written`, `*index` moved past it.
static inline void rk_utf8_decode_flagged_one(const uint8_t *bytes, size_t *index, size_t written, uint32_t *out,
                                              int32_t *offsets, uint8_t *flags, const uint8_t *flag_table, size_t *astral) {
    const size_t at = *index;
    const uint8_t lead = bytes[at];
    uint32_t value;
    if (lead < 0x80) {
        value = lead;
        *index = at + 1;
    } else if (lead < 0xE0) {
        value = (uint32_t)(lead & 0x1F) << 6 | (uint32_t)(bytes[at + 1] & 0x3F);
        *index = at + 2;
    } else if (lead < 0xF0) {
        value = (uint32_t)(lead & 0x0F) << 12 | (uint32_t)(bytes[at + 1] & 0x3F) << 6 | (uint32_t)(bytes[at + 2] & 0x3F);
        *index = at + 3;
    } else {
        value = (uint32_t)(lead & 0x07) << 18 | (uint32_t)(bytes[at + 1] & 0x3F) << 12 | (uint32_t)(bytes[at + 2] & 0x3F) << 6
            | (uint32_t)(bytes[at + 3] & 0x3F);
        *index = at + 4;
    }
    out[written] = value;
    offsets[written] = (int32_t)at;
    if (value < 0x10000) {
        flags[written] = flag_table[value];
    } else {
        flags[written] = 0;
        *astral += 1;
    }
}

size_t rk_utf8_decode_flagged_portable(const uint8_t *bytes, size_t count, uint32_t *out, int32_t *offsets, uint8_t *flags,
                                       const uint8_t *flag_table, size_t *astral) {
    size_t index = 0, written = 0;
    *astral = 0;
    while (index < count) {
        rk_utf8_decode_flagged_one(bytes, &index, written, out, offsets, flags, flag_table, astral);
        written++;
    }
    return written;
}

#if defined(__x86_64__)
#include <immintrin.h>

__attribute__((target("avx2,popcnt")))
size_t rk_utf8_decode_flagged_avx2(const uint8_t *bytes, size_t count, uint32_t *out, int32_t *offsets, uint8_t *flags,
                                   const uint8_t *flag_table, size_t *astral) {
    // As in rk_utf8_decode_avx2: dword k of each lane is bytes 3k + 2, 3k + 1, 3k and a zero.
    const __m256i order = _mm256_setr_epi8(2, 1, 0, -1, 5, 4, 3, -1, 8, 7, 6, -1, 11, 10, 9, -1,
                                           2, 1, 0, -1, 5, 4, 3, -1, 8, 7, 6, -1, 11, 10, 9, -1);
    const __m256i steps = _mm256_setr_epi32(0, 3, 6, 9, 12, 15, 18, 21);
    size_t index = 0, written = 0;
    *astral = 0;
    while (index + 28 <= count) {
        const __m256i raw = _mm256_inserti128_si256(
            _mm256_castsi128_si256(_mm_loadu_si128((const __m128i *)(bytes + index))),
            _mm_loadu_si128((const __m128i *)(bytes + index + 12)), 1);
        const __m256i unit = _mm256_shuffle_epi8(raw, order);
        const __m256i three = _mm256_cmpeq_epi32(_mm256_and_si256(unit, _mm256_set1_epi32(0xF00000)), _mm256_set1_epi32(0xE00000));
        const unsigned mask = (unsigned)_mm256_movemask_ps(_mm256_castsi256_ps(three));
        const unsigned accepted = mask == 0xFF ? 8 : (unsigned)__builtin_ctz(~mask);
        if (accepted > 0) {
            // All eight values, offsets and flags stored (the ones past `accepted` are written over next): `out`, `offsets`
            // and `flags` have room for `count` entries, `written` <= `index` and `index + 28` <= `count`. Every value
            // here is below 0x10000, so each has a table byte.
            const __m256i value = _mm256_or_si256(
                _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi32(unit, 4), _mm256_set1_epi32(0xF000)),
                                _mm256_and_si256(_mm256_srli_epi32(unit, 2), _mm256_set1_epi32(0x0FC0))),
                _mm256_and_si256(unit, _mm256_set1_epi32(0x3F)));
            _mm256_storeu_si256((__m256i *)(out + written), value);
            _mm256_storeu_si256((__m256i *)(offsets + written), _mm256_add_epi32(_mm256_set1_epi32((int32_t)index), steps));
            const __m128i low = _mm256_castsi256_si128(value), high = _mm256_extracti128_si256(value, 1);
            uint8_t *flag = flags + written;
            flag[0] = flag_table[_mm_extract_epi32(low, 0)];
            flag[1] = flag_table[_mm_extract_epi32(low, 1)];
            flag[2] = flag_table[_mm_extract_epi32(low, 2)];
            flag[3] = flag_table[_mm_extract_epi32(low, 3)];
            flag[4] = flag_table[_mm_extract_epi32(high, 0)];
            flag[5] = flag_table[_mm_extract_epi32(high, 1)];
            flag[6] = flag_table[_mm_extract_epi32(high, 2)];
            flag[7] = flag_table[_mm_extract_epi32(high, 3)];
            written += accepted;
            index += 3 * accepted;
            if (accepted == 8) continue;
        }
        // The scalar that is not three bytes long, and any that follow it up to the next three-byte lead.
        do {
            rk_utf8_decode_flagged_one(bytes, &index, written, out, offsets, flags, flag_table, astral);
            written++;
        } while (index < count && (bytes[index] & 0xF0) != 0xE0);
    }
    while (index < count) {
        rk_utf8_decode_flagged_one(bytes, &index, written, out, offsets, flags, flag_table, astral);
        written++;
    }
    return written;
}

#else

size_t rk_utf8_decode_flagged_avx2(const uint8_t *bytes, size_t count, uint32_t *out, int32_t *offsets, uint8_t *flags,
                                   const uint8_t *flag_table, size_t *astral) {
    return rk_utf8_decode_flagged_portable(bytes, count, out, offsets, flags, flag_table, astral);
}

#endif
