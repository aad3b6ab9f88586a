/// Reads RFC 4180 CSV back (quoted fields, doubled quotes, newlines inside quotes), for `validate`,
/// `diff` and the changelog.
public enum CSVReader {
    public struct Record: Sendable {
        public var fields: [String]
        /// The record's raw text without its line ending.
        public var line: String
    }

    public static func records(_ text: String) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var raw = ""
        var inQuotes = false
        var iterator = Array(text.unicodeScalars).makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let value = pending {
                pending = nil
                return value
            }
            return iterator.next()
        }
        while let scalar = next() {
            if inQuotes {
                raw.unicodeScalars.append(scalar)
                if scalar == "\"" {
                    if let following = next() {
                        if following == "\"" {
                            field.append("\"")
                            raw.unicodeScalars.append(following)
                        } else {
                            inQuotes = false
                            pending = following
                        }
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"":
                inQuotes = true
                raw.unicodeScalars.append(scalar)
            case ",":
                fields.append(field)
                field = ""
                raw.unicodeScalars.append(scalar)
            case "\r":
                continue
            case "\n":
                fields.append(field)
                records.append(Record(fields: fields, line: raw))
                fields = []
                field = ""
                raw = ""
            default:
                field.unicodeScalars.append(scalar)
                raw.unicodeScalars.append(scalar)
            }
        }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(field)
            records.append(Record(fields: fields, line: raw))
        }
        return records
    }
}
