internal import CLibXML2
import Foundation
import Testing
@testable import ReportKit

/// The tree built from SAX events (``HTMLTreeBuilder``) must equal the copy of libxml2's own document
/// (`htmlReadMemory`) it replaced, node for node: names, parents, subtree ranges, text bytes and attributes.
@Suite("HTML SAX tree") struct HTMLSAXTreeTests {
    /// The tree as the parser built it before: `htmlReadMemory`'s document copied node by node.
    static func copiedTree(_ html: String) -> HTMLTree? {
        guard let document = LibXMLDocument.read(html) else { return nil }
        defer { xmlFreeDoc(document) }
        guard let rootElement = xmlDocGetRootElement(document) else { return nil }
        var tree = HTMLTree()
        var tags: [String: Int] = [:]
        tree.tags.append(HTMLTree.Tag(name: "#root"))
        tree.nodes.append(HTMLTree.Node(tag: 0, parent: -1, end: 1, textStart: 0, textEnd: 0, attributeStart: 0, attributeEnd: 0))
        var stack: [(UnsafeMutablePointer<xmlNode>, Int)] = [(rootElement, 0)]
        while let (node, parent) = stack.popLast() {
            switch node.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                let text = node.pointee.content.map { String(cString: $0) } ?? ""
                guard !text.isEmpty else { continue }
                let start = tree.text.count
                tree.text.append(contentsOf: text.utf8)
                tree.nodes.append(
                    HTMLTree.Node(
                        tag: -1, parent: parent, end: tree.nodes.count + 1, textStart: start, textEnd: tree.text.count,
                        attributeStart: tree.attributes.count, attributeEnd: tree.attributes.count))
            case XML_ELEMENT_NODE:
                let name = String(cString: node.pointee.name).lowercased()
                if tags[name] == nil {
                    tags[name] = tree.tags.count
                    tree.tags.append(HTMLTree.Tag(name: name))
                }
                let attributeStart = tree.attributes.count
                var attribute = node.pointee.properties
                while let current = attribute {
                    let attributeName = String(cString: current.pointee.name).lowercased()
                    if HTMLParser.readAttributes.contains(attributeName), let value = xmlGetProp(node, current.pointee.name) {
                        tree.attributes.append(HTMLTree.Attribute(name: attributeName, value: String(cString: value)))
                        reportkit_xmlFree(value)
                    }
                    attribute = current.pointee.next
                }
                let index = tree.nodes.count
                tree.nodes.append(
                    HTMLTree.Node(
                        tag: tags[name]!, parent: parent, end: index + 1, textStart: tree.text.count, textEnd: tree.text.count,
                        attributeStart: attributeStart, attributeEnd: tree.attributes.count))
                LibXMLDocument.forEachChildLastFirst(of: node) { stack.append(($0, index)) }
            default:
                continue
            }
        }
        HTMLTreeText.closeSubtrees(&tree)
        return tree
    }

    /// A readable account of a tree, equal for equal trees whatever the order of their tag tables.
    static func describe(_ tree: HTMLTree?) -> String {
        guard let tree else { return "no document element" }
        return tree.nodes.indices.map { index in
            let node = tree.nodes[index]
            let attributes = tree.attributes[node.attributeStart..<node.attributeEnd].map { "\($0.name)=\($0.value.debugDescription)" }
            let text = tree.withText(index) { bytes in
                "\(bytes.count) bytes, FNV-1a \(bytes.reduce(UInt64(0xcbf2_9ce4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 })"
            }
            return "\(index) \(tree.name(index)) parent \(node.parent) end \(node.end) \(attributes) \(text)"
        }.joined(separator: "\n")
    }

    static func check(_ html: String) {
        let expected = describe(copiedTree(html))
        let actual = describe(try? HTMLParser.parse(html, path: "t.html"))
        #expect(actual == expected, "\(html.debugDescription)")
    }

    static let edgeCases: [String] = [
        "", " ", "\u{0}", "<", "<html", "<html></html>", "<!DOCTYPE html>", "<!-- only a comment -->", "<?xml version=\"1.0\"?>",
        "<p>a\u{0}b</p><p>\u{0}c</p>", "\u{FFFD}\u{1}\u{2}", "<p>x&#0;y&#xD800;z&#1;w&#x110000;v&amp;&nbsp;&bogus;</p>",
        "<html><body><p>a</p></body></html><p>after</p>text",
        "<!DOCTYPE html><html><body><p>a</p></body></html><p>after</p>text",
        "<!-- c --><html><body><p>a</p></body></html><p>after</p>", "<?pi x?><html><body>a</body></html><div>b</div>",
        "<html><body><p>a</p></body></html><!DOCTYPE html><p>after</p>", "<p>a</p><!DOCTYPE html><p>b</p>",
        "<html><body><html class=\"x\" id=\"y\"><body class=\"z\"><head><p>t</p>",
        "<o:p class=a>x</o:p><x:>y</x:><xml:foo>a</xml:foo><a:b:c>b</a:b:c><:a>c</:a><A:B>d</A:B>",
        "<script>a</script><p>t<!--c-->u<?pi?>v</foo>w<br>x</p><script>one<!-- two -->three</script>",
        "<style>p{}</style>text<![CDATA[cdata]]>more", "<p hidden class>x</p><p CHECKED nowrap class='a' CLASS='b'>y</p>",
        "<div class=\"a&amp;b\" id='&#x4E2D;' style=display:none>z</div>", "<title>t</title><meta name=x content=\"y\">",
        "<table><tr><td>a<td>b<tr><td>c</table><ul><li>1<li>2</ul><dl><dt>t<dd>d</dl>",
        "<p>one<p>two<div>three</p>four</div>five", "text before any tag<b>bold</b>",
        String(repeating: "<div>", count: 5000) + "正文，正文。", String(repeating: "<div>", count: 254) + "<p>a</p><b>c</b>d",
        String(repeating: "<div>", count: 255) + "<p>a</p><b>c</b>d", String(repeating: "<div>", count: 256) + "<p>a</p>d", String(repeating: "长文本，", count: 3000),
        "<p>" + String(repeating: "&lt;", count: 700) + String(repeating: "字", count: 700) + "</p>",
    ]

    /// ``check(_:)`` on `count` pages of `page` (from a generator seeded with `seed`); returns how many of them
    /// `takesPart` holds for, so a caller can make sure what it tests was not left out of most pages.
    static func checkRandomPages(seed: UInt64, count: Int, _ page: (inout SplitMix64) -> String, takesPart: (String) -> Bool) -> Int {
        var generator = SplitMix64(seed: seed)
        var taking = 0
        for _ in 0..<count {
            let html = page(&generator)
            if takesPart(html) { taking += 1 }
            check(html)
        }
        return taking
    }

    @Test("equals the copy of libxml2's document on edge cases") func edgeCasesMatch() {
        for html in Self.edgeCases { Self.check(html) }
    }

    /// libxml2's tree builder ends the parse when one text node would pass ten million bytes.
    @Test("equals the copy of libxml2's document on huge text") func hugeText() {
        let long = String(repeating: "x", count: 10_000_500)
        for html in [
            "<p>\(long)</p><div>after<b>bold</b></div>tail", "<script>\(long)</script><div>after</div>",
            "<p>" + String(repeating: "y", count: 6_000_000) + "<!---->" + String(repeating: "z", count: 6_000_000) + "</p><p>after</p>",
            "<p>" + String(repeating: "字&amp;", count: 2_600_000) + "</p><p>after</p>",
        ] {
            Self.check(html)
        }
    }

    @Test("equals the copy of libxml2's document on fixtures") func fixtures() throws {
        let folder = TestSupport.fixtures.appendingPathComponent("html")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".html") {
            let page = String(decoding: try Data(contentsOf: folder.appendingPathComponent(name)), as: UTF8.self)
            Self.check(page)
            for cut in stride(from: 0, to: page.utf8.count, by: max(1, page.utf8.count / 25)) {
                Self.check(String(decoding: page.utf8.prefix(cut), as: UTF8.self))
            }
        }
    }

    @Test("equals the copy of libxml2's document on random pages") func randomPages() {
        let extraPieces = [
            "</html>", "</body>", "<html>", "<body>", "<head>", "</head>", "<!DOCTYPE html>", "<?pi?>", "<!-- c -->", "<o:p>",
            "</o:p>", "</foo>", "<![CDATA[x]]>", "\u{0}", "&#0;", "<p>", "</p>", "<table>", "<td>", "<li>", "<title>", "</title>",
        ]
        var generator = SplitMix64(seed: 77)
        for _ in 0..<2000 {
            var html = HTMLTreeEquivalenceTests.randomPage(&generator)
            for _ in 0..<Int.random(in: 0...6, using: &generator) {
                let offset = Int.random(in: 0...html.unicodeScalars.count, using: &generator)
                let index = html.unicodeScalars.index(html.unicodeScalars.startIndex, offsetBy: offset)
                html.unicodeScalars.insert(contentsOf: extraPieces.randomElement(using: &generator)!.unicodeScalars, at: index)
            }
            Self.check(html)
        }
    }

    /// Text the parser never sends (a NUL, broken UTF-8) is still kept as `String(cString:)` of the joined
    /// content would give it; a text node that is then empty is left out.
    @Test("repairs text the way String(cString:) would") func repair() {
        let chunks: [[UInt8]] = [[0x61, 0xE4, 0xB8], [0xAD, 0x62], [0x00, 0x63], [0xFF, 0x64], [0xC3]]
        for split in 0..<chunks.count {
            var builder = HTMLTreeBuilder()
            "html".withCString { name in
                name.withMemoryRebound(to: UInt8.self, capacity: 5) { _ = builder.startElement($0, attributes: nil) }
            }
            for (index, chunk) in chunks.enumerated() {
                if index == split { builder.otherNode() }  // a comment: the text before and after are two nodes
                _ = chunk.withUnsafeBufferPointer { builder.text($0, cdata: false) }
            }
            guard let tree = builder.finish() else {
                Issue.record("no tree")
                return
            }
            let expected = [Array(chunks[..<split].joined()), Array(chunks[split...].joined())].compactMap { bytes -> [UInt8]? in
                let text = (bytes + [0]).withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
                return text.isEmpty ? nil : Array(text.utf8)
            }
            let actual = tree.nodes.indices.filter { tree.isText($0) }.map { index in tree.withText(index) { Array($0) } }
            #expect(actual == expected)
            #expect(tree.withText(0) { Array($0) } == Array(expected.joined()))
            #expect(tree.nodes.allSatisfy { $0.parent < tree.nodes.count })
        }
    }

    @Test("the clean-UTF-8 check equals validation plus a NUL search") func cleanUTF8() {
        var generator = SplitMix64(seed: 5)
        let alphabet: [[UInt8]] = [
            Array("a".utf8), Array("中".utf8), Array("é".utf8), Array("😀".utf8), Array("\u{E000}".utf8), Array("\u{D7FF}".utf8),
            [0x00], [0x80], [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xE0, 0xA0, 0x80], [0xED, 0xA0, 0x80], [0xED, 0x9F, 0xBF],
            [0xF0, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF], [0xF5, 0x80, 0x80, 0x80], [0xE4, 0xB8], [0xFF],
            Array("12345678".utf8),
        ]
        for _ in 0..<20000 {
            let bytes = Array((0..<Int.random(in: 0...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined())
            let expected = String(validating: bytes, as: UTF8.self) != nil && !bytes.contains(0)
            #expect(HTMLTreeText.isCleanUTF8(bytes) == expected, "\(bytes)")
        }
    }
}
