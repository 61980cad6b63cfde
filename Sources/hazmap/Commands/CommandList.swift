import ArgumentParser

/// The subcommands, in the order `--help` lists them.
let commandList: [ParsableCommand.Type] = [
    InfoCommand.self,
    ValidateCommand.self,
    ExtentCommand.self,
]
