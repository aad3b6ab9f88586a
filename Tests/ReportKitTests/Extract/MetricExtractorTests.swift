import Testing
@testable import ReportKit

@Suite("MetricExtractor") struct MetricExtractorTests {
    func metrics(_ text: String) -> [Metric] { MetricExtractor().extract(from: text, reportID: "r") }

    func only(_ text: String) throws -> Metric {
        let found = metrics(text)
        #expect(found.count == 1, "expected one claim in \(text), got \(found.map(\.quote))")
        return try #require(found.first)
    }

    @Test("reads magnitudes and normalises money and households") func magnitudes() throws {
        let money = try only("推动各部门支付欠款4479.88万元。")
        #expect(money.value == 4479.88 && money.unit == "万元" && money.valueNormalized == 44_798_800 && money.unitNormalized == "CNY")
        #expect(money.indicator == "欠款")
        let households = try only("新增市场主体12万户。")
        #expect(households.valueNormalized == 120_000 && households.unitNormalized == "household")
        let big = try only("累计完成投资1853.12亿元。")
        #expect(big.valueNormalized == 185_312_000_000)
    }

    @Test("reads separators, full-width digits after cleaning, and Chinese numerals") func numerals() throws {
        #expect(try only("共有1,234家企业入驻。").value == 1234)
        let cases: [(String, Double, String)] = [
            ("取消证明事项三十六项。", 36, "item"), ("设立两个政务服务大厅。", 2, "item"), ("引进一百二十家企业。", 120, "enterprise"),
            ("办理时限为十五个工作日。", 15, "workday"), ("走访二十余家企业。", 20, "enterprise"),
        ]
        for (text, value, unit) in cases {
            let metric = try only(text)
            #expect(metric.value == value && metric.unitNormalized == unit, "\(text)")
        }
        #expect(try only("走访二十余家企业。").qualifier == "at_least")
    }

    @Test("reads qualifiers", arguments: [
        ("收集评价23万余次。", "at_least"), ("解决160多个问题。", "at_least"), ("减免费用近300万元。", "approx"),
        ("约50家企业参加。", "approx"), ("超过90%的事项可网办。", "at_least"), ("逾200家企业受益。", "at_least"),
        ("实现2000个以上的事项掌上办。", "at_least"), ("压缩至4小时以内。", "at_most"), ("不超过3个工作日。", "at_most"),
        ("时限控制在5天内。", "at_most"),
    ])
    func qualifiers(text: String, qualifier: String) throws {
        #expect(try only(text).qualifier == qualifier)
    }

    @Test("reads ranges") func ranges() throws {
        let days = try only("审批时限压缩至10至55个工作日。")
        #expect(days.value == 10 && days.valueMax == 55 && days.qualifier == "range" && days.unit == "个工作日")
        #expect(try only("3-5天办结。").valueMax == 5)
        #expect(try only("3~5天办结。").valueMax == 5)
    }

    @Test("reads changes") func changes() throws {
        let fromTo = try only("深度事项比例已由31%提升至91.8%。")
        #expect(fromTo.kind == "from_to" && fromTo.baselineValue == 31 && fromTo.value == 91.8)
        #expect(fromTo.quote == "由31%提升至91.8%")
        let fromTo2 = try only("网办率从60%提高到95%。")
        #expect(fromTo2.kind == "from_to" && fromTo2.baselineValue == 60 && fromTo2.value == 95)
        let growth = try only("同比增长2.37%。")
        #expect(growth.kind == "increase" && growth.value == 2.37)
        let points = try only("投诉量下降8个百分点。")
        #expect(points.kind == "decrease" && points.unitNormalized == "percentage_point")
        #expect(try only("审批时限普遍压减了93.84%。").kind == "decrease")
        let level = try only("登记时间压缩至4小时内。")
        #expect(level.kind == "level" && level.qualifier == "at_most")
    }

    @Test("reads ranks") func ranks() throws {
        let third = try only("办件量排名全省第三。")
        #expect(third.kind == "rank" && third.value == 3 && third.unitNormalized == "rank")
        let found = metrics("城市信用监测排名全国第117位，较去年提升104位。")
        #expect(found.map(\.value) == [117, 104])
        #expect(found.map(\.kind) == ["rank", "increase"])
        #expect(found.allSatisfy { $0.unitNormalized == "rank" })
    }

    /// Names, slogans, hotlines, dates, years, phone numbers and ordinals are not claims.
    @Test("skips numbers that are not claims") func traps() {
        let text = """
            优化营商环境被誉为“一号工程”，结合“十四五”规划，开通12345热线，提供7×24小时服务。\
            2024年3月1日起施行《2024年儋州市营商环境评价量化表》，咨询电话0570-8888888，\
            申报纳入第五批营商环境示范案例，第二届监督员，一是强化顶层设计，一名班子成员挂职，5月份召开会议，\
            推行“1+3+N”模式和“最多跑一次”改革。
            """
        #expect(metrics(text).map(\.quote) == [])
    }

    @Test("offsets slice the text to the quote and the sentence encloses it") func offsets() {
        let text = "标题行\n截至目前，“零跑动”可办事项为2245项，可办率为97.45%。第二句有28类证照。"
        let scalars = Array(text.unicodeScalars)
        let found = metrics(text)
        #expect(found.count == 3)
        for metric in found {
            #expect(String(String.UnicodeScalarView(scalars[metric.charStart..<metric.charEnd])) == metric.quote)
            #expect(metric.sentence.contains(metric.quote))
        }
        #expect(found[0].indicator == "零跑动可办事项")
        #expect(found[1].indicator == "可办率")
        #expect(found[0].period == "截至目前")
    }
}
