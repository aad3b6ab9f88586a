import Foundation
import Testing
@testable import ReportKit

@Suite("EncodingDetector") struct EncodingDetectorTests {
    static let variants = [
        ("report_utf8.txt", "UTF-8"), ("report_utf8_bom.txt", "UTF-8"), ("report_utf16le_bom.txt", "UTF-16LE"),
        ("report_utf16be_bom.txt", "UTF-16BE"), ("report_gb18030.txt", "GB18030"), ("report_gbk.txt", "GB18030"),
    ]

    @Test("decodes every encoding of the same report to the same text", arguments: variants)
    func decodes(file: String, encoding: String) throws {
        let folder = TestSupport.fixtures.appendingPathComponent("text")
        let expected = try String(contentsOf: folder.appendingPathComponent("report_expected.txt"), encoding: .utf8)
        let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent(file)))
        let (text, detected) = try EncodingDetector().decode(bytes, path: file, isHTML: false)
        #expect(text == expected)
        #expect(detected.name == encoding)
    }

    @Test("full-width digits normalise to the same cleaned text") func fullwidthVariant() throws {
        let folder = TestSupport.fixtures.appendingPathComponent("text")
        let plain = try TestSupport.clean(folder.appendingPathComponent("report_expected.txt")).text
        let fullwidth = try TestSupport.clean(folder.appendingPathComponent("report_fullwidth.txt")).text
        #expect(plain == fullwidth)
    }

    @Test("rejects binary data with a reason") func binary() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]
        #expect(throws: FetchError.binary("a.html", kind: "PNG image")) {
            try EncodingDetector().decode(png, path: "a.html", isHTML: true)
        }
        #expect(throws: FetchError.binary("b.txt", kind: "contains NUL bytes")) {
            try EncodingDetector().decode([0x41, 0x00, 0x42], path: "b.txt", isHTML: false)
        }
    }

    @Test("decodes GBK without a declaration and honours a declared charset") func legacy() throws {
        let gbk = try #require(IconvDecoder.encode("优化营商环境", to: "GBK"))
        let (text, detected) = try EncodingDetector().decode(gbk, path: "x.txt", isHTML: false)
        #expect(text == "优化营商环境" && detected.evidence == "detected")
        let page = Array("<html><head><meta charset=\"gb2312\"></head><body>".utf8) + gbk + Array("</body></html>".utf8)
        let (html, declared) = try EncodingDetector().decode(page, path: "p.html", isHTML: true)
        #expect(html.contains("优化营商环境") && declared.evidence == "meta-charset")
    }
}
