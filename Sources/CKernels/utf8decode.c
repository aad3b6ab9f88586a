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
#include "utf8threebyte.h"

__attribute__((target("avx2,popcnt")))
size_t rk_utf8_decode_avx2(const uint8_t *bytes, size_t count, uint32_t *out) {
    size_t index = 0, written = 0;
    while (index + 28 <= count) {
        __m256i raw, value;
        const unsigned accepted = rk_utf8_three_byte_step(bytes + index, &raw, &value);
        if (accepted > 0) {
            // All eight stored: `out` has room for `count` values, and `written` <= `index`, `index + 28` <= `count`.
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
