#ifndef COPENCCLEXICON_H
#define COPENCCLEXICON_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Receives one dictionary entry: the index of its dictionary in match order, its key and its default value
/// (OpenCC's `DictEntry::GetDefault`), neither NUL-terminated.
typedef void (*rk_lexicon_entry)(void *context, int dictionary, const char *key, size_t key_length, const char *value,
                                 size_t value_length);

/// Hands `entry` every entry of the dictionaries an OpenCC configuration converts with, when its conversion is
/// a plain longest-match pass over them: an empty segmentation dictionary (so the whole text is one segment), one
/// conversion in the chain, and a dictionary that is an OCD2 (marisa) file or a group of such, nested groups
/// flattened in the order `DictGroup::MatchPrefix` asks them. Returns the number of dictionaries, or -1 when the
/// configuration cannot be loaded or is of any other shape (then what was handed over must be ignored).
int rk_opencc_conversion_lexicons(const char *configuration, rk_lexicon_entry entry, void *context);

#ifdef __cplusplus
}
#endif

#endif
