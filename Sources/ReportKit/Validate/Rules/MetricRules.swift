/// `percent-over-100`: a rate or share above 100% (`注册率达到106.66%`) is usually a typo.
struct PercentOverHundredRule: ValidationRule {
    let id = "percent-over-100"
    let defaultSeverity = Finding.Severity.warning
    let rationale = "Rates and shares cannot exceed 100%; growth rates can, so only levels and shares are checked."
    func check(_ document: ExtractedDocument, context: ValidationContext) -> [Finding] {
        document.metrics.filter { $0.unitNormalized == "percent" && $0.value > 100 && ["level", "share"].contains($0.kind) }
            .map { finding(document, field: "metrics.value", message: "\($0.quote) is more than 100%; a broken decimal or a typo?", metric: $0) }
    }
}

/// `metric-without-indicator`: a claim whose measured thing could not be found.
struct MissingIndicatorRule: ValidationRule {
    let id = "metric-without-indicator"
    let defaultSeverity = Finding.Severity.warning
    let rationale = "A number without what it measures cannot be used; read the sentence."
    func check(_ document: ExtractedDocument, context: ValidationContext) -> [Finding] {
        document.metrics.filter { $0.indicator.isEmpty }
            .map { finding(document, field: "metrics.indicator", message: "No indicator found for \($0.quote).", metric: $0) }
    }
}

/// `value-out-of-range`: beyond the plausible bound for its unit (spec: `validate.max_plausible`).
struct PlausibleRangeRule: ValidationRule {
    let id = "value-out-of-range"
    let defaultSeverity = Finding.Severity.warning
    let rationale = "Values far beyond what the unit allows (a 5,000-workday deadline) are extraction or source errors."
    func check(_ document: ExtractedDocument, context: ValidationContext) -> [Finding] {
        // A report's metrics use a few units: each unit's bound is hashed out of the dictionary once, and a
        // metric is copied (all its Strings retained) only when it is reported.
        var bounds: [(unit: String, bound: Double?)] = []
        bounds.reserveCapacity(8)  // a report's units, most often fewer: one allocation instead of growing
        var findings: [Finding] = []
        let metrics = document.metrics
        for index in metrics.indices {
            let unit = metrics[index].unitNormalized
            let known = bounds.first { $0.unit == unit }
            let bound = known.map(\.bound) ?? context.maxPlausible[unit]
            if known == nil { bounds.append((unit, bound)) }
            guard let bound, metrics[index].valueNormalized > bound else { continue }
            let metric = metrics[index]
            findings.append(
                finding(
                    document, field: "metrics.value_normalized",
                    message: "\(metric.quote) is above the plausible maximum of \(bound) \(metric.unitNormalized).", metric: metric))
        }
        return findings
    }
}

/// `offsets-mismatch`: `char_start`/`char_end` must slice the cleaned text to the quote.
struct OffsetsRule: ValidationRule {
    let id = "offsets-mismatch"
    let defaultSeverity = Finding.Severity.error
    let rationale = "Every figure must be traceable to the exact characters it came from."
    func check(_ document: ExtractedDocument, context: ValidationContext) -> [Finding] {
        guard !document.metrics.isEmpty else { return [] }
        let spans = document.spansOfText()
        let scalars = spans.scalars
        return document.metrics.compactMap { metric in
            let valid = metric.charStart >= 0 && metric.charEnd <= scalars.count && metric.charStart < metric.charEnd
            // Equal scalars make equal Strings; only a difference needs String's canonical-equivalence comparison.
            if valid {
                let range = metric.charStart..<metric.charEnd
                if spans.hasScalars(of: metric.quote, at: range) ?? scalars[range].elementsEqual(metric.quote.unicodeScalars) { return nil }
            }
            let slice = valid ? String(String.UnicodeScalarView(scalars[metric.charStart..<metric.charEnd])) : ""
            return slice == metric.quote
                ? nil : finding(document, field: "metrics.char_start", message: "Offsets slice to '\(slice)', not the quote '\(metric.quote)'.", metric: metric)
        }
    }
}
