import ArgumentParser

/// The subcommands, in the order `--help` lists them.
let commandList: [ParsableCommand.Type] = [
    InfoCommand.self,
    ValidateCommand.self,
    ExtentCommand.self,
    ReleaseCommand.self,
    ExposureCommand.self,
    PrioritizeCommand.self,
    PlanCommand.self,
    RoutesCommand.self,
    ReportCommand.self,
    BatchCommand.self,
]
