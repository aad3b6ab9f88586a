// Decoding well-formed UTF-8 into scalar values together with each scalar's UTF-8 offset and its byte of a per-BMP-scalar
// flag table, and collecting the scalars whose flag has a kept bit (as values and as UTF-8): the extract stage's
// TextSpans decoding. The vector step is utf8decode.c's (eight three-byte scalars per step); the offsets of such a step
// are its start plus 0, 3, …, 21, the flags are eight table loads, and the kept scalars are compressed four at a time
// with a byte shuffle.
#include "CKernels.h"

/// One scalar at `bytes[*index]` decoded, its offset and flag stored at `written`, kept if its flag says so, and
/// `*index` moved past it.
static inline void rk_utf8_decode_flagged_one(const uint8_t *bytes, size_t *index, size_t written, const uint8_t *flag_table,
                                              uint8_t kept_flags, struct rk_flagged_decode *out) {
    const size_t at = *index;
    const uint8_t lead = bytes[at];
    uint32_t value;
    size_t length;
    if (lead < 0x80) {
        value = lead;
        length = 1;
    } else if (lead < 0xE0) {
        value = (uint32_t)(lead & 0x1F) << 6 | (uint32_t)(bytes[at + 1] & 0x3F);
        length = 2;
    } else if (lead < 0xF0) {
        value = (uint32_t)(lead & 0x0F) << 12 | (uint32_t)(bytes[at + 1] & 0x3F) << 6 | (uint32_t)(bytes[at + 2] & 0x3F);
        length = 3;
    } else {
        value = (uint32_t)(lead & 0x07) << 18 | (uint32_t)(bytes[at + 1] & 0x3F) << 12 | (uint32_t)(bytes[at + 2] & 0x3F) << 6
            | (uint32_t)(bytes[at + 3] & 0x3F);
        length = 4;
    }
    *index = at + length;
    out->values[written] = value;
    out->offsets[written] = (int32_t)at;
    uint8_t flag = 0;
    if (value < 0x10000) {
        flag = flag_table[value];
    } else {
        out->astral += 1;
    }
    out->flags[written] = flag;
    if (flag & kept_flags) {
        out->kept_values[out->kept_count++] = value;
        for (size_t byte = 0; byte < length; byte++) out->kept_utf8[out->kept_bytes++] = bytes[at + byte];
    }
}

size_t rk_utf8_decode_flagged_portable(const uint8_t *bytes, size_t count, const uint8_t *flag_table, uint8_t kept_flags,
                                       struct rk_flagged_decode *out) {
    size_t index = 0, written = 0;
    out->astral = out->kept_count = out->kept_bytes = 0;
    while (index < count) rk_utf8_decode_flagged_one(bytes, &index, written++, flag_table, kept_flags, out);
    return written;
}

#if defined(__x86_64__)
#include <immintrin.h>
#include <string.h>
#include "utf8threebyte.h"

/// Byte shuffles that move the 32-bit values (of four in a 16-byte lane) picked by a four-bit mask to the front, in order.
static const uint8_t rk_kept_values[16][16] = {
    {0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80},
    {0x00, 0x01, 0x02, 0x03, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80},
    {0x04, 0x05, 0x06, 0x07, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80},
    {0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80},
    {0x08, 0x09, 0x0A, 0x0B, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80},
    {0x00, 0x01, 0x02, 0x03, 0x08, 0x09, 0x0A, 0x0B, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80},
    {0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80},
    {0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x80, 0x80, 0x80, 0x80},
    {0x0C, 0x0D, 0x0E, 0x0F, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80},
    {0x00, 0x01, 0x02, 0x03, 0x0C, 0x0D, 0x0E, 0x0F, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80},
    {0x04, 0x05, 0x06, 0x07, 0x0C, 0x0D, 0x0E, 0x0F, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80},
    {0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x0C, 0x0D, 0x0E, 0x0F, 0x80, 0x80, 0x80, 0x80},
    {0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80},
    {0x00, 0x01, 0x02, 0x03, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F, 0x80, 0x80, 0x80, 0x80},
    {0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F, 0x80, 0x80, 0x80, 0x80},
    {0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F},
};

/// Byte shuffles that move the three-byte scalars (of four in the first twelve bytes) picked by a four-bit mask to the
/// front, in order.
static const uint8_t rk_kept_utf8[16][16] = {
    {0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80},
    {0x00, 0x01, 0x02, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80},
    {0x03, 0x04, 0x05, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80},
    {0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80},
    {0x06, 0x07, 0x08, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80},
    {0x00, 0x01, 0x02, 0x06, 0x07, 0x08, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80},
    {0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80},
    {0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80},
    {0x09, 0x0A, 0x0B, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80},
    {0x00, 0x01, 0x02, 0x09, 0x0A, 0x0B, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80},
    {0x03, 0x04, 0x05, 0x09, 0x0A, 0x0B, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80},
    {0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x09, 0x0A, 0x0B, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80},
    {0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80},
    {0x00, 0x01, 0x02, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80},
    {0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80},
    {0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x80, 0x80, 0x80, 0x80},
};

__attribute__((target("avx2,popcnt")))
size_t rk_utf8_decode_flagged_avx2(const uint8_t *bytes, size_t count, const uint8_t *flag_table, uint8_t kept_flags,
                                   struct rk_flagged_decode *out) {
    const __m256i steps = _mm256_setr_epi32(0, 3, 6, 9, 12, 15, 18, 21);
    const __m128i kept_vector = _mm_set1_epi8((char)kept_flags);
    size_t index = 0, written = 0;
    out->astral = out->kept_count = out->kept_bytes = 0;
    uint32_t *const values = out->values;
    int32_t *const offsets = out->offsets;
    uint8_t *const flags = out->flags;
    while (index + 28 <= count) {
        __m256i raw, value;
        const unsigned accepted = rk_utf8_three_byte_step(bytes + index, &raw, &value);
        if (accepted > 0) {
            // All eight values, offsets and flags stored (the ones past `accepted` are written over next): they have room
            // for `count` entries, `written` <= `index` and `index + 28` <= `count`. Every value here is below 0x10000,
            // so each has a table byte.
            _mm256_storeu_si256((__m256i *)(values + written), value);
            _mm256_storeu_si256((__m256i *)(offsets + written), _mm256_add_epi32(_mm256_set1_epi32((int32_t)index), steps));
            const __m128i low = _mm256_castsi256_si128(value), high = _mm256_extracti128_si256(value, 1);
            const uint64_t packed = (uint64_t)flag_table[_mm_extract_epi32(low, 0)]
                | (uint64_t)flag_table[_mm_extract_epi32(low, 1)] << 8 | (uint64_t)flag_table[_mm_extract_epi32(low, 2)] << 16
                | (uint64_t)flag_table[_mm_extract_epi32(low, 3)] << 24 | (uint64_t)flag_table[_mm_extract_epi32(high, 0)] << 32
                | (uint64_t)flag_table[_mm_extract_epi32(high, 1)] << 40 | (uint64_t)flag_table[_mm_extract_epi32(high, 2)] << 48
                | (uint64_t)flag_table[_mm_extract_epi32(high, 3)] << 56;
            memcpy(flags + written, &packed, 8);
            // The accepted scalars with a kept bit, one bit each, compressed four at a time with a byte shuffle: the
            // values from the decoded lanes, the UTF-8 from the bytes read (three per scalar). The kept outputs never run
            // ahead of the decoding (the kept values end at most at `written`, the kept UTF-8 at most at `index`), so the
            // 16-byte stores fit in the room: `index + 28` <= `count`.
            const __m128i kept_bytes_set = _mm_cmpeq_epi8(_mm_and_si128(_mm_cvtsi64_si128((long long)packed), kept_vector), _mm_setzero_si128());
            const unsigned kept = ~(unsigned)_mm_movemask_epi8(kept_bytes_set) & ((1u << accepted) - 1);
            const unsigned kept_low = kept & 15, kept_high = kept >> 4;
            uint8_t *kept_value = (uint8_t *)(out->kept_values + out->kept_count);
            uint8_t *kept_byte = out->kept_utf8 + out->kept_bytes;
            _mm_storeu_si128((__m128i *)kept_value, _mm_shuffle_epi8(low, _mm_loadu_si128((const __m128i *)rk_kept_values[kept_low])));
            _mm_storeu_si128((__m128i *)kept_byte, _mm_shuffle_epi8(_mm256_castsi256_si128(raw), _mm_loadu_si128((const __m128i *)rk_kept_utf8[kept_low])));
            const unsigned count_low = (unsigned)__builtin_popcount(kept_low), count_high = (unsigned)__builtin_popcount(kept_high);
            kept_value += 4 * count_low;
            kept_byte += 3 * count_low;
            _mm_storeu_si128((__m128i *)kept_value, _mm_shuffle_epi8(high, _mm_loadu_si128((const __m128i *)rk_kept_values[kept_high])));
            _mm_storeu_si128((__m128i *)kept_byte, _mm_shuffle_epi8(_mm256_extracti128_si256(raw, 1), _mm_loadu_si128((const __m128i *)rk_kept_utf8[kept_high])));
            out->kept_count += count_low + count_high;
            out->kept_bytes += 3 * (count_low + count_high);
            written += accepted;
            index += 3 * accepted;
            if (accepted == 8) continue;
        }
        // The scalar that is not three bytes long, and any that follow it up to the next three-byte lead.
        do {
            rk_utf8_decode_flagged_one(bytes, &index, written++, flag_table, kept_flags, out);
        } while (index < count && (bytes[index] & 0xF0) != 0xE0);
    }
    while (index < count) rk_utf8_decode_flagged_one(bytes, &index, written++, flag_table, kept_flags, out);
    return written;
}

#else

size_t rk_utf8_decode_flagged_avx2(const uint8_t *bytes, size_t count, const uint8_t *flag_table, uint8_t kept_flags,
                                   struct rk_flagged_decode *out) {
    return rk_utf8_decode_flagged_portable(bytes, count, flag_table, kept_flags, out);
}

#endif
