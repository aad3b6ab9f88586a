// The run of CJK ideographs and punctuation that UTF8Normalizer copies unchanged, eight three-byte units per step
// with AVX2: each unit's bytes become one 32-bit number (lead << 16 | second << 8 | third), classified with range
// compares, and the script markers of the ideographs read from the two-bit table. Neutral scalars between them
// (`,`, `(`, ASCII letters, `í`…; see rk_cjk_neutral_length) are taken one at a time, and the eight-unit steps go
// on after them.
// Compiled for AVX2 per function; Swift calls rk_cjk_run_avx2 only after rk_utf8_has_avx2() says the CPU has it,
// and rk_cjk_run_portable otherwise.
#include "CKernels.h"

/// 1 when the three bytes, read as lead << 16 | second << 8 | third, are a unit of the run: an ideograph (lead E5…E9,
/// or E4 with a second byte from B8; the third byte is not looked at), or unmapped CJK punctuation.
static inline int rk_cjk_is_ideograph(uint32_t unit) { return unit >= 0xE4B800u && unit <= 0xE9FFFFu; }

static inline int rk_cjk_is_punctuation(uint32_t unit) {
    return (unit >= 0xE28094u && unit <= 0xE2809Fu) || unit == 0xE280A6u || (unit >= 0xE38081u && unit <= 0xE380A9u)
        || (unit >= 0xE380B0u && unit <= 0xE380FFu) || (unit >= 0xEFBC81u && unit <= 0xEFBC8Fu)
        || (unit >= 0xEFBC9Au && unit <= 0xEFBCA0u);
}

/// The length of the neutral scalar at `index` (before `count`), 0 when there is none there: a scalar UTF8Normalizer
/// writes as it is with nothing else to note. One byte for printable ASCII but digits and `.` (0x21…0x2D, 0x2F,
/// 0x3A…0x7E); two for U+00C0…U+02FF (lead C3…CB and a continuation byte: Latin letters such as the tone-marked
/// vowels of pinyin).
static inline size_t rk_cjk_neutral_length(const uint8_t *bytes, size_t index, size_t count) {
    const uint8_t byte = bytes[index];
    if (byte >= 0x21 && byte <= 0x7E) return (byte == 0x2E || (byte >= 0x30 && byte <= 0x39)) ? 0 : 1;
    if (byte >= 0xC3 && byte <= 0xCB && index + 1 < count && (bytes[index + 1] & 0xC0) == 0x80) return 2;
    return 0;
}

/// Where the neutral scalars from `index` end.
static inline size_t rk_cjk_skip_neutral(const uint8_t *bytes, size_t index, size_t count) {
    size_t length;
    while (index < count && (length = rk_cjk_neutral_length(bytes, index, count)) != 0) index += length;
    return index;
}

/// The scalar value the unit's bits give (lead & 0x0F, second & 0x3F, third & 0x3F), always below 0x10000.
static inline uint32_t rk_cjk_value(uint32_t unit) {
    return ((unit >> 4) & 0xF000u) | ((unit >> 2) & 0x0FC0u) | (unit & 0x3Fu);
}

/// rk_cjk_run_portable from `start` (a unit boundary of the run), adding to what `run` holds.
static void rk_cjk_run_from(const uint8_t *bytes, size_t count, size_t start, const uint64_t *markers, struct rk_cjk_run *run) {
    size_t index = start;
    while (index < count) {
        const size_t neutral = rk_cjk_neutral_length(bytes, index, count);
        if (neutral != 0) {
            run->ends_in_punctuation = 0;
            index += neutral;
            continue;
        }
        if (index + 3 > count) break;
        const uint32_t unit = (uint32_t)bytes[index] << 16 | (uint32_t)bytes[index + 1] << 8 | bytes[index + 2];
        if (rk_cjk_is_ideograph(unit)) {
            const uint32_t value = rk_cjk_value(unit);
            const uint64_t marker = (markers[value >> 5] >> ((value & 31) << 1)) & 3;
            run->traditional += (size_t)(marker >> 1);
            run->simplified += (size_t)(marker & 1);
            run->ends_in_punctuation = 0;
        } else if (rk_cjk_is_punctuation(unit)) {
            run->ends_in_punctuation = 1;
        } else {
            break;
        }
        index += 3;
    }
    run->length = index;
}

void rk_cjk_run_portable(const uint8_t *bytes, size_t count, const uint64_t *markers, struct rk_cjk_run *run) {
    run->traditional = 0;
    run->simplified = 0;
    run->ends_in_punctuation = 0;
    rk_cjk_run_from(bytes, count, 0, markers, run);
}

#if defined(__x86_64__)
#include <immintrin.h>

/// All-ones in the 32-bit lanes of `value` from `low` to `high` (unsigned).
__attribute__((target("avx2,popcnt"), always_inline))
static inline __m256i rk_cjk_in_range(__m256i value, uint32_t low, uint32_t high) {
    const __m256i offset = _mm256_sub_epi32(value, _mm256_set1_epi32((int)low));
    return _mm256_cmpeq_epi32(_mm256_min_epu32(offset, _mm256_set1_epi32((int)(high - low))), offset);
}

/// Adds the script markers of the ideographs among the first `accepted` units to the per-lane sums: in `marker_sum`
/// a Simplified one counts 1 and a Traditional one 2, `traditional_sum` counts the Traditional ones.
__attribute__((target("avx2,popcnt"), always_inline))
static inline void rk_cjk_count_markers(__m256i unit, __m256i ideograph, unsigned accepted, const uint64_t *markers,
                                        __m256i *marker_sum, __m256i *traditional_sum) {
    const __m256i lanes = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
    // The scalar values, for the markers of the accepted ideographs.
    const __m256i value = _mm256_or_si256(
        _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi32(unit, 4), _mm256_set1_epi32(0xF000)),
                        _mm256_and_si256(_mm256_srli_epi32(unit, 2), _mm256_set1_epi32(0x0FC0))),
        _mm256_and_si256(unit, _mm256_set1_epi32(0x3F)));
    // The table words are read one at a time: a gather of the eight took longer than the loads (AMD Zen 4).
    // Their shifts and the counting stay in vectors. The lanes not wanted read the marker of U+0000, which is 0.
    const __m256i wanted = _mm256_and_si256(ideograph, _mm256_cmpgt_epi32(_mm256_set1_epi32((int)accepted), lanes));
    const __m256i wanted_value = _mm256_and_si256(value, wanted);
    uint32_t words[8];
    _mm256_storeu_si256((__m256i *)words, _mm256_srli_epi32(wanted_value, 5));
    const __m256i low_words = _mm256_setr_epi64x((long long)markers[words[0]], (long long)markers[words[1]],
                                                 (long long)markers[words[2]], (long long)markers[words[3]]);
    const __m256i high_words = _mm256_setr_epi64x((long long)markers[words[4]], (long long)markers[words[5]],
                                                  (long long)markers[words[6]], (long long)markers[words[7]]);
    const __m256i shift = _mm256_slli_epi32(_mm256_and_si256(wanted_value, _mm256_set1_epi32(31)), 1);
    const __m256i two_bits = _mm256_set1_epi64x(3);
    const __m256i low = _mm256_and_si256(
        _mm256_srlv_epi64(low_words, _mm256_cvtepu32_epi64(_mm256_castsi256_si128(shift))), two_bits);
    const __m256i high = _mm256_and_si256(
        _mm256_srlv_epi64(high_words, _mm256_cvtepu32_epi64(_mm256_extracti128_si256(shift, 1))), two_bits);
    *marker_sum = _mm256_add_epi64(*marker_sum, _mm256_add_epi64(low, high));
    *traditional_sum = _mm256_add_epi64(*traditional_sum, _mm256_add_epi64(_mm256_srli_epi64(low, 1), _mm256_srli_epi64(high, 1)));
}

__attribute__((target("avx2,popcnt")))
void rk_cjk_run_avx2(const uint8_t *bytes, size_t count, const uint64_t *markers, struct rk_cjk_run *run) {
    // Units 0…3 from the first 16 bytes, 4…7 from the 16 at byte 12: in each 128-bit lane, dword k is bytes
    // 3k + 2, 3k + 1, 3k (little-endian, so the lead is the high byte) and a zero.
    const __m256i order = _mm256_setr_epi8(2, 1, 0, -1, 5, 4, 3, -1, 8, 7, 6, -1, 11, 10, 9, -1,
                                           2, 1, 0, -1, 5, 4, 3, -1, 8, 7, 6, -1, 11, 10, 9, -1);
    // Per 64-bit lane: the sum of the markers read (a Simplified one counts 1, a Traditional one 2), and the
    // Traditional ones; the Simplified ones are the difference.
    __m256i marker_sum = _mm256_setzero_si256(), traditional_sum = _mm256_setzero_si256();
    int ends_in_punctuation = 0;
    size_t index = 0;
    int ended = 0;  // a unit that is not of the run was found
    while (index + 28 <= count) {
        const __m256i raw = _mm256_inserti128_si256(
            _mm256_castsi128_si256(_mm_loadu_si128((const __m128i *)(bytes + index))),
            _mm_loadu_si128((const __m128i *)(bytes + index + 12)), 1);
        const __m256i unit = _mm256_shuffle_epi8(raw, order);
        const __m256i ideograph = rk_cjk_in_range(unit, 0xE4B800u, 0xE9FFFFu);
        const unsigned ideograph_mask = (unsigned)_mm256_movemask_ps(_mm256_castsi256_ps(ideograph));
        unsigned accepted = 8;
        unsigned punctuation_mask = 0;
        if (ideograph_mask != 0xFF) {
            __m256i punctuation = _mm256_or_si256(rk_cjk_in_range(unit, 0xE28094u, 0xE2809Fu),
                                                  _mm256_cmpeq_epi32(unit, _mm256_set1_epi32(0xE280A6)));
            punctuation = _mm256_or_si256(punctuation, rk_cjk_in_range(unit, 0xE38081u, 0xE380A9u));
            punctuation = _mm256_or_si256(punctuation, rk_cjk_in_range(unit, 0xE380B0u, 0xE380FFu));
            punctuation = _mm256_or_si256(punctuation, rk_cjk_in_range(unit, 0xEFBC81u, 0xEFBC8Fu));
            punctuation = _mm256_or_si256(punctuation, rk_cjk_in_range(unit, 0xEFBC9Au, 0xEFBCA0u));
            punctuation_mask = (unsigned)_mm256_movemask_ps(_mm256_castsi256_ps(punctuation));
            accepted = (unsigned)__builtin_ctz(~(ideograph_mask | punctuation_mask));  // the units before the first that is not
        }
        if (accepted > 0) {
            rk_cjk_count_markers(unit, ideograph, accepted, markers, &marker_sum, &traditional_sum);
            ends_in_punctuation = (int)((punctuation_mask >> (accepted - 1)) & 1);
        }
        index += 3 * accepted;
        if (accepted < 8) {
            // The unit that stopped these eight starts within the 28 bytes read, so before `count`. Neutral scalars
            // go on the run; anything else ends it.
            const size_t next = rk_cjk_skip_neutral(bytes, index, count);
            if (next == index) {
                ended = 1;
                break;
            }
            ends_in_punctuation = 0;
            index = next;
        }
    }
    uint64_t sums[4], traditionals[4];
    _mm256_storeu_si256((__m256i *)sums, marker_sum);
    _mm256_storeu_si256((__m256i *)traditionals, traditional_sum);
    const size_t traditional = (size_t)(traditionals[0] + traditionals[1] + traditionals[2] + traditionals[3]);
    run->traditional = traditional;
    run->simplified = (size_t)(sums[0] + sums[1] + sums[2] + sums[3]) - 2 * traditional;
    run->ends_in_punctuation = ends_in_punctuation;
    run->length = index;
    // Fewer than 28 bytes were left: the rest one unit at a time.
    if (!ended) rk_cjk_run_from(bytes, count, index, markers, run);
}

#else

void rk_cjk_run_avx2(const uint8_t *bytes, size_t count, const uint64_t *markers, struct rk_cjk_run *run) {
    rk_cjk_run_portable(bytes, count, markers, run);
}

#endif
