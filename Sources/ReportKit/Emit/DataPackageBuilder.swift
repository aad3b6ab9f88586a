import Foundation

/// Builds `datapackage.json`: a Frictionless Data Package with a Table Schema for every CSV table
/// (field names, types, descriptions, required fields, enums, primary and foreign keys).
///
/// Printed with ``PrettyJSON`` (the bytes `JSONSerialization` prints with `.sortedKeys`, `.prettyPrinted` and
/// `.withoutEscapingSlashes`): building `[String: Any]` trees and printing them through `JSONSerialization`'s
/// dynamic casts cost about 33 M instructions at the end of every build, a tenth of a small build's time.
enum DataPackageBuilder {
    static func json(for content: DatasetContent) throws -> Data {
        let resources: [PrettyJSON] = [
            resource(DatasetTables.reports), resource(DatasetTables.metrics), resource(DatasetTables.policies),
            resource(DatasetTables.initiatives),
        ]
        var license: [String: PrettyJSON] = ["name": .string(content.license.name)]
        if let title = content.license.title { license["title"] = .string(title) }
        if let path = content.license.path { license["path"] = .string(path) }
        var package: [String: PrettyJSON] = [
            "profile": .string("tabular-data-package"), "name": .string(content.name), "version": .string(content.version),
            "title": .string(content.title), "description": .string(content.description), "licenses": .array([.object(license)]),
            "resources": .array(resources),
            "sources": .array([.object(["title": .string("Reports listed in provenance.json, with their SHA-256")])]),
        ]
        if let released = content.released { package["created"] = .string(released + "T00:00:00Z") }
        var bytes: [UInt8] = []
        PrettyJSON.object(package).write(to: &bytes, flush: { _ in })
        return Data(bytes)
    }

    static func resource<Row>(_ schema: TableSchema<Row>) -> PrettyJSON {
        let fields: [PrettyJSON] = schema.columns.map { column in
            var field: [String: PrettyJSON] = [
                "name": .string(column.name), "type": .string(column.type), "description": .string(column.description),
            ]
            var constraints: [String: PrettyJSON] = [:]
            if column.required { constraints["required"] = .bool(true) }
            if let allowed = column.allowed { constraints["enum"] = .array(allowed.map { .string($0) }) }
            if !constraints.isEmpty { field["constraints"] = .object(constraints) }
            if column.type == "date" { field["format"] = .string("%Y-%m-%d") }
            return .object(field)
        }
        var tableSchema: [String: PrettyJSON] = [
            "fields": .array(fields), "primaryKey": .array(schema.primaryKey.map { .string($0) }), "missingValues": .array([.string("")]),
        ]
        if !schema.foreignKeys.isEmpty {
            tableSchema["foreignKeys"] = .array(
                schema.foreignKeys.map { column, table, referenced in
                    .object([
                        "fields": .array([.string(column)]),
                        "reference": .object(["resource": .string(table), "fields": .array([.string(referenced)])]),
                    ])
                })
        }
        let dialect: [String: PrettyJSON] = [
            "delimiter": .string(","), "lineTerminator": .string("\n"), "quoteChar": .string("\""), "doubleQuote": .bool(true),
            "header": .bool(true),
        ]
        return .object([
            "name": .string(schema.name), "title": .string(schema.title), "description": .string(schema.description),
            "path": .string("\(schema.name).csv"), "profile": .string("tabular-data-resource"), "format": .string("csv"),
            "mediatype": .string("text/csv"), "encoding": .string("utf-8"), "dialect": .object(dialect), "schema": .object(tableSchema),
        ])
    }
}
