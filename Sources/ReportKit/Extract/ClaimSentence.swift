/// What the claims of one sentence share, prepared once for the first of them (claims come in text order, so
/// consecutive ones often share a sentence): the sentence as published, the category its keywords give, the
/// last indicator found in it, and the period scan so far.
struct ClaimSentence {
    let range: Range<Int>
    /// The sentence without its surrounding whitespace.
    let trimmed: Range<Int>
    let text: String
    /// A claim without an indicator of its own takes the one before it in the sentence.
    var lastIndicator: (phrase: IndicatorFinder.Phrase, text: String)?
    var periods: PeriodScanner.Cursor
    /// ``category(in:)`` once found: nil before, `.some(nil)` when the sentence names no category.
    private var foundCategory: String??

    /// `spans` is borrowed: an initializer's parameters are otherwise owned, and the caller copied (retained) all of them.
    init(_ range: Range<Int>, in spans: borrowing TextSpans) {
        self.range = range
        trimmed = spans.trimmed(range)
        text = spans.string(trimmed)
        periods = PeriodScanner.Cursor(sentenceStart: range.lowerBound)
    }

    /// ``MetricCategory/category(of:)`` of the sentence: the category of a claim whose indicator names none. Found
    /// when a claim first asks, since most indicators name their own.
    mutating func category(in spans: borrowing TextSpans) -> String? {
        if let foundCategory { return foundCategory }
        let category = MetricCategory.category(of: spans.scalars[trimmed])
        foundCategory = .some(category)
        return category
    }
}
