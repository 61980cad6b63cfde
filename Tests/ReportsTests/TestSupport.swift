import Foundation

/// Command-line tools that give independent expected values (`geod`, `sha256sum`), written once for this
/// target. A test that needs one is enabled only when it is installed, so a missing tool shows as a skip.
enum ExternalTool {
    /// Whether `/usr/bin/NAME` is installed.
    static func available(_ name: String) -> Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/\(name)") }

    /// Runs `/usr/bin/NAME` with `input` on standard input and returns its standard output.
    static func run(_ name: String, _ arguments: [String], input: String? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/\(name)")
        process.arguments = arguments
        let inputPipe = Pipe(), output = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : inputPipe
        process.standardOutput = output
        try process.run()
        if let input {
            inputPipe.fileHandleForWriting.write(Data(input.utf8))
            try inputPipe.fileHandleForWriting.close()
        }
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return text
    }
}
