/// A small taxonomy aligned with China's business-environment evaluation indicators; each claim gets the
/// first category whose keywords appear in its indicator, else in its sentence.
public enum MetricCategory {
    /// (category, keywords) in priority order; the dataset README prints this table.
    public static let rules: [(String, [String])] = [
        ("开办企业", ["开办", "企业登记", "设立登记", "注册登记", "刻制", "印章", "营业执照", "一照"]),
        ("工程建设项目审批", ["工程建设", "施工许可", "建筑许可", "规划许可", "竣工", "联合验收", "拿地即开工", "全流程审批"]),
        ("登记财产", ["不动产", "登记财产", "过户", "产权", "抵押登记"]),
        ("获得信贷", ["贷款", "信贷", "融资", "授信", "信易贷", "放款", "金融"]),
        ("纳税", ["纳税", "税务", "税款", "退税", "减税", "发票", "缴税", "税费"]),
        ("满意度", ["满意", "好评", "差评"]),
        ("投诉与诉求", ["投诉", "诉求", "举报", "热线", "12345", "意见建议", "问题"]),
        ("信用", ["信用", "失信", "守信", "诚信"]),
        ("司法与执行", ["法院", "案件", "结案", "审结", "执行", "纠纷", "诉讼", "仲裁"]),
        ("市场主体", ["市场主体", "经营主体", "个体工商户", "新增企业", "企业总量", "户"]),
        ("项目投资", ["投资", "招商", "签约", "重点项目", "项目建设", "标准地", "亩"]),
        ("惠企服务", ["减免", "补贴", "奖补", "惠企", "免费", "欠款", "费用", "资金", "帮办", "代办", "包联"]),
        ("政务服务", ["政务", "事项", "办件", "窗口", "网办", "可办", "即办", "通办", "大厅", "跑", "证照", "审批", "办理", "办结", "掌上"]),
        ("营商环境建设", ["指标", "任务", "清单", "机制", "监督员", "案例", "制度", "营商环境"]),
    ]

    public static var all: [String] { rules.map(\.0) + ["其他"] }

    static let scalarRules: [(String, [[Unicode.Scalar]])] = rules.map { ($0.0, $0.1.map { Array($0.unicodeScalars) }) }

    static func classify(indicator: String, sentence: String) -> String {
        category(of: Array(indicator.unicodeScalars)) ?? category(of: Array(sentence.unicodeScalars)) ?? "其他"
    }

    /// The keywords laid out flat for the scan at every position of an indicator or sentence: grouped by first
    /// scalar, each group in priority order, all keywords' scalars in one buffer. A lookup retains nothing.
    struct KeywordTable: Sendable {
        struct Keyword: Sendable {
            /// The keyword's category: its position in ``MetricCategory/rules``.
            let rule: Int32
            let offset: Int32
            let length: Int32
        }

        /// One slot per BMP scalar: 0 when no keyword starts with it, else its group's index in ``groups`` plus one.
        let groupNumbers: [UInt8]
        /// Each group's range in ``keywords``.
        let groups: [Range<Int32>]
        let keywords: [Keyword]
        let storage: [Unicode.Scalar]

        init(_ rules: [(String, [[Unicode.Scalar]])]) {
            var byFirst: [UInt32: [(rule: Int, keyword: [Unicode.Scalar])]] = [:]
            for (rule, (_, keywords)) in rules.enumerated() {
                for keyword in keywords {
                    precondition(keyword[0].value < 0x10000, "keywords start with BMP scalars")
                    byFirst[keyword[0].value, default: []].append((rule, keyword))
                }
            }
            precondition(byFirst.count < Int(UInt8.max), "group numbers fit in a byte")
            var groupNumbers = [UInt8](repeating: 0, count: 0x10000)
            var groups: [Range<Int32>] = []
            var keywords: [Keyword] = []
            var storage: [Unicode.Scalar] = []
            for first in byFirst.keys.sorted() {
                let start = Int32(keywords.count)
                for (rule, keyword) in byFirst[first]! {  // appended in rule order: ascending priority numbers
                    keywords.append(Keyword(rule: Int32(rule), offset: Int32(storage.count), length: Int32(keyword.count)))
                    storage.append(contentsOf: keyword)
                }
                groups.append(start..<Int32(keywords.count))
                groupNumbers[Int(first)] = UInt8(groups.count)
            }
            self.groupNumbers = groupNumbers
            self.groups = groups
            self.keywords = keywords
            self.storage = storage
        }
    }

    static let keywordTable = KeywordTable(scalarRules)

    /// The first category with a keyword in `text`, if any: one pass over the text that keeps the
    /// highest-priority keyword found, instead of one substring search per keyword.
    static func category(of text: [Unicode.Scalar]) -> String? { category(of: text[...]) }

    /// ``category(of:)`` of a slice, such as a sentence of the text, without copying it.
    static func category(of text: ArraySlice<Unicode.Scalar>) -> String? {
        let table = Self.keywordTable
        let best = text.withUnsafeBufferPointer { text in
            table.groupNumbers.withUnsafeBufferPointer { groupNumbers in
                table.keywords.withUnsafeBufferPointer { keywords in
                    table.storage.withUnsafeBufferPointer { storage in
                        var best = Int32(scalarRules.count)
                        // The group table answers where a keyword may start (zero: none; astral scalars start none).
                        var offset = 0
                        while offset < text.count {
                            let value = text[offset].value
                            let group = value < 0x10000 ? Int(groupNumbers[Int(value)]) : 0
                            if group != 0 {
                                let range = table.groups[group - 1]
                                for index in Int(range.lowerBound)..<Int(range.upperBound) {
                                    let keyword = keywords[index]
                                    // A group lists its keywords by priority: none after this one can do better.
                                    if keyword.rule >= best { break }
                                    let length = Int(keyword.length)
                                    guard length <= text.count - offset else { continue }
                                    var matched = true
                                    for position in 1..<length where text[offset + position] != storage[Int(keyword.offset) + position] {
                                        matched = false
                                        break
                                    }
                                    if matched {
                                        best = keyword.rule
                                        if best == 0 { return 0 }
                                        break
                                    }
                                }
                            }
                            offset &+= 1
                        }
                        return Int(best)
                    }
                }
            }
        }
        return best < scalarRules.count ? scalarRules[best].0 : nil
    }
}
