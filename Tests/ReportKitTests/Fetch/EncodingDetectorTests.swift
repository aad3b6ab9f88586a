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

    @Test("charset labels folded from bytes equal Foundation's lower-cased, trimmed labels") func labelFolding() {
        var random = SplitMix64(seed: 101)
        let pieces = ["UTF", "utf", "-", "8", "Gb", "K", "x", "_", " ", "\t", "  ", "Big5", "ÄŞ", "é", "\u{212A}", "İ", "\u{3000}", "\n", "Z", "@", "["]
        var ascii = 0
        for label in ["", " ", "UTF-8", " gbk\t", "\u{212A}", "utf\u{3000}"] + (0..<5000).map({ _ in
            (0..<Int(random.next() % 6)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
        }) {
            let folded = EncodingDetector.asciiFolded(label)
            #expect((folded == nil) == label.unicodeScalars.contains { !$0.isASCII }, "\(label.debugDescription)")
            if let folded {
                ascii += 1
                #expect(folded == label.lowercased().trimmingCharacters(in: .whitespaces), "\(label.debugDescription)")
            }
        }
        #expect(ascii > 1000)
    }

    /// ``DocumentDecoder/looksLikeHTML(_:)`` as it was, with the generic search of the head for `<`.
    static func referenceLooksLikeHTML(_ raw: RawDocument) -> Bool {
        let lowered = raw.source.displayPath.lowercased()
        if [".html", ".htm", ".shtml", ".xhtml"].contains(where: lowered.hasSuffix) { return true }
        guard raw.bytes.prefix(1024).contains(0x3C) else { return false }
        let head = String(decoding: raw.bytes.prefix(1024), as: UTF8.self).lowercased()
        let trimmed = head.drop(while: { $0.isWhitespace || $0 == "\u{FEFF}" })
        return trimmed.hasPrefix("<!doctype html") || trimmed.hasPrefix("<html") || head.contains("<body")
    }

    @Test("markup sniffing reads `<` in the first 1,024 bytes only, as before") func markupSniffing() {
        var random = SplitMix64(seed: 107)
        let markers = ["<", "<body>", "<html>", "<!DOCTYPE html>", " \n<HTML>", "<b", "x"]
        var sniffed = 0
        var checked = 0
        for name in ["a.txt", "b.HTML", "c"] {
            for _ in 0..<600 {
                let before = Int(random.next() % 1100)
                let marker = markers[Int(random.next() % UInt64(markers.count))]
                let filler = Array(String(repeating: "营", count: before / 3 + 1).utf8.prefix(before))
                let bytes = random.next() % 8 == 0 ? [] : Array(marker.utf8) + filler + Array(marker.utf8)
                let shuffled = random.next() % 2 == 0 ? bytes : filler + Array(marker.utf8)
                let raw = RawDocument(
                    source: SourceReference(fileURL: URL(fileURLWithPath: "/nonexistent/\(name)"), displayPath: name), bytes: shuffled)
                let expected = Self.referenceLooksLikeHTML(raw)
                #expect(DocumentDecoder.looksLikeHTML(raw) == expected, "\(name) \(marker) at \(before)")
                if expected && name == "a.txt" { sniffed += 1 }
                checked += 1
            }
        }
        #expect(sniffed > 50 && sniffed < 550 && checked == 1800)
    }
}
