using Article42.Mesh.Gateway;
using Article42.Mesh.Protocol;

namespace Article42.Mesh.Cli.Commands;

/// <summary>
/// How <c>a42 trace</c>, <c>a42 status</c> and the <c>a42 keys</c> commands that publish reach the mesh as the operator:
/// <c>--gateway</c> (the same endpoint list as a gateway) and <c>--operator-key</c>, whose default
/// <c>defaultKey</c> names for the help (the <c>keys</c> commands take the trust store's own).
/// </summary>
public sealed class OperatorConnection(string defaultKey = "$A42_HOME/keys/operator.pem")
{
    private readonly GatewayOptions _gateway = new();

    public Option<string?> OperatorKey { get; } = new("--operator-key") { Description = $"The operator's private key (default: {defaultKey}).", HelpName = "FILE" };

    public Option<int> Timeout { get; } = WholeNumberOption.Seconds("--timeout", "Seconds to wait for the mesh (default: 30).", 30);

    public IEnumerable<Option> All => [.. _gateway.All, OperatorKey, Timeout];

    /// <summary>
    /// Runs <paramref name="request"/> over an operator connection, bounded by <c>--timeout</c>, signed with
    /// <c>--operator-key</c>, else <paramref name="defaultKey"/>, else <c>$A42_HOME/keys/operator.pem</c>.
    /// </summary>
    public async Task<T> RunAsync<T>(ParseResult parse, Func<MeshOperator, CancellationToken, Task<T>> request, CancellationToken cancellation, string? defaultKey = null)
    {
        var seconds = parse.GetValue(Timeout);
        var keyPath = parse.GetValue(OperatorKey) ?? defaultKey ?? Path.Combine(A42Home.KeysDirectory, $"{TrustStore.OperatorKeyName}.pem");
        if (!File.Exists(keyPath))
            throw new CliException(CliErrorCodes.NoPrivateKey, "--operator-key", $"no operator key at '{keyPath}' (a42 keys init makes one)");
        using var key = ParticipantKeys.LoadPrivateKey(keyPath);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(TimeSpan.FromSeconds(seconds));
        var late = $"the mesh did not answer within {seconds} s (--timeout)";
        var options = new MeshOperatorOptions
        {
            OperatorKey = key,
            Connection = _gateway.Connection(parse, _gateway.Tls.Resolve(parse, TrustStore.OperatorKeyName, keys: null)),
            OnUnreachable = Reachability.GiveUp,
            // A mesh that cannot serve the request now (A42-SRV-001) is asked again until --timeout, not beyond it.
            RequestDeadline = TimeSpan.FromSeconds(seconds),
        };
        await using var mesh = await Deadline.Within(() => MeshOperator.ConnectAsync(options, deadline.Token), deadline.Token, cancellation, late);
        return await Deadline.Within(() => request(mesh, deadline.Token), deadline.Token, cancellation, late);
    }
}
