import ArgumentParser
import Foundation

// hazmap's exit codes: help and --version exit 0, usage errors 2 (ArgumentParser's default is 64),
// failures 1 (`GenerateCommand.run` throws `ExitCode(1)`).
do {
    var command = try GenerateCommand.parseAsRoot()
    try command.run()
} catch let exit as ExitCode {
    Foundation.exit(exit.rawValue)
} catch {
    let code = GenerateCommand.exitCode(for: error)
    guard code != .success else { GenerateCommand.exit(withError: error) }
    FileHandle.standardError.write(Data((GenerateCommand.fullMessage(for: error) + "\n").utf8))
    Foundation.exit(code == .validationFailure ? 2 : 1)
}
