import Foundation
import Testing
@testable import ReportKit

@Suite("meta charset fast path") struct MetaCharsetTests {
    /// The general path the byte-level reading must agree with.
    static func reference(_ bytes: [UInt8]) -> String? { EncodingDetector.metaCharsetReadingCharacters(in: bytes) }

    @Test("agrees with the general path", arguments: [
        "<meta charset=\"UTF-8\">", "<META CHARSET='gb2312' />", "<meta http-equiv=Content-Type content=\"text/html; charset=GBK\">",
        "charset=", "charset=\"\"", "x charset= \"big5\"\r\n", "<title>标题</title><meta charset=\"gbk\">",
        "<meta charset=\"utf-8\u{301}\">", "<meta charset=\"\u{301}utf-8\">", "<meta charset=中文>", "CHARSET=utf_8;",
        "charset=utf-8", "no declaration here", "<meta charset=\"utf-8\"\u{301}>",
    ])
    func agrees(_ html: String) {
        let bytes = Array(html.utf8)
        #expect(EncodingDetector.metaCharset(in: bytes) == Self.reference(bytes))
    }

    @Test("finds the label after the first charset= at the 4 KB edge") func edge() {
        let padding = [UInt8](repeating: 0x20, count: 4090)
        for tail in ["charset=utf-8", "chars", "CHARSET=gbk\">"] {
            let bytes = padding + Array(tail.utf8)
            #expect(EncodingDetector.metaCharset(in: bytes) == Self.reference(bytes))
        }
        #expect(EncodingDetector.firstCharsetLabel(in: Array("aCharSet=x".utf8), limit: 10) == 9)
        #expect(EncodingDetector.firstCharsetLabel(in: Array("charset:x".utf8), limit: 9) == nil)
    }
}
