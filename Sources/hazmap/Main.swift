import ArgumentParser
import Foundation

/// The entry point: runs the command and maps failures onto hazmap's exit codes
/// (1 for invalid input, 2 for usage errors), printing one clear line on stderr.
@main
enum Main {
    static func main() {
        let command: ParsableCommand
        do {
            command = try Hazmap.parseAsRoot()
        } catch {
            exitForParse(error)
        }
        do {
            var runnable = command
            try runnable.run()
            flushStandardOutput()
        } catch let exit as ExitCode {
            flushStandardOutput()
            Foundation.exit(exit.rawValue)
        } catch {
            // Help, version and usage errors can also surface from `run()` (e.g. `hazmap help info`).
            let code = Hazmap.exitCode(for: error)
            if code == .success || code == .validationFailure {
                exitForParse(error)
            }
            Terminal.error(describe(error))
            Foundation.exit(1)
        }
    }

    /// Flushes every C stream (`fflush(NULL)`) and exits 1 when that fails: results go through
    /// `Terminal.output`, which checks each write, and this catches any other buffered output.
    private static func flushStandardOutput() {
        guard fflush(nil) != 0 else { return }
        Terminal.error("cannot write to standard output: \(String(cString: strerror(errno)))")
        Foundation.exit(1)
    }

    /// Help, version and usage errors: help and version exit 0; usage errors print the usage and exit 2.
    private static func exitForParse(_ error: Error) -> Never {
        let code = Hazmap.exitCode(for: error)
        if code == .success { Hazmap.exit(withError: error) }
        Terminal.error(Hazmap.fullMessage(for: error))
        Foundation.exit(2)
    }
}
