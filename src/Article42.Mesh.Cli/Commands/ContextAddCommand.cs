using Article42.Mesh.Cli.Contexts;
using Article42.Mesh.Protocol;

namespace Article42.Mesh.Cli.Commands;

/// <summary>
/// <c>a42 context add NAME [--gateway HOST:PORT[,...]] [--tls-ca FILE] [--tls-cert FILE] [--keys DIR] [--operator-key FILE] [--force]</c>:
/// checks every value now (files exist, endpoints parse, the certificate loads) so that a context never fails later for
/// a typo, and stores paths absolute.
/// </summary>
public static class ContextAddCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "The context's name: letters, digits, '.', '_', '-'.", HelpName = "NAME" };
        var gateway = new Option<string?>("--gateway") { Description = "The mesh's gateway endpoints, HOST:PORT[,...].", HelpName = "HOST:PORT" };
        var ca = new Option<string?>("--tls-ca") { Description = "The mesh's CA certificate(s), PEM.", HelpName = "FILE" };
        var certificate = new Option<string?>("--tls-cert") { Description = "The client certificate: PEM with its key inside or in the .key file beside it, or .pfx.", HelpName = "FILE" };
        var keys = new Option<string?>("--keys") { Description = "The trust store directory.", HelpName = "DIR" };
        var operatorKey = new Option<string?>("--operator-key") { Description = "The operator's private key, for a42 status and a42 trace.", HelpName = "FILE" };
        var description = new Option<string?>("--description") { Description = "A few words on what the context is for.", HelpName = "TEXT" };
        var force = new Option<bool>("--force") { Description = "Replace a context of the same name." };
        var add = new Command("add", "Store a named set of connection defaults (gateways, TLS files, trust store, operator key).")
        {
            name, gateway, ca, certificate, keys, operatorKey, description, force,
        };
        add.WithExamples(
            $"a42 context add prod --gateway 10.0.0.5:{MeshDefaults.GatewayPort},10.0.0.6:{MeshDefaults.GatewayPort} --tls-ca ca.crt --tls-cert operator.crt",
            "a42 context add lab --gateway 127.0.0.1:30000 --keys ./lab-keys --force  # replace it");
        add.SetAction(parse => CommandRunner.Run(() =>
        {
            var contextName = ContextName.Checked(parse.GetValue(name)!, "NAME");
            var context = new MeshContext
            {
                Gateways = parse.GetValue(gateway) is { } endpoints ? [.. GatewayOptions.ParseEndpoints(endpoints).Select(e => e.ToString())] : [],
                TlsCa = ExistingFile(parse.GetValue(ca), "--tls-ca"),
                TlsCert = Certificate(ExistingFile(parse.GetValue(certificate), "--tls-cert")),
                Keys = parse.GetValue(keys) is { } directory
                    ? Directory.Exists(directory) ? Path.GetFullPath(directory) : throw new CliException(CliErrorCodes.NoSuchFile, "--keys", $"no directory '{directory}'")
                    : null,
                OperatorKey = ExistingFile(parse.GetValue(operatorKey), "--operator-key"),
                Description = parse.GetValue(description),
            };
            var book = ContextFile.Load();
            if (book.Contexts.ContainsKey(contextName) && !parse.GetValue(force))
                throw new CliException(CliErrorCodes.ContextExists, contextName, $"a context '{contextName}' exists already (--force replaces it)");
            ContextFile.Save(book with { Contexts = book.Contexts.SetItem(contextName, context) });
            Console.WriteLine($"context {contextName} saved in {ContextFile.FilePath}{(book.Current is null ? $"; make it current with 'a42 context use {contextName}'" : "")}");
            return ExitCodes.Success;
        }));
        return add;
    }

    private static string? ExistingFile(string? path, string option) => path switch
    {
        null => null,
        _ when File.Exists(path) => Path.GetFullPath(path),
        _ => throw new CliException(CliErrorCodes.NoSuchFile, option, $"no file '{path}'"),
    };

    /// <summary>The certificate must load now, key included, as a command would load it.</summary>
    private static string? Certificate(string? path)
    {
        if (path is null)
            return null;
        try
        {
            using var loaded = TlsCertificates.Load(path, null, Environment.GetEnvironmentVariable(GatewayTlsOptions.PasswordVariable));
            return path;
        }
        catch (System.Security.Cryptography.CryptographicException ex)
        {
            throw new CliException(CliErrorCodes.BadOptionValue, "--tls-cert", $"cannot read '{path}': {ex.Message}");
        }
    }
}
