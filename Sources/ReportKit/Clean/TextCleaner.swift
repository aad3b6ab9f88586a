/// The clean stage: turns a decoded document (plain text or HTML) into one ``CleanedDocument``.
///
/// Order matters: HTML main content first; then normalisation; then mojibake repair (it needs the
/// pinyin annotations and Traditional characters the damage happened in); pinyin removal; Traditional to
/// Simplified; and last the boilerplate filter, which reads bylines into metadata hints.
public struct TextCleaner: Stage {
    public var name: String { "clean.text" }

    public init() {}

    public func process(_ document: DecodedDocument) throws -> StageOutcome<CleanedDocument> {
        var repairs: [Repair] = []
        var hints = MetadataHints()
        var body = document.text
        if document.format == .html {
            let page = try HTMLContentExtractor().extract(document.text, path: document.source.displayPath)
            guard !page.mainText.isEmpty else { throw CleanError.noArticleText(document.source.displayPath, page.summaryOfRemoved) }
            body = page.mainText
            hints = page.hints
            repairs.append(Repair(flag: QualityFlagName.htmlMainContent, before: page.summaryOfRemoved, after: "main content block"))
        }
        let normalized = TextNormalizer().normalize(body)
        var text = normalized.text
        repairs += normalized.repairs
        var unrepaired = 0
        var scriptMarkers = normalized.scriptMarkers
        if MojibakeRepair.mayContainMojibake(text) {
            let result = MojibakeRepair().repair(text)
            text = result.text
            repairs += result.repairs
            unrepaired = result.unrepaired
            scriptMarkers.add(result.scriptMarkerChange)
        }
        let pinyin = PinyinAnnotationStripper().strip(text, isTraditional: scriptMarkers.isTraditional)
        if pinyin.removed > 0 {
            text = pinyin.text
            repairs.append(
                Repair(
                    flag: QualityFlagName.pinyinRemoved, before: "\(pinyin.removed) annotations, e.g. "
                        + pinyin.examples.map(\.before).joined(separator: " "),
                    after: pinyin.examples.map(\.after).joined(separator: " ")))
        }
        var script = "simplified"
        if pinyin.isTraditional {  // ChineseScriptConverter.isTraditional(text), tallied while normalising
            script = "traditional"
            let simplified = try ChineseScriptConverter.shared.toSimplified(text)
            repairs.append(
                Repair(
                    flag: QualityFlagName.traditionalConverted, before: String(text.prefix(24)),
                    after: String(simplified.prefix(24))))
            text = simplified
            if let title = hints.title { hints.title = try ChineseScriptConverter.shared.toSimplified(title) }
        }
        let filtered = BoilerplateFilter(detectsTitle: hints.title == nil).filter(ScalarText.lines(text))
        repairs += filtered.repairs
        BoilerplateFilter.mergePreferringExisting(filtered.hints, into: &hints)
        return .keep(
            CleanedDocument(
                source: document.source, sha256: document.sha256, byteCount: document.byteCount,
                format: document.format, encoding: document.encoding, text: ScalarText.joinedLines(filtered.paragraphs),
                originalScript: script, hints: hints, repairs: repairs, unrepairedMojibake: unrepaired, fetch: document.fetch))
    }
}

extension BoilerplateFilter {
    /// Fills what `hints` lacks from `found` (HTML metadata beats what the text suggests).
    static func mergePreferringExisting(_ found: MetadataHints, into hints: inout MetadataHints) {
        if hints.title == nil {
            hints.title = found.title
            hints.titleSource = found.titleSource
        }
        if hints.summary == nil { hints.summary = found.summary }
        merge(found, into: &hints)
    }
}
