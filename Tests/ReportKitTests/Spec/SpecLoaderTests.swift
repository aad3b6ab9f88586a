import Testing
@testable import ReportKit

@Suite("SpecLoader") struct SpecLoaderTests {
    let valid = """
        name: demo
        version: "1.2.3"
        title: Demo
        description: A demo.
        license: {name: CC-BY-4.0}
        sources: [sources/*.txt]
        """

    @Test("reads a valid spec") func readsValidSpec() throws {
        let spec = try SpecLoader().parse(valid, file: "demo.yaml")
        #expect(spec.name == "demo" && spec.version == "1.2.3" && spec.sources == ["sources/*.txt"])
    }

    @Test("names the file and line of a YAML syntax error") func syntaxError() {
        let broken = valid + "\nsources: [unclosed\n"
        #expect {
            try SpecLoader().parse(broken, file: "demo.yaml")
        } throws: { error in
            let message = "\(error)"
            return message.hasPrefix("demo.yaml:") && message.contains("not valid YAML") && (error as? SpecError)?.line != nil
        }
    }

    @Test("rejects an unknown key with its line and the known keys") func unknownKey() throws {
        let typo = valid.replacingOccurrences(of: "title: Demo", with: "titel: Demo")
        let error = try #require(throws: SpecError.self) { try SpecLoader().parse(typo, file: "demo.yaml") }
        #expect(error.line == 3)
        #expect(error.problem == "Unknown key 'titel'.")
        #expect(error.fix.contains("title"))
    }

    @Test("explains a missing required key") func missingKey() throws {
        let missing = valid.replacingOccurrences(of: "title: Demo\n", with: "")
        let error = try #require(throws: SpecError.self) { try SpecLoader().parse(missing, file: "demo.yaml") }
        #expect(error.problem == "Missing required key 'title'.")
    }

    @Test("rejects a version that is not semantic") func badVersion() throws {
        let bad = valid.replacingOccurrences(of: "\"1.2.3\"", with: "v1")
        let error = try #require(throws: SpecError.self) { try SpecLoader().parse(bad, file: "demo.yaml") }
        #expect(error.line == 2)
        #expect(error.problem == "version 'v1' is not a semantic version.")
    }

    @Test("rejects a wrong type and an unknown rule") func wrongTypes() throws {
        let wrongSources = valid.replacingOccurrences(of: "sources: [sources/*.txt]", with: "sources: {a: b}")
        let error = try #require(throws: SpecError.self) { try SpecLoader().parse(wrongSources, file: "demo.yaml") }
        #expect(error.fix.contains("Write sources as a list"))
        let unknownRule = valid + "\nvalidate: {severity: {no-such-rule: error}}"
        let ruleError = try #require(throws: SpecError.self) { try SpecLoader().parse(unknownRule, file: "demo.yaml") }
        #expect(ruleError.problem.contains("unknown rule 'no-such-rule'"))
    }

    @Test("the sample pipeline's spec loads") func samplePipeline() throws {
        let (spec, _) = try SpecLoader().load(TestSupport.pipeline.path)
        #expect(spec.name == "business-environment")
        #expect(spec.publishText == false)
    }
}
