import Analyses
import Foundation
import GeoIO
import HazmapValues

/// Writing to the terminal: results on stdout, messages and progress on stderr. Every message passes
/// through `ConnectionString.redacted(_:)`: a password in a `PG:` string never reaches the terminal.
enum Terminal {
    /// Whether stderr is a terminal, so that a progress bar may be drawn.
    static let stderrIsTerminal = isatty(STDERR_FILENO) == 1

    /// Writes `text` and a newline on stdout, unbuffered (`FileHandle`, `write(2)`), so that a failed write
    /// (a full disk: `--json > /dev/full`) is an error and exit 1, never a silent success.
    static func output(_ text: String) throws {
        try write(Data((text + "\n").utf8))
    }

    /// Writes on stdout what `body` hands its writer, in pieces of about a megabyte, then a newline: for results
    /// too large to hold as one string (`validate`'s findings at a million hazards). A failed write is an error,
    /// as for `output(_:)`.
    static func outputStreamed(_ body: ((String) throws -> Void) throws -> Void) throws {
        var pending = Data()
        try body { piece in
            pending.append(contentsOf: piece.utf8)
            if pending.count >= 1 << 20 {
                try write(pending)
                pending.removeAll(keepingCapacity: true)
            }
        }
        pending.append(contentsOf: "\n".utf8)
        try write(pending)
    }

    /// Writes `data` on stdout (`write(2)`), a full disk named as such.
    private static func write(_ data: Data) throws {
        do {
            try FileHandle.standardOutput.write(contentsOf: data)
        } catch {
            let code = (error as NSError).code
            // POSIX ENOSPC, or Foundation's NSFileWriteOutOfSpaceError (640) that wraps it.
            let full = code == Int(ENOSPC) || code == 640
            let reason = full ? "disk full (no space left on device)" : error.localizedDescription
            throw InputError("cannot write to standard output: \(reason)")
        }
    }

    /// Prints `hazmap: error: …` on stderr.
    static func error(_ message: String) {
        let text = message.hasPrefix("Error:") ? message : "hazmap: error: \(message)"
        FileHandle.standardError.write(Data((ConnectionString.redacted(text) + "\n").utf8))
    }

    /// Prints `hazmap: warning: …` on stderr.
    static func warning(_ message: String) {
        FileHandle.standardError.write(Data(("hazmap: warning: \(ConnectionString.redacted(message))\n").utf8))
    }

    /// Prints a plain line on stderr (summaries that must not mix with `--json` on stdout).
    static func note(_ message: String) {
        FileHandle.standardError.write(Data((ConnectionString.redacted(message) + "\n").utf8))
    }
}

/// Describes any error in one line: hazmap's error types already name the file, feature and cause;
/// a password in it shows as `***`.
func describe(_ error: Error) -> String {
    ConnectionString.redacted(String(describing: error))
}
