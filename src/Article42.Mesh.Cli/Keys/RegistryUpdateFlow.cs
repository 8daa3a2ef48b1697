using System.Security.Cryptography;
using Article42.Mesh.Cli.Commands;
using Article42.Mesh.Gateway;
using Article42.Mesh.Protocol;

namespace Article42.Mesh.Cli.Keys;

/// <summary>
/// What <c>a42 keys rotate/revoke/ceiling</c> share (docs/operations/security.md, "Key lifecycle"): read the newest
/// registry (the mesh's when it is reachable and not older than the trust store's, else the trust store's), prepare
/// the change against it (refusals come from there, before anything is written), sign the next version with the
/// operator key, publish it, then write it to the trust store. Without a reachable mesh the trust store alone is
/// updated, and the command says so.
/// </summary>
public sealed class RegistryUpdateFlow
{
    private readonly Option<string?> _keys = CommonOptions.Keys();
    private readonly Option<bool> _json = CommonOptions.Json();
    private readonly OperatorConnection _connection = new("KEYS/operator.pem");

    /// <summary>The options every registry change takes: the trust store, <c>--json</c> and the operator's connection.</summary>
    public IEnumerable<Option> All => [_keys, _json, .. _connection.All];

    /// <summary>Runs the change <paramref name="prepare"/> makes of the newest registry.</summary>
    public Task<int> RunAsync(ParseResult parse, Func<ParticipantRegistry, TrustStore, RegistryChange> prepare, CancellationToken cancellation) =>
        CommandRunner.RunAsync(async () =>
        {
            var store = TrustStoreLocator.Store(parse.GetValue(_keys));
            var keyPath = parse.GetValue(_connection.OperatorKey) ?? store.PrivateKeyPath(TrustStore.OperatorKeyName);
            if (!File.Exists(keyPath))
                throw new CliException(CliErrorCodes.NoPrivateKey, keyPath, "no operator key here: only the operator key (operator.pem, or --operator-key FILE) signs registry updates");
            using var operatorKey = ParticipantKeys.LoadPrivateKey(keyPath);
            var reached = false;
            RegistryUpdateReport report;
            try
            {
                report = await _connection.RunAsync(parse, (mesh, token) =>
                {
                    reached = true;
                    return PublishAsync(mesh, store, operatorKey, prepare, token);
                }, cancellation, keyPath);
            }
            catch (MeshUnreachableException unreachable) when (!reached)
            {
                var change = prepare(store.Registry, store);
                using var files = change.Files;
                var signed = RegistryDocuments.Sign(change.Next.ToDocument(), operatorKey);
                files?.Write();
                store.WriteRegistry(signed);
                report = new RegistryUpdateReport(change, store.RegistryPath, NotPublished: Reachability.Error(unreachable).Message);
            }
            report.Print(parse.GetValue(_json));
            return ExitCodes.Success;
        });

    private static async Task<RegistryUpdateReport> PublishAsync(MeshOperator mesh, TrustStore store, ECDsa operatorKey, Func<ParticipantRegistry, TrustStore, RegistryChange> prepare, CancellationToken token)
    {
        var held = ParticipantRegistry.Parse(await mesh.RegistryAsync(token), "the mesh's registry");
        // An update made while the mesh was out of reach is newer than the mesh's: the next version carries it too.
        var change = prepare(held.Version >= store.Registry.Version ? held : store.Registry, store);
        using var files = change.Files;
        var signed = RegistryDocuments.Sign(change.Next.ToDocument(), operatorKey);
        files?.Write();
        try
        {
            await mesh.PublishRegistryAsync(RegistryDocuments.Encode(signed), token);
        }
        catch (MeshRefusedException)
        {
            // Refused: the mesh holds nothing of it, so neither does the trust store.
            files?.Undo();
            throw;
        }
        catch
        {
            // No answer: the mesh may hold it. Keep the new key and record the version, so the store matches what may be published.
            store.WriteRegistry(signed);
            throw;
        }
        store.WriteRegistry(signed);
        return new RegistryUpdateReport(change, store.RegistryPath, NotPublished: null);
    }
}
