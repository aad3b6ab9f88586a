internal import CLibXML2
import Foundation
@testable import ReportKit

/// The HTML extraction as it was before the flat ``HTMLTree``: libxml2's tree copied into one class object
/// per node (every attribute kept, Strings everywhere), scored and rendered object by object, and the page
/// assembled from String lines with Foundation. The tests check the flat path against it; the metadata
/// reading it shares is unchanged code.
enum ReferenceHTMLExtraction {
    final class Node {
        let name: String
        let classAndID: String
        let attributes: [String: String]
        var text: String
        let isText: Bool
        let index: Int
        var children: [Node] = []
        unowned var parent: Node?

        init(name: String, index: Int = 0, classAndID: String = "", attributes: [String: String] = [:], text: String = "") {
            self.name = name
            self.index = index
            self.classAndID = classAndID
            self.attributes = attributes
            self.text = text
            self.isText = name == "#text"
        }

        var innerText: String {
            if isText { return text }
            var out = ""
            var stack: [Node] = [self]
            var ordered: [Node] = []
            while let node = stack.popLast() {
                ordered.append(node)
                stack.append(contentsOf: node.children.reversed())
            }
            for node in ordered where node.isText { out += node.text }
            return out
        }

        var descendants: [Node] {
            var result: [Node] = []
            var stack: [Node] = children.reversed()
            while let node = stack.popLast() {
                result.append(node)
                stack.append(contentsOf: node.children.reversed())
            }
            return result
        }
    }

    static func parse(_ html: String, path: String) throws -> Node {
        guard let document = LibXMLDocument.read(html) else { throw HTMLParser.Failure.unparsable(path) }
        defer { xmlFreeDoc(document) }
        guard let rootElement = xmlDocGetRootElement(document) else { throw HTMLParser.Failure.unparsable(path) }
        let root = Node(name: "#root", index: 0)
        var nodeCount = 1
        var stack: [(UnsafeMutablePointer<xmlNode>, Node)] = [(rootElement, root)]
        while let (node, parent) = stack.popLast() {
            switch node.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                let text = node.pointee.content.map { String(cString: $0) } ?? ""
                if !text.isEmpty {
                    let child = Node(name: "#text", index: nodeCount, text: text)
                    nodeCount += 1
                    child.parent = parent
                    parent.children.append(child)
                }
            case XML_ELEMENT_NODE:
                let name = String(cString: node.pointee.name).lowercased()
                var attributes: [String: String] = [:]
                var attribute = node.pointee.properties
                while let current = attribute {
                    if let value = xmlGetProp(node, current.pointee.name) {
                        attributes[String(cString: current.pointee.name).lowercased()] = String(cString: value)
                        reportkit_xmlFree(value)
                    }
                    attribute = current.pointee.next
                }
                let element = Node(
                    name: name, index: nodeCount,
                    classAndID: ((attributes["class"] ?? "") + " " + (attributes["id"] ?? "")).lowercased(),
                    attributes: attributes)
                nodeCount += 1
                element.parent = parent
                parent.children.append(element)
                LibXMLDocument.forEachChildLastFirst(of: node) { stack.append(($0, element)) }
            default:
                continue
            }
        }
        return root
    }

    static func extract(_ html: String, path: String) throws -> HTMLContentExtractor.Page {
        let root = try parse(html, path: path)
        var found = HTMLMetadataReader.Found()
        for node in root.descendants where !node.isText {
            switch node.name {
            case "title": found.title { node.innerText }
            case "meta":
                found.meta(key: node.attributes["property"] ?? node.attributes["name"] ?? node.attributes["itemprop"], content: node.attributes["content"])
            case "script": found.script(type: node.attributes["type"]) { node.innerText }
            default: break
            }
        }
        let hints = HTMLMetadataReader.hints(from: found)
        let scorer = Scorer(root: root)
        guard let best = scorer.bestCandidate() else {
            return HTMLContentExtractor.Page(mainText: "", hints: hints, summaryOfRemoved: "no content block found")
        }
        var lines: [String] = []
        var current = ""
        var headline: String?
        render(best, into: &lines, current: &current, headline: &headline, scorer: scorer)
        lines.append(current)
        return page(
            lines: lines, headline: headline, hints: hints, block: best.name, classAndID: best.classAndID,
            total: scorer.textLength(of: root))
    }

    /// The page from the rendered lines, with Foundation's trimming and `String.count`.
    static func page(lines: [String], headline: String?, hints: MetadataHints, block: String, classAndID: String, total: Int)
        -> HTMLContentExtractor.Page
    {
        var hints = hints
        var paragraphs = lines.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        if hints.title == nil, let headline {
            hints.title = headline
            hints.titleSource = "h1"
        }
        if let title = hints.title, let first = paragraphs.first, first == title { paragraphs.removeFirst() }
        let kept = paragraphs.reduce(0) { $0 + $1.count }
        return HTMLContentExtractor.Page(
            mainText: paragraphs.joined(separator: "\n"), hints: hints,
            summaryOfRemoved: "kept \(kept) of \(total) characters of page text in <\(block) \(classAndID.trimmingCharacters(in: .whitespaces))>")
    }

    static func isHidden(_ node: Node) -> Bool {
        HTMLContentExtractor.isHidden(hidden: node.attributes["hidden"], ariaHidden: node.attributes["aria-hidden"], style: node.attributes["style"])
    }

    static func classWeight(_ node: Node) -> Double { HTMLContentExtractor.classWeight(words: node.classAndID, name: node.name) }

    private static func render(_ node: Node, into lines: inout [String], current: inout String, headline: inout String?, scorer: Scorer) {
        var stack: [(Node, Bool)] = [(node, false)]
        while let (item, closing) = stack.popLast() {
            if closing {
                if HTMLContentExtractor.blockElements.contains(item.name) {
                    lines.append(current)
                    current = ""
                }
                continue
            }
            if item.isText {
                current += item.text.replacingOccurrences(of: "\n", with: " ")
                continue
            }
            if item.name == "br" {
                lines.append(current)
                current = ""
                continue
            }
            if HTMLContentExtractor.skippedElements.contains(item.name) || isHidden(item) { continue }
            if item !== node, scorer.isChrome(item) { continue }
            if item.name == "h1" {
                if headline == nil { headline = HTMLContentExtractor.trimmingWhitespaceAndNewlines(item.innerText) }
                continue
            }
            if HTMLContentExtractor.blockElements.contains(item.name) {
                lines.append(current)
                current = ""
            }
            stack.append((item, true))
            for child in item.children.reversed() { stack.append((child, false)) }
        }
    }

    final class Scorer {
        private var textLengths: [Int]
        private var linkLengths: [Int]
        private var scores: [Double]
        private var isCandidate: [Bool]
        private var candidates: [Node] = []

        init(root: Node) {
            var order: [Node] = []
            var stack: [Node] = [root]
            var size = 0
            while let node = stack.popLast() {
                if !node.isText, HTMLContentExtractor.skippedElements.contains(node.name) || ReferenceHTMLExtraction.isHidden(node) {
                    continue
                }
                order.append(node)
                size = max(size, node.index + 1)
                stack.append(contentsOf: node.children)
            }
            textLengths = Array(repeating: 0, count: size)
            linkLengths = Array(repeating: 0, count: size)
            scores = Array(repeating: 0, count: size)
            isCandidate = Array(repeating: false, count: size)
            for node in order.reversed() {
                if node.isText {
                    textLengths[node.index] = node.text.unicodeScalars.filter { !$0.properties.isWhitespace }.count
                    continue
                }
                var text = 0
                var links = 0
                for child in node.children where child.index < size {
                    text += textLengths[child.index]
                    links += linkLengths[child.index]
                }
                textLengths[node.index] = text
                linkLengths[node.index] = node.name == "a" ? text : links
            }
            for node in order where node.isText {
                let length = textLengths[node.index]
                guard length >= 8, let parent = node.parent, parent.name != "a" else { continue }
                var paragraph = parent
                while !HTMLContentExtractor.blockElements.contains(paragraph.name), let up = paragraph.parent { paragraph = up }
                let punctuation = node.text.unicodeScalars.filter { "，。、；！？,;".unicodeScalars.contains($0) }.count
                let score = 1 + Double(punctuation) + min(Double(length) / 50, 3)
                let container = paragraph.name == "p" || paragraph.name.hasPrefix("h") || paragraph.name == "span"
                    ? (paragraph.parent ?? paragraph) : paragraph
                add(score, to: container)
                if let grand = container.parent { add(score / 2, to: grand) }
            }
        }

        private func add(_ score: Double, to node: Node) {
            if !isCandidate[node.index] {
                isCandidate[node.index] = true
                candidates.append(node)
            }
            scores[node.index] += score
        }

        private func score(of node: Node) -> Double { node.index < scores.count ? scores[node.index] : 0 }

        func textLength(of node: Node) -> Int { node.index < textLengths.count ? textLengths[node.index] : 0 }

        func linkDensity(of node: Node) -> Double {
            let text = textLength(of: node)
            return text == 0 ? 0 : Double(linkLengths[node.index]) / Double(text)
        }

        func bestCandidate() -> Node? {
            var best: (Node, Double)?
            for node in candidates {
                let score = (score(of: node) + ReferenceHTMLExtraction.classWeight(node)) * (1 - linkDensity(of: node))
                if best == nil || score > best!.1 { best = (node, score) }
            }
            return best?.0
        }

        func isChrome(_ node: Node) -> Bool {
            guard HTMLContentExtractor.blockElements.contains(node.name) || node.name == "span" else { return false }
            let density = linkDensity(of: node)
            if density > 0.5 && textLength(of: node) > 0 { return true }
            return ReferenceHTMLExtraction.classWeight(node) < 0 && density > 0.2
                || (ReferenceHTMLExtraction.classWeight(node) < 0 && score(of: node) < 5)
        }
    }
}
