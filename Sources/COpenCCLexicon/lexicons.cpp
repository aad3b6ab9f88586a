#include "COpenCCLexicon.h"

#include <opencc/Config.hpp>
#include <opencc/Conversion.hpp>
#include <opencc/ConversionChain.hpp>
#include <opencc/Converter.hpp>
#include <opencc/DictEntry.hpp>
#include <opencc/DictGroup.hpp>
#include <opencc/Lexicon.hpp>
#include <opencc/MarisaDict.hpp>
#include <opencc/MaxMatchSegmentation.hpp>

#include <vector>

namespace {
/// Appends the dictionaries `dict` asks in order; false for a kind whose matching is not known to be longest-prefix.
bool flatten(const opencc::DictPtr &dict, std::vector<opencc::DictPtr> &out) {
    if (auto group = std::dynamic_pointer_cast<opencc::DictGroup>(dict)) {
        for (const auto &member : group->GetDicts()) {
            if (!flatten(member, out)) return false;
        }
        return true;
    }
    if (!std::dynamic_pointer_cast<opencc::MarisaDict>(dict)) return false;
    out.push_back(dict);
    return true;
}
} // namespace

extern "C" int rk_opencc_conversion_lexicons(const char *configuration, rk_lexicon_entry entry, void *context) {
    try {
        opencc::Config config;
        const opencc::ConverterPtr converter = config.NewFromFile(configuration);
        auto segmentation = std::dynamic_pointer_cast<opencc::MaxMatchSegmentation>(converter->GetSegmentation());
        if (!segmentation || segmentation->GetDict()->GetLexicon()->Length() != 0) return -1;
        const auto conversions = converter->GetConversionChain()->GetConversions();
        if (conversions.size() != 1) return -1;
        std::vector<opencc::DictPtr> dictionaries;
        if (!flatten(conversions.front()->GetDict(), dictionaries)) return -1;
        for (size_t index = 0; index < dictionaries.size(); index++) {
            const opencc::LexiconPtr lexicon = dictionaries[index]->GetLexicon();
            for (const auto &item : *lexicon) {
                const std::string key = item->Key();
                const std::string value = item->GetDefault();
                entry(context, static_cast<int>(index), key.data(), key.size(), value.data(), value.size());
            }
        }
        return static_cast<int>(dictionaries.size());
    } catch (...) {
        return -1;
    }
}
