// UTF-8 validation with AVX2, 32 bytes per step, after Keiser and Lemire, "Validating UTF-8 in less than one
// instruction per byte" (2021): three nibble lookups classify every pair of neighbouring bytes, and a check on
// the bytes two and three back finds the continuation bytes a three- or four-byte scalar needs. The same pass
// counts scalars and control characters. Compiled for AVX2 per function, so the package builds and runs on any
// CPU; Swift calls it only after rk_utf8_has_avx2() says the CPU has it, and has a portable loop otherwise.
#include <string.h>
#include "CKernels.h"

#if defined(__x86_64__)
#include <immintrin.h>

int rk_utf8_has_avx2(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("popcnt");
}

// What a pair of bytes (the first, then the second) can be wrong with; a pair is bad when all three lookups
// (first byte's high nibble, its low nibble, second byte's high nibble) share a bit.
#define TOO_SHORT 0x01  // a lead byte not followed by a continuation byte
#define TOO_LONG 0x02   // ASCII followed by a continuation byte
#define OVERLONG_3 0x04 // E0 80..9F
#define TOO_LARGE 0x08  // F4 90..BF, F5..FF and a continuation
#define SURROGATE 0x10  // ED A0..BF
#define OVERLONG_2 0x20 // C0 or C1 and a continuation
#define TOO_LARGE_1000 0x40 // F5..FF 80..8F
#define OVERLONG_4 0x40 // F0 80..8F
#define TWO_CONTS 0x80  // two continuation bytes: an error unless a three- or four-byte scalar needs them
#define CARRY (TOO_SHORT | TOO_LONG | TWO_CONTS)

/// A 16-entry nibble table, in both 128-bit lanes (vpshufb looks up within a lane).
#define RK_TABLE(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p)                                                       \
    _mm256_setr_epi8((char)(a), (char)(b), (char)(c), (char)(d), (char)(e), (char)(f), (char)(g), (char)(h), (char)(i), \
                     (char)(j), (char)(k), (char)(l), (char)(m), (char)(n), (char)(o), (char)(p), (char)(a), (char)(b), \
                     (char)(c), (char)(d), (char)(e), (char)(f), (char)(g), (char)(h), (char)(i), (char)(j), (char)(k), \
                     (char)(l), (char)(m), (char)(n), (char)(o), (char)(p))

struct rk_utf8_state {
    __m256i previous;   // the block before, for the bytes one to three back
    __m256i incomplete; // its last bytes that start a scalar it does not finish
    __m256i error;
    uint32_t high;      // any byte above 0x7F
    uint32_t nul;
    size_t scalars;
    size_t controls;
};

__attribute__((target("avx2,popcnt"), always_inline))
static inline void rk_utf8_block(struct rk_utf8_state *state, __m256i input, uint32_t valid_lanes) {
    const uint32_t high = (uint32_t)_mm256_movemask_epi8(input);
    state->high |= high;
    if (high == 0) {
        // All ASCII: valid on its own, and wrong only after a scalar the block before left unfinished.
        state->error = _mm256_or_si256(state->error, state->incomplete);
        state->incomplete = _mm256_setzero_si256();
    } else {
        const __m256i low_nibble = _mm256_set1_epi8(0x0F);
        // The input shifted by one, two and three bytes, with the previous block's last bytes shifted in.
        const __m256i joined = _mm256_permute2x128_si256(state->previous, input, 0x21);
        const __m256i prev1 = _mm256_alignr_epi8(input, joined, 15);
        const __m256i prev2 = _mm256_alignr_epi8(input, joined, 14);
        const __m256i prev3 = _mm256_alignr_epi8(input, joined, 13);
        const __m256i byte_1_high = _mm256_shuffle_epi8(
            RK_TABLE(TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TWO_CONTS, TWO_CONTS,
                     TWO_CONTS, TWO_CONTS, TOO_SHORT | OVERLONG_2, TOO_SHORT, TOO_SHORT | OVERLONG_3 | SURROGATE,
                     TOO_SHORT | TOO_LARGE | TOO_LARGE_1000 | OVERLONG_4),
            _mm256_and_si256(_mm256_srli_epi16(prev1, 4), low_nibble));
        const __m256i byte_1_low = _mm256_shuffle_epi8(
            RK_TABLE(CARRY | OVERLONG_3 | OVERLONG_2 | OVERLONG_4, CARRY | OVERLONG_2, CARRY, CARRY, CARRY | TOO_LARGE,
                     CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
                     CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
                     CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
                     CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
                     CARRY | TOO_LARGE | TOO_LARGE_1000 | SURROGATE, CARRY | TOO_LARGE | TOO_LARGE_1000,
                     CARRY | TOO_LARGE | TOO_LARGE_1000),
            _mm256_and_si256(prev1, low_nibble));
        const __m256i byte_2_high = _mm256_shuffle_epi8(
            RK_TABLE(TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT,
                     TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE_1000 | OVERLONG_4,
                     TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE,
                     TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,
                     TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT),
            _mm256_and_si256(_mm256_srli_epi16(input, 4), low_nibble));
        const __m256i special = _mm256_and_si256(_mm256_and_si256(byte_1_high, byte_1_low), byte_2_high);
        // Two or three bytes back a three- or four-byte lead (E0..FF, F0..FF): here a continuation must stand.
        const __m256i third = _mm256_subs_epu8(prev2, _mm256_set1_epi8((char)(0xE0 - 0x80)));
        const __m256i fourth = _mm256_subs_epu8(prev3, _mm256_set1_epi8((char)(0xF0 - 0x80)));
        const __m256i needed = _mm256_and_si256(_mm256_or_si256(third, fourth), _mm256_set1_epi8((char)0x80));
        state->error = _mm256_or_si256(state->error, _mm256_xor_si256(needed, special));
        // A lead among the last three bytes whose scalar does not fit in the block: F0.. at 29, E0.. at 30, C0.. at 31.
        const __m256i limits = _mm256_setr_epi8(-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
                                                -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, (char)(0xF0 - 1),
                                                (char)(0xE0 - 1), (char)(0xC0 - 1));
        state->incomplete = _mm256_subs_epu8(input, limits);
    }
    state->previous = input;
    // Scalars start at every byte that is not 10xxxxxx (as a signed byte: above -65).
    const uint32_t starts = (uint32_t)_mm256_movemask_epi8(_mm256_cmpgt_epi8(input, _mm256_set1_epi8(-65))) & valid_lanes;
    state->scalars += (size_t)__builtin_popcount(starts);
    const __m256i below_space = _mm256_cmpeq_epi8(_mm256_min_epu8(input, _mm256_set1_epi8(0x1F)), input);
    const uint32_t low = (uint32_t)_mm256_movemask_epi8(below_space) & valid_lanes;
    if (low != 0) {
        const __m256i allowed = _mm256_or_si256(
            _mm256_or_si256(_mm256_cmpeq_epi8(input, _mm256_set1_epi8(0x09)), _mm256_cmpeq_epi8(input, _mm256_set1_epi8(0x0A))),
            _mm256_cmpeq_epi8(input, _mm256_set1_epi8(0x0D)));
        state->controls += (size_t)__builtin_popcount(low & ~(uint32_t)_mm256_movemask_epi8(allowed));
        state->nul |= (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(input, _mm256_setzero_si256())) & valid_lanes;
    }
}

__attribute__((target("avx2,popcnt")))
int rk_utf8_scan_avx2(const uint8_t *bytes, size_t length, int reject_nul, struct rk_utf8_facts *facts) {
    struct rk_utf8_state state;
    state.previous = _mm256_setzero_si256();
    state.incomplete = _mm256_setzero_si256();
    state.error = _mm256_setzero_si256();
    state.high = 0;
    state.nul = 0;
    state.scalars = 0;
    state.controls = 0;
    size_t index = 0;
    for (; index + 32 <= length; index += 32) {
        rk_utf8_block(&state, _mm256_loadu_si256((const __m256i *)(bytes + index)), 0xFFFFFFFFu);
    }
    if (index < length) {
        // The last bytes, padded with NULs: a scalar they cut short then fails against the padding.
        uint8_t tail[32];
        memset(tail, 0, sizeof tail);
        memcpy(tail, bytes + index, length - index);
        rk_utf8_block(&state, _mm256_loadu_si256((const __m256i *)tail), (1u << (length - index)) - 1);
    }
    state.error = _mm256_or_si256(state.error, state.incomplete);
    if (!_mm256_testz_si256(state.error, state.error)) return 0;
    if (reject_nul && state.nul != 0) return 0;
    facts->scalars = state.scalars;
    facts->controls = state.controls;
    facts->is_ascii = state.high == 0;
    return 1;
}

#else

int rk_utf8_has_avx2(void) { return 0; }

int rk_utf8_scan_avx2(const uint8_t *bytes, size_t length, int reject_nul, struct rk_utf8_facts *facts) {
    (void)bytes, (void)length, (void)reject_nul, (void)facts;
    return -1;
}

#endif
