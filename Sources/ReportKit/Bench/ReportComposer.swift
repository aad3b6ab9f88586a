/// Composes the drafts of a synthetic corpus: what kind report `i` is, and its title, byline, paragraphs
/// and footer, from report `i`'s own random stream, so any report can be made without the others.
///
/// A near-duplicate replays the draft of an earlier report (at most 1,000 reports back) and changes its
/// title, byline, footer and one sentence, as a site republishing a story does.
struct ReportComposer: Sendable {
    /// What kind of report one index is, drawn first from its stream.
    struct Plan: Sendable {
        var isDuplicate: Bool
        var isHTML: Bool
        var script: SyntheticReport.Script
        var encoding: SyntheticReport.Encoding
        var skin: Int
    }

    struct Composition {
        var plan: Plan
        var draft: ReportDraft
        var duplicateOf: Int?
        /// The stream after the draft, for the page chrome.
        var random: SplitMix64
    }

    let options: SyntheticCorpus.Options
    /// Each sample sentence cut at the sample place names, to be joined with the report's city.
    let sentenceParts: [[String]]
    let headingParts: [[String]]

    init(bank: SampleSentenceBank, options: SyntheticCorpus.Options) {
        self.options = options
        sentenceParts = bank.sentences.map(Self.cutAtPlaceNames)
        headingParts = bank.headings.map(Self.cutAtPlaceNames)
    }

    static func cutAtPlaceNames(_ text: String) -> [String] {
        var marked = text
        for name in SyntheticVocabulary.samplePlaceNames where marked.contains(name) {
            marked = marked.replacingOccurrences(of: name, with: "\u{0}")
        }
        return marked.split(separator: "\u{0}", omittingEmptySubsequences: false).map(String.init)
    }

    func plan(at index: Int) -> (Plan, SplitMix64) {
        var random = SplitMix64(seed: options.seed, stream: UInt64(index))
        let duplicate = random.unit()
        let html = random.unit()
        let script = random.unit()
        let skin = random.below(NewsPageTemplate.skins.count)
        let plan = Plan(
            isDuplicate: index > 0 && duplicate < options.duplicateShare, isHTML: html < options.htmlShare,
            script: script < options.traditionalShare ? .traditional : .simplified,
            encoding: script >= options.traditionalShare && script < options.traditionalShare + options.gbkShare
                ? .gbk : .utf8,
            skin: skin)
        return (plan, random)
    }

    func compose(at index: Int) -> Composition {
        var (plan, random) = plan(at: index)
        guard plan.isDuplicate else {
            let draft = fresh(at: index, using: &random)
            return Composition(plan: plan, draft: draft, duplicateOf: nil, random: random)
        }
        let original = index - 1 - random.below(min(index, 1000))
        let draft = republish(compose(at: original).draft, using: &random)
        return Composition(plan: plan, draft: draft, duplicateOf: original, random: random)
    }

    private func fresh(at index: Int, using random: inout SplitMix64) -> ReportDraft {
        let places = SyntheticVocabulary.places
        let place = places[(index + Int(options.seed % UInt64(places.count))) % places.count]
        let outlet = random.pick(SyntheticVocabulary.outlets)
        let author = Self.name(&random)
        let published = Self.date(&random)
        let title = makeTitle(place, using: &random)
        let byline: String
        switch random.below(4) {
        case 0: byline = "\(outlet)记者 \(author)"
        case 1: byline = "\(outlet)\(published)"
        case 2: byline = "\(outlet)记者 \(author) 通讯员 \(Self.name(&random))"
        default: byline = "来源：\(outlet)　作者：\(author)　\(published)"
        }
        // The body's budget is shared among the paragraphs; a sentence that would overshoot its paragraph's
        // share by more than half its length is drawn and left out, so reports land near the target.
        var budget = Int(Double(options.targetBytes) * (0.7 + 0.6 * random.unit()))
        let paragraphCount = random.int(in: 5...15)
        var paragraphs: [ReportDraft.Paragraph] = []
        for number in 0..<paragraphCount {
            let share = max(60, budget / (paragraphCount - number))
            let heading =
                number > 0 && random.chance(0.15) ? random.pick(headingParts).joined(separator: place.city) : nil
            var sentences: [String] = []
            var bytes = 0
            while sentences.count < 12 {
                let sentence = self.sentence(in: place, using: &random)
                let length = sentence.utf8.count
                if !sentences.isEmpty, bytes + length / 2 > share { break }
                sentences.append(sentence)
                bytes += length
            }
            budget -= bytes + (heading?.utf8.count ?? 0)
            paragraphs.append(ReportDraft.Paragraph(heading: heading, sentences: sentences))
        }
        return ReportDraft(
            title: title, byline: byline, outlet: outlet, author: author, published: published, place: place,
            paragraphs: paragraphs, footer: Self.footer(&random))
    }

    private func republish(_ original: ReportDraft, using random: inout SplitMix64) -> ReportDraft {
        var copy = original
        let outlets = SyntheticVocabulary.outlets
        let outletIndex = random.below(outlets.count)
        copy.outlet =
            outlets[outletIndex] == original.outlet ? outlets[(outletIndex + 1) % outlets.count] : outlets[outletIndex]
        copy.published = Self.date(&random)
        let titles = ["【\(original.place.city)】\(original.title)", "\(original.title)（图）", "转载｜\(original.title)"]
        let title = random.pick(titles)
        copy.title = title.count <= 64 ? title : original.title
        copy.byline = "\(copy.outlet)\(copy.published)　来源：\(original.outlet)"
        var footer = Self.footer(&random)
        while footer == original.footer { footer = Self.footer(&random) }
        copy.footer = footer
        let paragraph = random.below(copy.paragraphs.count)
        let sentence = random.below(copy.paragraphs[paragraph].sentences.count)
        var replacement = self.sentence(in: original.place, using: &random)
        while replacement == copy.paragraphs[paragraph].sentences[sentence] {
            replacement = self.sentence(in: original.place, using: &random)
        }
        copy.paragraphs[paragraph].sentences[sentence] = replacement
        return copy
    }

    private func sentence(in place: SyntheticVocabulary.Place, using random: inout SplitMix64) -> String {
        NumberPerturber.perturb(random.pick(sentenceParts).joined(separator: place.city), using: &random)
    }

    private func makeTitle(_ place: SyntheticVocabulary.Place, using random: inout SplitMix64) -> String {
        let heading = random.pick(headingParts).joined(separator: place.city)
        let title: String
        switch random.below(4) {
        case 0: title = "\(place.full)：\(heading)"
        case 1: title = "\(place.city)：\(heading)"
        case 2: title = "\(heading)——\(place.city)优化营商环境观察"
        default: title = "\(place.full)\(random.pick(SyntheticVocabulary.headlineTopics))"
        }
        return title.count <= 64 ? title : "\(place.full)\(random.pick(SyntheticVocabulary.headlineTopics))"
    }

    static func name(_ random: inout SplitMix64) -> String {
        random.pick(SyntheticVocabulary.surnames) + random.pick(SyntheticVocabulary.givenNames)
    }

    static func footer(_ random: inout SplitMix64) -> String {
        switch random.below(3) {
        case 0: "（责任编辑：\(name(&random))）"
        case 1: "责任编辑：\(name(&random))"
        default: "编辑：\(name(&random))　审核：\(name(&random))"
        }
    }

    /// `2024-04-19 18:35`, between 2023 and 2025.
    static func date(_ random: inout SplitMix64) -> String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let year = random.int(in: 2023...2025)
        let month = random.int(in: 1...12)
        let day = random.int(in: 1...28)
        return "\(year)-\(two(month))-\(two(day)) \(two(random.int(in: 7...22))):\(two(random.int(in: 0...59)))"
    }
}
