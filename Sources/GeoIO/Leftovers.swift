import Foundation

/// The names of hazmap's temporary files and folders, and the clean-up of those that killed runs left.
///
/// While it writes, hazmap keeps its work under hidden names beside the output: `.NAME.hazmap-tmp-PID-RANDOM…`
/// for a file or folder being built, `.NAME.hazmap-old-PID-RANDOM` for a folder being replaced. A run
/// killed outright (SIGKILL, power loss) leaves them behind; every later output into the same folder
/// removes those whose process is gone, and puts back a moved-aside folder whose replacement never
/// arrived. Names of earlier hazmap versions (`.NAME.tmp-PID-RANDOM…`) are cleaned too.
enum Leftovers {
    /// What a leftover name says.
    struct Name {
        /// The output it belongs to (`NAME`).
        var output: String
        /// The process that made it.
        var pid: pid_t
        /// Whether it is an old folder moved aside (else work in progress).
        var isMovedAside: Bool
    }

    /// A unique hidden name for work on `output` by this process: `.output.hazmap-tmp-PID-RANDOM`.
    static func temporaryName(for output: String) -> String { ".\(output).hazmap-tmp-\(tag())" }

    /// A unique hidden name for the old folder `output` moved aside: `.output.hazmap-old-PID-RANDOM`.
    static func movedAsideName(for output: String) -> String { ".\(output).hazmap-old-\(tag())" }

    private static func tag() -> String {
        "\(getpid())-\(String(UInt64.random(in: 0...UInt64.max), radix: 36))"
    }

    /// Parses a leftover name; `nil` for any other name.
    static func parse(_ name: String) -> Name? {
        let pattern = /^\.(.+)\.(hazmap-tmp|hazmap-old|tmp|old)-([0-9]+)-([0-9a-z]+)([.\-].*)?$/
        guard let match = name.wholeMatch(of: pattern), let pid = pid_t(match.output.3), pid > 0 else { return nil }
        let kind = match.output.2
        // Earlier versions' names carry no "hazmap": only take them with their full random part.
        guard kind.hasPrefix("hazmap") || match.output.4.count >= 8 else { return nil }
        return Name(output: String(match.output.1), pid: pid, isMovedAside: kind.hasSuffix("old"))
    }

    /// Removes, in `folder`, the leftovers of processes that no longer run (`kill(pid, 0)` fails with
    /// `ESRCH`), and renames a moved-aside folder back when its output is missing. Best effort.
    static func clean(in folder: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names {
            guard let leftover = parse(name), leftover.pid != getpid(),
                  kill(leftover.pid, 0) == -1, errno == ESRCH else { continue }
            let path = (folder as NSString).appendingPathComponent(name)
            let output = (folder as NSString).appendingPathComponent(leftover.output)
            var status = stat()
            if leftover.isMovedAside, lstat(output, &status) != 0, errno == ENOENT {
                _ = rename(path, output)
                continue
            }
            try? FileManager.default.removeItem(atPath: path)
        }
    }
}
