using System.Security.Cryptography;
using Article42.Mesh.Cli.Contexts;
using Article42.Mesh.Gateway;
using Article42.Mesh.Protocol;

namespace Article42.Mesh.Cli;

/// <summary>Runs a parsed command and turns every outcome into the documented exit codes and one-line errors.</summary>
public static class CommandRunner
{
    public static int Invoke(RootCommand root, string[] args)
    {
        // No response files: "@FILE" is a value of its own (a42 send --body @FILE).
        var parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        var errors = UsageErrors.Of(parsed);
        if (!errors.IsEmpty)
        {
            foreach (var error in errors)
                Console.Error.WriteLine(error);
            Console.Error.WriteLine($"Run '{CommandPath.Of(parsed.CommandResult)} --help' for usage and examples.");
            return ExitCodes.Invalid;
        }
        if (parsed.Action is not HelpPage && Run(() => { ContextDefaults.Check(parsed); return ExitCodes.Success; }) is not ExitCodes.Success and var refused)
            return refused;
        // The silo in `mesh up` and `exercise run` handles SIGTERM itself (graceful shutdown, exit 0).
        return parsed.Invoke(new InvocationConfiguration { ProcessTerminationTimeout = null });
    }

    /// <summary>Runs a command body; refusals exit 2, runtime failures exit 1, never with a stack trace.</summary>
    public static int Run(Func<int> body) => RunAsync(() => Task.FromResult(body())).GetAwaiter().GetResult();

    /// <summary>Runs an asynchronous command body with the same exit-code rules.</summary>
    public static async Task<int> RunAsync(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (CliException ex)
        {
            foreach (var error in ex.Errors)
                Console.Error.WriteLine(error);
            return ExitCodes.Invalid;
        }
        catch (MeshUnreachableException ex)
        {
            Console.Error.WriteLine(Commands.Reachability.Error(ex));
            return ExitCodes.Unreachable;
        }
        catch (MeshTlsException ex)
        {
            Console.Error.WriteLine(ex.Error);
            return ExitCodes.Invalid;
        }
        catch (MeshRefusedException ex)
        {
            foreach (var error in ex.Errors)
                Console.Error.WriteLine(error);
            return ExitCodes.Invalid;
        }
        catch (RegistryException ex)
        {
            Console.Error.WriteLine($"error {CliErrorCodes.BadRegistry} {ex.Message}");
            return ExitCodes.Invalid;
        }
        catch (CryptographicException ex)
        {
            Console.Error.WriteLine($"error {CliErrorCodes.NoPrivateKey} {ex.Message}");
            return ExitCodes.Invalid;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or TimeoutException)
        {
            Console.Error.WriteLine($"failed: {ex.Message}");
            return ExitCodes.Failure;
        }
    }
}
