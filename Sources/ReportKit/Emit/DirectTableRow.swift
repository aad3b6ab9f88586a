/// A row type that writes its own cells to a ``TableRowWriter``: the bytes of the schema walk
/// (``TableRowWriter/append(_:)``) without a closure call, an enum copy and a retained String per cell, for the
/// tables with hundreds of thousands of rows. The schema stays the one declaration of the columns: the cells
/// follow its order and kinds (checked in debug builds, and byte for byte against the walk by
/// `TableRowWriterTests`).
protocol DirectTableRow {
    /// Every cell of the row, in the schema's column order.
    func appendCells(to writer: inout TableRowWriter<Self>)
}

extension TableRowWriter where Row: DirectTableRow {
    /// One row, written by the row itself.
    mutating func appendDirect(_ row: borrowing Row) {
        row.appendCells(to: &self)
        endRow()
    }
}

extension Metric: DirectTableRow {
    /// The cells of ``DatasetTables/metrics``.
    func appendCells(to writer: inout TableRowWriter<Metric>) {
        writer.string(metricID)
        writer.recurringString(reportID)
        writer.string(indicator)
        writer.string(category)
        writer.number(value)
        writer.string(unit)
        writer.number(valueNormalized)
        writer.string(unitNormalized)
        writer.string(qualifier)
        writer.number(valueMax)
        writer.number(baselineValue)
        writer.string(kind)
        writer.string(period)
        writer.string(quote)
        writer.repeatedString(sentence)
        writer.integer(charStart)
        writer.integer(charEnd)
    }
}

extension TermMention: DirectTableRow {
    /// The cells of ``DatasetTables/policies`` and ``DatasetTables/initiatives``.
    func appendCells(to writer: inout TableRowWriter<TermMention>) {
        writer.hyphenated(reportID, charStart)
        writer.recurringString(reportID)
        writer.string(term)
        writer.string(documentType)
        writer.repeatedString(sentence)
        writer.integer(charStart)
        writer.integer(charEnd)
    }
}
