import Testing
@testable import ReportKit

@Suite("RegionGazetteer and RegionResolver") struct RegionResolverTests {
    @Test("covers the whole country") func coverage() {
        let gazetteer = RegionGazetteer.shared
        #expect(gazetteer.divisions.count > 3_400)
        #expect(gazetteer.divisions.filter { $0.level == "province" }.count >= 34)
        #expect(gazetteer.division(code: "650100")?.name == "乌鲁木齐市")
    }

    @Test("resolves short forms to full divisions", arguments: [
        ("儋州", "460400", "海南省", nil as String?), ("玉门", "620981", "甘肃省", "玉门市"), ("凤冈县", "520327", "贵州省", "凤冈县"),
        ("海口", "460100", "海南省", nil), ("商丘", "411400", "河南省", nil), ("延边州", "222400", "吉林省", nil),
    ])
    func shortForms(name: String, code: String, province: String, county: String?) throws {
        let resolution = try #require(RegionResolver().resolve(title: nil, text: "\(name)持续优化营商环境。\(name)新增市场主体。"))
        #expect(resolution.division.code == code)
        #expect(resolution.province == province)
        #expect(resolution.county == county)
    }

    @Test("玉门 gets its prefecture 酒泉") func prefecture() throws {
        let resolution = try #require(RegionResolver().resolve(title: "助推玉门经济高质量发展", text: "玉门市立足区位优势。"))
        #expect(resolution.prefecture == "酒泉市")
    }

    /// 朝阳区 exists in 北京 and 长春: the province or city named elsewhere decides.
    @Test("resolves an ambiguous name by context, and flags it otherwise") func ambiguity() throws {
        let beijing = try #require(RegionResolver().resolve(title: nil, text: "北京市朝阳区优化营商环境，朝阳区新增企业。朝阳区"))
        #expect(beijing.division.code == "110105")
        #expect(!beijing.ambiguous)
        let changchun = try #require(RegionResolver().resolve(title: nil, text: "长春市朝阳区优化营商环境。朝阳区新增企业。朝阳区"))
        #expect(changchun.division.code == "220104")
        let unknown = try #require(RegionResolver().resolve(title: nil, text: "朝阳区优化营商环境。"))
        #expect(unknown.ambiguous)
    }
}
