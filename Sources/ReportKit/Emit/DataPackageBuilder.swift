import Foundation

/// Builds `datapackage.json`: a Frictionless Data Package with a Table Schema for every CSV table
/// (field names, types, descriptions, required fields, enums, primary and foreign keys).
enum DataPackageBuilder {
    static func json(for content: DatasetContent) throws -> Data {
        let resources: [[String: Any]] = [
            resource(DatasetTables.reports), resource(DatasetTables.metrics), resource(DatasetTables.policies),
            resource(DatasetTables.initiatives),
        ]
        var license: [String: Any] = ["name": content.license.name]
        if let title = content.license.title { license["title"] = title }
        if let path = content.license.path { license["path"] = path }
        var package: [String: Any] = [
            "profile": "tabular-data-package", "name": content.name, "version": content.version, "title": content.title,
            "description": content.description, "licenses": [license], "resources": resources,
            "sources": [["title": "Reports listed in provenance.json, with their SHA-256"]],
        ]
        if let released = content.released { package["created"] = released + "T00:00:00Z" }
        return try JSONSerialization.data(withJSONObject: package, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
    }

    static func resource<Row>(_ schema: TableSchema<Row>) -> [String: Any] {
        let fields: [[String: Any]] = schema.columns.map { column in
            var field: [String: Any] = ["name": column.name, "type": column.type, "description": column.description]
            var constraints: [String: Any] = [:]
            if column.required { constraints["required"] = true }
            if let allowed = column.allowed { constraints["enum"] = allowed }
            if !constraints.isEmpty { field["constraints"] = constraints }
            if column.type == "date" { field["format"] = "%Y-%m-%d" }
            return field
        }
        var tableSchema: [String: Any] = ["fields": fields, "primaryKey": schema.primaryKey, "missingValues": [""]]
        if !schema.foreignKeys.isEmpty {
            tableSchema["foreignKeys"] = schema.foreignKeys.map { column, table, referenced in
                ["fields": [column], "reference": ["resource": table, "fields": [referenced]]]
            }
        }
        return [
            "name": schema.name, "title": schema.title, "description": schema.description, "path": "\(schema.name).csv",
            "profile": "tabular-data-resource", "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "dialect": ["delimiter": ",", "lineTerminator": "\n", "quoteChar": "\"", "doubleQuote": true, "header": true],
            "schema": tableSchema,
        ]
    }
}
