using Microsoft.Extensions.Configuration;

namespace Article42.Mesh.Hosting.Configuration;

/// <summary>
/// The configuration sources, lowest precedence first: built-in defaults for logging, <c>appsettings.json</c>
/// beside the executable, <c>A42__*</c> environment variables (<c>A42__Cluster__Redis</c> is <c>Cluster:Redis</c>),
/// and command-line flags (<see cref="MeshFlags"/>, or <c>--Section:Key=value</c> for any key).
/// </summary>
public static class MeshConfiguration
{
    public const string EnvironmentPrefix = "A42__";

    public static void AddSources(ConfigurationManager builder, string[] args)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddInMemoryCollection(
        [
            new("Logging:LogLevel:Default", "Warning"),
            new("Logging:LogLevel:Article42", "Information"),
        ]);
        builder.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false);
        builder.AddEnvironmentVariables(EnvironmentPrefix);
        if (CommandLineCheck.FirstProblem(args) is { } problem)
            throw new ConfigurationFailedException(problem);
        builder.AddCommandLine(args, MeshFlags.SwitchMappings());
    }
}
