/// One step of a per-document pipeline: takes one input, hands on one output or drops it.
///
/// Stages are value types without mutable state, so the runner can call one stage from many
/// threads at once.
///
/// ```swift
/// let outcome = try TextNormalizer().process(document)  // .keep(normalized)
/// ```
public protocol Stage<Input, Output>: Sendable {
    associatedtype Input: Sendable
    associatedtype Output: Sendable
    /// A short, stable name used in logs, stats and provenance, such as `"clean.text"`.
    var name: String { get }
    /// Processes one input.
    ///
    /// - Returns: `.keep(output)`, or `.drop(reason:)` for an input this stage rejects on purpose.
    /// - Throws: An error when the input can't be processed at all; the pipeline records it in
    ///   `rejected.jsonl` and carries on with the other documents.
    func process(_ input: Input) throws -> StageOutcome<Output>
}

/// What a stage did with one input.
public enum StageOutcome<Output: Sendable>: Sendable {
    case keep(Output)
    case drop(reason: String)
}

/// A whole-corpus step that runs after the per-document barrier (deduplication, emission).
public protocol GlobalStage<Input, Output>: Sendable {
    associatedtype Input: Sendable
    associatedtype Output: Sendable
    /// A short, stable name used in logs and provenance, such as `"dedup"`.
    var name: String { get }
    /// Runs over every document that survived the per-document stages, in input order.
    func run(_ inputs: [Input]) throws -> Output
}

/// An error a stage threw, tagged with the stage's name so `rejected.jsonl` says where it failed.
public struct StageFailure: Error, Sendable, CustomStringConvertible {
    public let stage: String
    public let message: String

    public init(stage: String, error: any Error) {
        self.stage = stage
        if let failure = error as? StageFailure {
            self.message = failure.message
        } else {
            self.message = String(describing: error)
        }
    }

    public init(stage: String, message: String) {
        self.stage = stage
        self.message = message
    }

    public var description: String { "\(stage): \(message)" }
}

/// Two stages run one after the other; the second sees only what the first kept.
public struct ChainedStage<First: Stage, Second: Stage>: Stage where First.Output == Second.Input {
    public let first: First
    public let second: Second

    public init(_ first: First, _ second: Second) {
        self.first = first
        self.second = second
    }

    public var name: String { "\(first.name) → \(second.name)" }

    public func process(_ input: First.Input) throws -> StageOutcome<Second.Output> {
        let intermediate: StageOutcome<First.Output>
        do {
            intermediate = try first.process(input)
        } catch let failure as StageFailure {
            throw failure
        } catch {
            throw StageFailure(stage: first.name, error: error)
        }
        switch intermediate {
        case .drop(let reason):
            return .drop(reason: reason)
        case .keep(let value):
            do {
                return try second.process(value)
            } catch let failure as StageFailure {
                throw failure
            } catch {
                throw StageFailure(stage: second.name, error: error)
            }
        }
    }
}

extension Stage {
    /// Composes this stage with the next one: `fetch.then(decode).then(clean)`.
    public func then<Next: Stage>(_ next: Next) -> ChainedStage<Self, Next> where Next.Input == Output {
        ChainedStage(self, next)
    }
}
