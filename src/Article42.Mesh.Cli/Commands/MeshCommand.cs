using Article42.Mesh.Hosting;
using Article42.Mesh.Hosting.Configuration;

namespace Article42.Mesh.Cli.Commands;

/// <summary>
/// <c>a42 mesh up [--profile P] [--data DIR] [--keys DIR] [--postgres CONN] [--redis CONN] [--advertise-ip IP]
/// [--silo-port N] [--gateway-port N] [--http-port N] [--Section:Key=value ...]</c>: a silo in the foreground,
/// the same host as the silo executable; each flag is a spelling of one configuration key.
/// </summary>
public static class MeshCommand
{
    public static Command Create()
    {
        var mesh = new Command("mesh", "Run the mesh.");
        mesh.Subcommands.Add(Up());
        return mesh.WithExamples("a42 mesh up");
    }

    private static Command Up()
    {
        var up = new Command("up", "Run a silo in the foreground until Ctrl+C or SIGTERM; with no flags, a single-node mesh under $A42_HOME. Any configuration key can be given as --Section:Key=value.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        up.WithExamples(
            "a42 mesh up",
            "a42 mesh up --gateway-port 30001 --http-port 8081 --data ./data2",
            "a42 mesh up --profile cluster --advertise-ip 10.0.0.5 --postgres \"Host=db;...\" --redis redis:6379");
        var options = MeshFlags.All.Select(flag => (Flag: flag, Option: new Option<string?>(flag.Name) { Description = flag.Description, HelpName = flag.ValueName })).ToList();
        foreach (var (_, option) in options)
            up.Options.Add(option);
        up.SetAction(parse =>
        {
            List<string> args = [];
            foreach (var (flag, option) in options)
            {
                if (parse.GetValue(option) is { } value)
                    args.AddRange([flag.Name, value]);
            }

            args.AddRange(parse.UnmatchedTokens);

            // Synchronous on purpose: the host handles SIGTERM and Ctrl+C itself and shuts down gracefully.
            return MeshSilo.RunAsync([.. args]).GetAwaiter().GetResult();
        });
        return up;
    }
}
