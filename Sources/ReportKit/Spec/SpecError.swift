/// Why a pipeline spec could not be used; every message names the file, the line when known, and the fix.
public struct SpecError: Error, Sendable, Equatable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let problem: String
    public let fix: String

    public var description: String {
        let place = line.map { "\(file):\($0)" } ?? file
        return "\(place): \(problem) \(fix)"
    }
}
