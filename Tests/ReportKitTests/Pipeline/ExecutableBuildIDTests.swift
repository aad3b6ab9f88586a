import Foundation
import Testing
@testable import ReportKit

@Suite("Executable build id") struct ExecutableBuildIDTests {
    /// The running test binary has a build id (the Swift toolchain links with one) and it is what `readelf -n`
    /// prints, when readelf is there to ask.
    @Test("reads the running executable's build id as readelf does") func matchesReadelf() throws {
        let id = try #require(ExecutableBuildID.read(path: "/proc/self/exe"))
        #expect(id.count >= 16 && id.allSatisfy { "0123456789abcdef".contains($0) })
        let readelf = "/usr/bin/readelf"
        guard FileManager.default.isExecutableFile(atPath: readelf) else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: readelf)
        let executable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        process.arguments = ["-n", executable]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(output.contains("Build ID: \(id)"))
    }

    /// Notes are walked with their padding; a build id after another note is found, a truncated one is not.
    @Test("finds the build id among notes, refuses truncated notes") func notes() {
        func note(_ name: [UInt8], type: UInt32, _ description: [UInt8]) -> [UInt8] {
            func le(_ value: Int) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
            func padded(_ bytes: [UInt8]) -> [UInt8] { bytes + Array(repeating: 0, count: (4 - bytes.count % 4) % 4) }
            return le(name.count) + le(description.count) + le(Int(type)) + padded(name) + padded(description)
        }
        let gnu: [UInt8] = Array("GNU".utf8) + [0]
        let other = note(Array("Go".utf8) + [0], type: 4, [1, 2, 3, 4, 5])
        let id = note(gnu, type: 3, [0xDE, 0xAD, 0xBE, 0xEF, 0x01])
        #expect(ExecutableBuildID.buildID(in: other + id) == "deadbeef01")
        #expect(ExecutableBuildID.buildID(in: other) == nil)
        #expect(ExecutableBuildID.buildID(in: note(gnu, type: 1, [9, 9])) == nil)  // an ABI tag, not a build id
        #expect(ExecutableBuildID.buildID(in: Array(id.dropLast(4))) == nil)
    }

    @Test("a file that is not ELF has no build id") func notELF() throws {
        let folder = try TestSupport.temporaryFolder("build-id")
        let text = folder.appendingPathComponent("a.txt")
        try Data("not an executable".utf8).write(to: text)
        #expect(ExecutableBuildID.read(path: text.path) == nil)
        #expect(ExecutableBuildID.read(path: folder.appendingPathComponent("missing").path) == nil)
    }
}
