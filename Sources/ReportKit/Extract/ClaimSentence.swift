/// What the claims of one sentence share, prepared once for the first of them (claims come in text order, so
/// consecutive ones often share a sentence): the sentence as published, the category its keywords give, the
/// last indicator found in it, and the period scan so far.
struct ClaimSentence {
    let range: Range<Int>
    /// The sentence without its surrounding whitespace.
    let text: String
    /// ``MetricCategory/category(of:)`` of the sentence: the category of a claim whose indicator names none.
    let category: String?
    /// A claim without an indicator of its own takes the one before it in the sentence.
    var lastIndicator: IndicatorFinder.Phrase?
    var periods: PeriodScanner.Cursor

    /// `spans` is borrowed: an initializer's parameters are otherwise owned, and the caller copied (retained) all of them.
    init(_ range: Range<Int>, in spans: borrowing TextSpans) {
        self.range = range
        let trimmed = spans.trimmed(range)
        text = spans.string(trimmed)
        category = MetricCategory.category(of: spans.scalars[trimmed])
        periods = PeriodScanner.Cursor(sentenceStart: range.lowerBound)
    }
}
