import Foundation

/// The package's built executables and a way to run any program, for end-to-end tests.
enum Binary {
    /// What a finished process left: its exit status and what it printed.
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
        /// Whether the run outlived its time limit and was stopped.
        var timedOut = false
    }

    /// The built executable `name` (e.g. `hazmap`): next to the test bundle, else in a `.build*/debug`
    /// folder of the package.
    static func path(_ name: String) -> String? {
        let fileManager = FileManager.default
        var candidates: [URL] = []
        if let first = CommandLine.arguments.first {
            var directory = URL(fileURLWithPath: first).deletingLastPathComponent()
            for _ in 0..<3 {
                candidates.append(directory.appendingPathComponent(name))
                directory = directory.deletingLastPathComponent()
            }
        }
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent(name))
        let builds = (try? fileManager.contentsOfDirectory(atPath: packageRoot.path))?.filter { $0.hasPrefix(".build") } ?? []
        for build in builds.sorted() {
            candidates.append(packageRoot.appendingPathComponent(build).appendingPathComponent("debug/\(name)"))
        }
        return candidates.first { fileManager.isExecutableFile(atPath: $0.path) }?.path
    }

    /// The package's root folder (holding Package.swift).
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Runs a program to the end, or until `timeout` seconds have passed (then stops it: `Outcome.timedOut`),
    /// capturing standard output and standard error. `environment` adds variables to the test's own.
    static func run(_ executable: String, _ arguments: [String], in directory: URL? = nil,
                    environment: [String: String] = [:], timeout: TimeInterval? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        if let directory { process.currentDirectoryURL = directory }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("hazmap-run-\(UUID().uuidString)")
        let errors = output.appendingPathExtension("err")
        try Data().write(to: output)
        try Data().write(to: errors)
        defer {
            try? FileManager.default.removeItem(at: output)
            try? FileManager.default.removeItem(at: errors)
        }
        // Files rather than pipes: a chatty process cannot block on a full pipe that nobody reads yet.
        let outHandle = try FileHandle(forWritingTo: output)
        let errHandle = try FileHandle(forWritingTo: errors)
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        var timedOut = false
        if let timeout {
            let deadline = Date().addingTimeInterval(timeout)
            while process.isRunning && Date() < deadline { usleep(10_000) }
            timedOut = process.isRunning
            if timedOut { process.terminate() }
        }
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        return Outcome(status: process.terminationStatus,
                       stdout: String(decoding: try Data(contentsOf: output), as: UTF8.self),
                       stderr: String(decoding: try Data(contentsOf: errors), as: UTF8.self), timedOut: timedOut)
    }
}
