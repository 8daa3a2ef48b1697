namespace Article42.Mesh.Hosting.Configuration;

/// <summary>
/// The configuration command-line provider silently ignores what it does not understand (a misspelt flag, a
/// stray word, a flag without a value); a silo must refuse those instead of starting with a default.
/// </summary>
internal static class CommandLineCheck
{
    public static MeshError? FirstProblem(string[] args)
    {
        var flags = MeshFlags.SwitchMappings();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? arg : arg[..equals];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || name.Length <= 2)
                return Problem(arg, $"unexpected argument '{arg}'");
            if (!flags.ContainsKey(name) && !name.Contains(':', StringComparison.Ordinal) && !name.Equals("--" + ConfigKeys.Profile, StringComparison.OrdinalIgnoreCase))
                return Problem(name, $"unknown flag '{name}'");
            if (equals < 0 && ++i >= args.Length)
                return Problem(name, $"'{name}' needs a value");
        }

        return null;
    }

    private static MeshError Problem(string at, string message) =>
        new(ConfigErrorCodes.BadCommandLine, at, $"{message}; flags: {string.Join(", ", MeshFlags.All.Select(f => f.Name))}, or --Section:Key=value for any key");
}
