import Foundation
import Testing
@testable import ReportKit

@Suite("datapackage.json") struct DataPackageBuilderTests {
    /// The package is printed with PrettyJSON; read back and printed again by JSONSerialization with the options the
    /// dataset promises (sorted keys, pretty printed, unescaped slashes), it must give the same bytes.
    @Test("prints what JSONSerialization prints", arguments: [false, true])
    func sameAsFoundation(withLicensePath: Bool) throws {
        let folder = try TestSupport.temporaryFolder("datapackage")
        try Data("某县营商环境\n某县今年新增市场主体1200户。\n".utf8).write(to: folder.appendingPathComponent("a.txt"))
        let output = try TestSupport.temporaryFolder("datapackage-out")
        var content = try DatasetBuilder().run(paths: [folder.path], output: output, jobs: 1).content
        if withLicensePath { content.license = .init(name: "CC-BY-4.0", title: "Creative Commons / BY", path: "https://creativecommons.org/licenses/by/4.0/") }
        let printed = try DataPackageBuilder.json(for: content)
        let object = try #require(try JSONSerialization.jsonObject(with: printed) as? [String: Any])
        let reprinted = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
        #expect(String(decoding: printed, as: UTF8.self) == String(decoding: reprinted, as: UTF8.self))
        let resources = try #require(object["resources"] as? [[String: Any]])
        #expect(resources.map { $0["name"] as? String } == ["reports", "metrics", "policies", "initiatives"])
        let licenses = try #require(object["licenses"] as? [[String: Any]])
        #expect((licenses.first?["path"] as? String != nil) == withLicensePath)
        let dialect = try #require(resources.first?["dialect"] as? [String: Any])
        #expect(dialect["doubleQuote"] as? Bool == true && dialect["lineTerminator"] as? String == "\n")
    }
}
