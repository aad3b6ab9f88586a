#define _GNU_SOURCE
#include <string.h>
#include <wchar.h>
#include "CKernels.h"

int rk_contains_bytes(const void *bytes, size_t length, const void *needle, size_t needle_length) {
    if (needle_length == 0) return 1;
    if (needle_length > length) return 0;
    return memmem(bytes, length, needle, needle_length) != NULL;
}

/// Whether `byte` is below `below` or one of the four bytes packed in `needles`.
static int is_byte_of(uint8_t byte, uint8_t below, uint32_t needles) {
    return byte < below || byte == (uint8_t)needles || byte == (uint8_t)(needles >> 8) || byte == (uint8_t)(needles >> 16)
        || byte == (uint8_t)(needles >> 24);
}

size_t rk_find_byte_of_portable(const uint8_t *bytes, size_t count, size_t start, uint8_t below, uint32_t needles) {
    for (size_t index = start; index < count; index++) {
        if (is_byte_of(bytes[index], below, needles)) return index;
    }
    return count < start ? start : count;
}

#if defined(__SSE2__)
#include <emmintrin.h>

/// Bit i set when byte i of the sixteen at `at` is below the limit or one of the needles.
static inline unsigned block_mask(const uint8_t *at, __m128i limit, __m128i n0, __m128i n1, __m128i n2, __m128i n3) {
    const __m128i v = _mm_loadu_si128((const __m128i *)at);
    const __m128i equal = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, n0), _mm_cmpeq_epi8(v, n1)),
                                       _mm_or_si128(_mm_cmpeq_epi8(v, n2), _mm_cmpeq_epi8(v, n3)));
    // max(v, below) == v exactly when v >= below: the bytes below the limit are the others.
    const unsigned low = ~(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_max_epu8(v, limit), v)) & 0xFFFFu;
    return (unsigned)_mm_movemask_epi8(equal) | low;
}

size_t rk_find_byte_of(const uint8_t *bytes, size_t count, size_t start, uint8_t below, uint32_t needles) {
    if (start >= count || count < 16) return rk_find_byte_of_portable(bytes, count, start, below, needles);
    const __m128i limit = _mm_set1_epi8((char)below);
    const __m128i n0 = _mm_set1_epi8((char)needles), n1 = _mm_set1_epi8((char)(needles >> 8));
    const __m128i n2 = _mm_set1_epi8((char)(needles >> 16)), n3 = _mm_set1_epi8((char)(needles >> 24));
    size_t index = start;
    for (; index + 16 <= count; index += 16) {
        const unsigned mask = block_mask(bytes + index, limit, n0, n1, n2, n3);
        if (mask != 0) return index + (size_t)__builtin_ctz(mask);
    }
    if (index == count) return count;
    // The tail: the last sixteen bytes, without those already tested.
    const size_t last = count - 16;
    const unsigned mask = block_mask(bytes + last, limit, n0, n1, n2, n3) >> (index - last);
    return mask != 0 ? index + (size_t)__builtin_ctz(mask) : count;
}

#else

size_t rk_find_byte_of(const uint8_t *bytes, size_t count, size_t start, uint8_t below, uint32_t needles) {
    return rk_find_byte_of_portable(bytes, count, start, below, needles);
}

#endif

/// Whether U+2028 or U+2029 (E2 80 A8 / E2 80 A9) begins at `index`, all three bytes before `count`.
static inline int begins_line_separator(const uint8_t *bytes, size_t count, size_t index) {
    return bytes[index] == 0xE2 && index + 2 < count && bytes[index + 1] == 0x80 && (bytes[index + 2] | 1) == 0xA9;
}

/// Whether `byte` is below `below` or one of the three bytes packed in the low bits of `needles`.
static inline int is_escape_byte_of(uint8_t byte, uint8_t below, uint32_t needles) {
    return byte < below || byte == (uint8_t)needles || byte == (uint8_t)(needles >> 8) || byte == (uint8_t)(needles >> 16);
}

size_t rk_find_escape_portable(const uint8_t *bytes, size_t count, size_t start, uint8_t below, uint32_t needles) {
    for (size_t index = start; index < count; index++) {
        if (is_escape_byte_of(bytes[index], below, needles) || begins_line_separator(bytes, count, index)) return index;
    }
    return count < start ? start : count;
}

#if defined(__SSE2__)

/// The first bit of `mask` (bit i for byte `at + i`, 0xE2 bytes among them) that is not an 0xE2 or is one that
/// begins a line separator, as an index; or -1. Chinese text has an E2 (“ ” — …) every few dozen bytes, so the
/// three bytes are looked at only where one is. (An 0xE2 that is itself a needle, for a `below` or `needles` that
/// asks for it, counts too.)
static inline ptrdiff_t first_escape_bit(const uint8_t *bytes, size_t count, size_t at, unsigned mask, uint8_t below,
                                         uint32_t needles) {
    while (mask != 0) {
        const size_t index = at + (size_t)__builtin_ctz(mask);
        if (bytes[index] != 0xE2 || begins_line_separator(bytes, count, index) || is_escape_byte_of(0xE2, below, needles)) {
            return (ptrdiff_t)index;
        }
        mask &= mask - 1;
    }
    return -1;
}

#if defined(__x86_64__)
#include <immintrin.h>

/// Bit i set when byte i of the thirty-two at `at` is below the limit, one of the needles or an 0xE2.
__attribute__((target("avx2"), always_inline)) static inline unsigned block_mask32(const uint8_t *at, __m256i limit, __m256i n0,
                                                                                  __m256i n1, __m256i n2, __m256i lead) {
    const __m256i v = _mm256_loadu_si256((const __m256i *)at);
    const __m256i equal = _mm256_or_si256(_mm256_or_si256(_mm256_cmpeq_epi8(v, n0), _mm256_cmpeq_epi8(v, n1)),
                                          _mm256_or_si256(_mm256_cmpeq_epi8(v, n2), _mm256_cmpeq_epi8(v, lead)));
    const unsigned low = ~(unsigned)_mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_max_epu8(v, limit), v));
    return (unsigned)_mm256_movemask_epi8(equal) | low;
}

/// rk_find_escape's blocks of thirty-two from `*index` while a whole one is left (a sentence cell is some 450
/// bytes: half the steps of the SSE2 loop); leaves `*index` at the first block not tested when none is found.
__attribute__((target("avx2"))) static ptrdiff_t find_escape_avx2(const uint8_t *bytes, size_t count, size_t *index, uint8_t below,
                                                                  uint32_t needles) {
    const __m256i limit = _mm256_set1_epi8((char)below);
    const __m256i n0 = _mm256_set1_epi8((char)needles), n1 = _mm256_set1_epi8((char)(needles >> 8));
    const __m256i n2 = _mm256_set1_epi8((char)(needles >> 16)), lead = _mm256_set1_epi8((char)0xE2);
    size_t at = *index;
    for (; at + 32 <= count; at += 32) {
        const unsigned mask = block_mask32(bytes + at, limit, n0, n1, n2, lead);
        if (mask != 0) {
            const ptrdiff_t found = first_escape_bit(bytes, count, at, mask, below, needles);
            if (found >= 0) return found;
        }
    }
    *index = at;
    return -1;
}

/// Whether the CPU runs find_escape_avx2: asked once. Read and written atomically (relaxed): threads that race
/// only store the same answer twice, and a plain int shared that way is a data race in C11.
static int escape_avx2 = -1;
#endif

size_t rk_find_escape(const uint8_t *bytes, size_t count, size_t start, uint8_t below, uint32_t needles) {
    if (start >= count || count < 16) return rk_find_escape_portable(bytes, count, start, below, needles);
    size_t index = start;
#if defined(__x86_64__)
    if (count - start >= 64) {
        int avx2 = __atomic_load_n(&escape_avx2, __ATOMIC_RELAXED);
        if (avx2 < 0) {
            avx2 = rk_utf8_has_avx2();
            __atomic_store_n(&escape_avx2, avx2, __ATOMIC_RELAXED);
        }
        if (avx2) {
            const ptrdiff_t found = find_escape_avx2(bytes, count, &index, below, needles);
            if (found >= 0) return (size_t)found;
            if (index == count) return count;
        }
    }
#endif
    const __m128i limit = _mm_set1_epi8((char)below);
    const __m128i n0 = _mm_set1_epi8((char)needles), n1 = _mm_set1_epi8((char)(needles >> 8));
    const __m128i n2 = _mm_set1_epi8((char)(needles >> 16)), lead = _mm_set1_epi8((char)0xE2);
    for (; index + 16 <= count; index += 16) {
        const unsigned mask = block_mask(bytes + index, limit, n0, n1, n2, lead);
        if (mask != 0) {
            const ptrdiff_t found = first_escape_bit(bytes, count, index, mask, below, needles);
            if (found >= 0) return (size_t)found;
        }
    }
    if (index == count) return count;
    // The tail: the last sixteen bytes, without those already tested.
    const size_t last = count - 16;
    const unsigned mask = block_mask(bytes + last, limit, n0, n1, n2, lead) >> (index - last);
    const ptrdiff_t found = first_escape_bit(bytes, count, index, mask, below, needles);
    return found >= 0 ? (size_t)found : count;
}

#else

size_t rk_find_escape(const uint8_t *bytes, size_t count, size_t start, uint8_t below, uint32_t needles) {
    return rk_find_escape_portable(bytes, count, start, below, needles);
}

#endif

size_t rk_find_u32_portable(const uint32_t *values, size_t count, uint32_t value) {
    for (size_t index = 0; index < count; index++) {
        if (values[index] == value) return index;
    }
    return count;
}

size_t rk_find_u32(const uint32_t *values, size_t count, uint32_t value) {
#if defined(__SIZEOF_WCHAR_T__) && __SIZEOF_WCHAR_T__ == 4
    // A 32-bit wchar_t: the C library's vectorised wmemchr compares values whatever their sign.
    const wchar_t *found = wmemchr((const wchar_t *)values, (wchar_t)value, count);
    return found ? (size_t)(found - (const wchar_t *)values) : count;
#else
    return rk_find_u32_portable(values, count, value);
#endif
}
