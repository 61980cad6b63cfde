import ArgumentParser

/// `--nodata V`: a fill value of the population raster to treat as nodata, for a raster that does not declare
/// its own (or declares another). Parsed unconditionally so that `--nodata -99999` works.
struct NodataOption: ParsableArguments {
    @Option(name: .customLong("nodata"), parsing: .unconditional, help: ArgumentHelp(
        "Population raster fill value to treat as nodata (e.g. -99999), replacing the band's own. Without it, "
            + "negative, infinite or huge cells are left out with a warning, and refused when they are more than "
            + "1% of an area.", valueName: "V"))
    var value: Double?
}
