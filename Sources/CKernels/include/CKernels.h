#ifndef CKERNELS_H
#define CKERNELS_H

#include <stddef.h>
#include <stdint.h>

/// 1 when this CPU can run rk_minhash_minima_avx512 (AVX-512 F and DQ), else 0.
int rk_minhash_has_avx512(void);

/// For every slot s < slots: minima[s] = min over i < count of (multipliers[s] * hashes[i] + increments[s]),
/// computed modulo 2^64 and compared unsigned, exactly like MinHasher's portable Swift loop.
/// Call only when rk_minhash_has_avx512() returned 1.
void rk_minhash_minima_avx512(const uint64_t *hashes, size_t count, const uint64_t *multipliers,
                              const uint64_t *increments, uint64_t *minima, size_t slots);

/// For every start s <= count - size: hashes[s] = FNV-1a (64-bit) of values[s ..< s + size], each value xored in
/// as a 64-bit integer, exactly like MinHasher.shingleHashes. Writes nothing when count < size or size is 0.
/// Call only when rk_minhash_has_avx512() returned 1.
void rk_shingle_hashes_avx512(const uint32_t *values, size_t count, size_t size, uint64_t *hashes);

/// 1 when this CPU can run the AVX2 kernels below, else 0.
int rk_minhash_has_avx2(void);

/// For every slot s < slots: minima[s] = the high 32 bits of min over i < count of (multipliers[s] * hashes[i] +
/// increments[s]) (modulo 2^64, compared unsigned): rk_minhash_minima_avx512's result shifted down, which is
/// all a signature keeps. Call only when rk_minhash_has_avx2() returned 1.
void rk_minhash_high_minima_avx2(const uint64_t *hashes, size_t count, const uint64_t *multipliers,
                                 const uint64_t *increments, uint32_t *minima, size_t slots);

/// rk_shingle_hashes_avx512 with AVX2. Call only when rk_minhash_has_avx2() returned 1.
void rk_shingle_hashes_avx2(const uint32_t *values, size_t count, size_t size, uint64_t *hashes);

/// XXH64 of `length` bytes (seed 0), the reference algorithm (xxhash.com); portable C.
uint64_t rk_xxh64(const void *bytes, size_t length);

/// 1 when the `needle_length` bytes at `needle` occur in the `length` bytes at `bytes` (an empty needle always
/// does), else 0: glibc's memmem, which Swift's Glibc module does not export (it needs _GNU_SOURCE).
int rk_contains_bytes(const void *bytes, size_t length, const void *needle, size_t needle_length);

/// The index of the first of the `count` values at `values` equal to `value`, or `count`: glibc's vectorised
/// wmemchr where wchar_t is 32 bits (Swift's Glibc module does not export it), else rk_find_u32_portable.
size_t rk_find_u32(const uint32_t *values, size_t count, uint32_t value);
/// The plain loop rk_find_u32 must agree with.
size_t rk_find_u32_portable(const uint32_t *values, size_t count, uint32_t value);

/// What rk_utf8_scan_avx2 counts in well-formed UTF-8.
struct rk_utf8_facts {
    size_t scalars;
    /// Scalars below U+0020 other than tab, line feed and carriage return.
    size_t controls;
    /// 1 when every byte is below 0x80.
    int is_ascii;
};

/// 1 when this CPU can run rk_utf8_scan_avx2 and rk_cjk_run_avx2 (AVX2 and POPCNT), else 0.
int rk_utf8_has_avx2(void);

/// 1 when the `length` bytes are well-formed UTF-8 (Unicode Table 3-7) and, with `reject_nul`, hold no NUL, with
/// `facts` filled in; else 0. Call only when rk_utf8_has_avx2() returned 1.
int rk_utf8_scan_avx2(const uint8_t *bytes, size_t length, int reject_nul, struct rk_utf8_facts *facts);

/// The first index i with start <= i < count whose byte is below `below` or equals one of the four bytes packed
/// little-endian in `needles` (repeat a byte to ask for fewer); count when there is none (start when start > count).
/// Sixteen bytes per step with SSE2 where the target has it, else rk_find_byte_of_portable.
size_t rk_find_byte_of(const uint8_t *bytes, size_t count, size_t start, uint8_t below, uint32_t needles);

/// rk_find_byte_of one byte at a time: the definition, and the path on targets without SSE2.
size_t rk_find_byte_of_portable(const uint8_t *bytes, size_t count, size_t start, uint8_t below, uint32_t needles);

/// The first index i with start <= i < count whose byte is below `below`, equals one of the three bytes packed
/// little-endian in the low 24 bits of `needles` (repeat a byte to ask for fewer), or begins U+2028 or U+2029
/// (E2 80 A8 or E2 80 A9, all three bytes before count); count when there is none (start when start > count).
/// The bytes a JSON string must escape: the other punctuation of Chinese text that starts with 0xE2 (“ ” — …)
/// does not end the scan. Sixteen bytes per step with SSE2 where the target has it.
size_t rk_find_escape(const uint8_t *bytes, size_t count, size_t start, uint8_t below, uint32_t needles);

/// rk_find_escape one byte at a time: the definition, and the path on targets without SSE2.
size_t rk_find_escape_portable(const uint8_t *bytes, size_t count, size_t start, uint8_t below, uint32_t needles);

/// What rk_cjk_run_avx2 and rk_cjk_run_portable found.
struct rk_cjk_run {
    /// The length in bytes of the longest prefix made of three-byte units that are each an ideograph (lead E5…E9,
    /// or E4 with a second byte from B8) or unmapped CJK punctuation (E2 80 94…9F, E2 80 A6, E3 80 81…A9,
    /// E3 80 B0…FF, EF BC 81…8F, EF BC 9A…A0), and of neutral scalars (printable ASCII but digits and `.`;
    /// U+00C0…U+02FF, lead C3…CB and a continuation byte): what UTF8Normalizer copies unchanged.
    size_t length;
    /// The Traditional (marker 2) and Simplified (marker 1) script markers among its ideographs.
    size_t traditional;
    size_t simplified;
    /// 1 when its last unit is CJK punctuation.
    int ends_in_punctuation;
};

/// Finds the run at the start of the `count` bytes; `markers` is the two-bit table of
/// ChineseScriptConverter.scriptMarkers (32 scalars per word). The definition, and the path without AVX2.
void rk_cjk_run_portable(const uint8_t *bytes, size_t count, const uint64_t *markers, struct rk_cjk_run *run);

/// rk_cjk_run_portable, eight units per step. Call only when rk_utf8_has_avx2() returned 1.
void rk_cjk_run_avx2(const uint8_t *bytes, size_t count, const uint64_t *markers, struct rk_cjk_run *run);

/// Decodes the `count` bytes of well-formed UTF-8 at `bytes` into their scalar values at `out` (room for `count`
/// values) and gives how many there are. The definition, and the path without AVX2.
size_t rk_utf8_decode_portable(const uint8_t *bytes, size_t count, uint32_t *out);

/// rk_utf8_decode_portable, eight three-byte scalars per step. Call only when rk_utf8_has_avx2() returned 1.
size_t rk_utf8_decode_avx2(const uint8_t *bytes, size_t count, uint32_t *out);

/// Where rk_utf8_decode_flagged_portable and rk_utf8_decode_flagged_avx2 write, and what they count.
struct rk_flagged_decode {
    /// Each scalar's value, its byte offset and its flag byte (room for `count` entries each).
    uint32_t *values;
    int32_t *offsets;
    uint8_t *flags;
    /// The kept scalars' values (room for `count`) and UTF-8 (room for `count` + 3 bytes).
    uint32_t *kept_values;
    uint8_t *kept_utf8;
    /// Set by the call: the astral scalars, and the kept scalars and their UTF-8 bytes.
    size_t astral;
    size_t kept_count;
    size_t kept_bytes;
};

/// Decodes the `count` bytes of well-formed UTF-8 at `bytes` like rk_utf8_decode_portable, and stores each scalar's byte
/// offset and, for a scalar below U+10000, its byte of `flag_table` (65,536 entries); an astral scalar's flag is 0 and
/// `astral` counts them, so that the caller can look those up itself. The scalars whose flag shares a bit with
/// `kept_flags` are also stored in `kept_values` and `kept_utf8`. Gives how many scalars there are. The definition, and
/// the path without AVX2.
size_t rk_utf8_decode_flagged_portable(const uint8_t *bytes, size_t count, const uint8_t *flag_table, uint8_t kept_flags,
                                       struct rk_flagged_decode *out);

/// rk_utf8_decode_flagged_portable, eight three-byte scalars per step. Call only when rk_utf8_has_avx2() returned 1.
size_t rk_utf8_decode_flagged_avx2(const uint8_t *bytes, size_t count, const uint8_t *flag_table, uint8_t kept_flags,
                                   struct rk_flagged_decode *out);

/// SHA-256's compression function over `blocks` whole 64-byte blocks at `data`, updating `state` (the eight
/// working words, a first). Portable C: the definition, and the path on CPUs without the SHA extensions.
void rk_sha256_blocks_portable(uint32_t state[8], const uint8_t *data, size_t blocks);

/// 1 when this CPU can run rk_sha256_blocks_ni and rk_sha256_blocks_ni_x2 (x86 SHA extensions and SSE4.1), else 0.
int rk_sha256_has_ni(void);

/// rk_sha256_blocks_portable with the SHA instructions. Call only when rk_sha256_has_ni() returned 1.
void rk_sha256_blocks_ni(uint32_t state[8], const uint8_t *data, size_t blocks);

/// rk_sha256_blocks_ni on two independent streams, `blocks` blocks of each, their rounds interleaved.
/// Call only when rk_sha256_has_ni() returned 1.
void rk_sha256_blocks_ni_x2(uint32_t stateA[8], const uint8_t *a, uint32_t stateB[8], const uint8_t *b, size_t blocks);

#endif
