import ArgumentParser

@main
struct ReportKitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reportkit", abstract: "Turn published reports into open datasets.", subcommands: [Build.self, Run.self, Validate.self, Eval.self, Inspect.self, Map.self, Reduce.self, Diff.self, GenerateCorpus.self])
}
