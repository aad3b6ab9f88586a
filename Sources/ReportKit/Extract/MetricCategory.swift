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

    /// The keywords by their first scalar, each with the priority (position in ``rules``) of its category.
    static let keywordsByFirstScalar: ScalarTable<[(rule: Int, keyword: [Unicode.Scalar])]> = {
        var entries: [Unicode.Scalar: [(rule: Int, keyword: [Unicode.Scalar])]] = [:]
        for (rule, (_, keywords)) in scalarRules.enumerated() {
            for keyword in keywords { entries[keyword[0], default: []].append((rule, keyword)) }
        }
        return ScalarTable(entries)
    }()

    /// The first scalars of all keywords.
    static let keywordStarts: ScalarBits = {
        let firsts = Set(scalarRules.flatMap { $0.1.map { $0[0] } })
        return ScalarBits(members: firsts)
    }()

    /// The first category with a keyword in `text`, if any: one pass over the text that keeps the
    /// highest-priority keyword found, instead of one substring search per keyword.
    static func category(of text: [Unicode.Scalar]) -> String? { category(of: text[...]) }

    /// ``category(of:)`` of a slice, such as a sentence of the text, without copying it.
    static func category(of text: ArraySlice<Unicode.Scalar>) -> String? {
        let keywordStarts = Self.keywordStarts
        let best = text.withUnsafeBufferPointer { text in
            var best = scalarRules.count
            // The bit table skips to where a keyword may start without fetching (and retaining) a candidate list.
            var offset = keywordStarts.firstMember(in: text, from: 0)
            while offset < text.count {
                if let candidates = keywordsByFirstScalar[text[offset]] {
                    for (rule, keyword) in candidates where rule < best && keyword.count <= text.count - offset
                        && keyword.indices.allSatisfy({ text[offset + $0] == keyword[$0] })
                    {
                        best = rule
                        if best == 0 { return 0 }
                    }
                }
                offset = keywordStarts.firstMember(in: text, from: offset + 1)
            }
            return best
        }
        return best < scalarRules.count ? scalarRules[best].0 : nil
    }
}
