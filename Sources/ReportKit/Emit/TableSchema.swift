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
        let value: @Sendable (Row) -> Cell
    }

    public let name: String
    public let title: String
    public let description: String
    public let columns: [Column]
    public let primaryKey: [String]
    /// (column, referenced table, referenced column).
    public let foreignKeys: [(String, String, String)]
}

extension TableSchema.Column {
    init(
        _ name: String, _ type: String, _ description: String, required: Bool = false, allowed: [String]? = nil,
        _ value: @escaping @Sendable (Row) -> Cell
    ) {
        self.init(name: name, type: type, description: description, required: required, allowed: allowed, value: value)
    }
}
