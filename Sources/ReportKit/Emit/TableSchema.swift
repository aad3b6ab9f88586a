/// A published table: its columns (name, Frictionless type, description, constraints) and keys.
/// One declaration drives the CSV header, the JSON Lines keys, `datapackage.json` and the README.
public struct TableSchema<Row>: Sendable {
    public struct Column: Sendable {
        public let name: String
        /// Frictionless type: string, integer, number, date.
        public let type: String
        public let description: String
        public let required: Bool
        public let allowed: [String]?
        /// Whether a row's value often equals the previous row's (a claim's sentence, shared by the claims in
        /// it): ``TableRowWriter`` then reuses the bytes it escaped for the previous row.
        let repeats: Bool
        let field: ColumnField<Row>
    }

    public let name: String
    public let title: String
    public let description: String
    public let columns: [Column]
    public let primaryKey: [String]
    /// (column, referenced table, referenced column).
    public let foreignKeys: [(String, String, String)]
    /// Each column's cell and field, and its JSON key as written before the value (`"name":`), precomputed for
    /// the row writers: walking `columns` copied each Column (five references to retain and release) and escaped
    /// every key again on every row.
    let cells: [@Sendable (Row) -> Cell]
    let fields: [ColumnField<Row>]
    let jsonKeys: [[UInt8]]
    /// The same keys after `{` or a comma, as ``TableRowWriter`` writes them.
    let memberPrefixes: JSONMemberPrefixes
    let repeating: [Bool]
    /// Each repeating column's place among the repeating columns (-1 for the others): ``TableRowWriter`` keeps a
    /// memo for those only.
    let memoSlots: [Int]

    init(
        name: String, title: String, description: String, columns: [Column], primaryKey: [String],
        foreignKeys: [(String, String, String)]
    ) {
        self.name = name
        self.title = title
        self.description = description
        self.columns = columns
        self.primaryKey = primaryKey
        self.foreignKeys = foreignKeys
        fields = columns.map(\.field)
        cells = fields.map { field in { field.cell(of: $0) } }
        repeating = columns.map(\.repeats)
        var slots = 0
        memoSlots = columns.map { column in
            guard column.repeats else { return -1 }
            defer { slots += 1 }
            return slots
        }
        jsonKeys = columns.map { column in
            var key: [UInt8] = []
            RowBytes.appendJSONString(column.name, to: &key)
            return key + [0x3A]
        }
        memberPrefixes = JSONMemberPrefixes(keys: jsonKeys)
    }
}

extension TableSchema.Column {
    init(
        _ name: String, _ type: String, _ description: String, required: Bool = false, allowed: [String]? = nil,
        repeats: Bool = false, _ field: ColumnField<Row>
    ) {
        self.init(
            name: name, type: type, description: description, required: required, allowed: allowed, repeats: repeats, field: field)
    }
}
