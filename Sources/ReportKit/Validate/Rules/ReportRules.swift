/// `title-missing`: the report has no title line; the dataset leaves it null rather than inventing one.
struct TitleMissingRule: ValidationRule {
    let id = "title-missing"
    let defaultSeverity = Finding.Severity.info
    let rationale = "A report without a title line is harder to cite; the title is left null, never invented."
    func check(_ document: ExtractedDocument, context: ValidationContext) -> [Finding] {
        document.report.title == nil
            ? [finding(document, field: "title", message: "The report has no title line; title is null.")] : []
    }
}

/// `date-missing` / `date-implausible`.
struct PublishedDateRule: ValidationRule {
    let id = "date-missing"
    let defaultSeverity = Finding.Severity.warning
    let rationale = "Claims need a date to be compared over time; dates before 1990 or after the build are typos."
    func check(_ document: ExtractedDocument, context: ValidationContext) -> [Finding] {
        guard let date = document.report.publishedDate else {
            return [finding(document, field: "published_date", message: "No publication date in the metadata or byline.")]
        }
        let year = Int(date.prefix(4)) ?? 0
        if year < context.earliestPlausibleYear || date > context.buildDate {
            var implausible = finding(
                document, field: "published_date",
                message: "Publication date \(date) is implausible (before \(context.earliestPlausibleYear) or after the build date \(context.buildDate)).")
            implausible.rule = "date-implausible"
            implausible.severity = .error
            return [implausible]
        }
        return []
    }
}

/// `region-unknown` / `region-ambiguous`.
struct RegionRule: ValidationRule {
    let id = "region-unknown"
    let defaultSeverity = Finding.Severity.warning
    let rationale = "Every report should be placed on the map; an ambiguous place name needs a human look."
    func check(_ document: ExtractedDocument, context: ValidationContext) -> [Finding] {
        if document.report.regionCode == nil {
            return [finding(document, field: "region_code", message: "No place from the gazetteer is named in the report.")]
        }
        if document.regionAmbiguous {
            var ambiguous = finding(
                document, field: "region_code",
                message: "The place name resolving to \(document.report.regionCode ?? "") is shared by several divisions and the report does not say which.")
            ambiguous.rule = "region-ambiguous"
            return [ambiguous]
        }
        return []
    }
}

/// `mojibake-unrepaired`: damaged text the clean stage could not repair with confidence.
struct UnrepairedMojibakeRule: ValidationRule {
    let id = "mojibake-unrepaired"
    let defaultSeverity = Finding.Severity.warning
    let rationale = "Runs of `?` and stray characters are encoding damage; figures inside them may be lost."
    func check(_ document: ExtractedDocument, context: ValidationContext) -> [Finding] {
        guard let count = QualityFlagValue.value("mojibake_unrepaired", in: document.report.qualityFlags) else { return [] }
        return [finding(document, field: "text", message: "\(count) suspect mojibake runs were left unrepaired.")]
    }
}

/// `broken-number-joined`: a number split by a stray space was joined; worth a look.
struct BrokenNumberRule: ValidationRule {
    let id = "broken-number-joined"
    let defaultSeverity = Finding.Severity.info
    let rationale = "`106. 66%` was joined to `106.66%`; the source was damaged there."
    func check(_ document: ExtractedDocument, context: ValidationContext) -> [Finding] {
        guard let count = QualityFlagValue.value("broken_number_joined", in: document.report.qualityFlags) else { return [] }
        return [finding(document, field: "text", message: "\(count) numbers broken by a stray space were joined.")]
    }
}
