using System.Globalization;
using System.Text.Json.Nodes;
using Article42.Mesh.Protocol;

namespace Article42.Mesh.Cli.Tests;

/// <summary>
/// A silo whose keys directory holds operator.pub starts only on a registry.json the operator signed (issue #21):
/// changed after signing, signed by another key or unsigned, it stops with the A42-REG code and exit 2; an
/// unversioned registry from before issue 21 still starts it, with a warning.
/// </summary>
public sealed class SiloRegistryStartTests
{
    [Fact]
    public async Task A_registry_changed_after_signing_signed_by_another_key_or_unsigned_stops_the_silo_with_its_code()
    {
        using var home = new TempDirectory("a42-start-");
        var keys = await InitAsync(home.Path);
        var registry = Path.Combine(keys, TrustStore.RegistryFileName);
        var signed = await File.ReadAllTextAsync(registry, TestContext.Current.CancellationToken);

        await File.WriteAllTextAsync(registry, signed.Replace("\"France\"", "\"Frankreich\"", StringComparison.Ordinal), TestContext.Current.CancellationToken);
        await RefusedAsync(home.Path, "A42-REG-003");

        using var impostor = ParticipantKeys.Generate();
        var store = TrustStore.Open(keys);
        await File.WriteAllTextAsync(registry, RegistryDocuments.ToJson(RegistryDocuments.Sign(store.Registry.ToDocument(), impostor)), TestContext.Current.CancellationToken);
        await RefusedAsync(home.Path, "A42-REG-003");

        var unsigned = JsonNode.Parse(signed)!.AsObject();
        unsigned.Remove("signature");
        await File.WriteAllTextAsync(registry, unsigned.ToJsonString(), TestContext.Current.CancellationToken);
        await RefusedAsync(home.Path, "A42-REG-002");
    }

    [Fact]
    public async Task An_unversioned_registry_from_before_issue_21_starts_the_silo_with_a_warning()
    {
        using var home = new TempDirectory("a42-start-");
        var keys = await InitAsync(home.Path);
        var legacy = new ParticipantRegistry(TrustStore.Open(keys).Registry.Participants);
        await File.WriteAllTextAsync(Path.Combine(keys, TrustStore.RegistryFileName), legacy.ToJson(), TestContext.Current.CancellationToken);

        await using var silo = A42Process.Start(home.Path, MeshUp(home.Path));
        await silo.ReadyAsync();
        Assert.Contains(silo.Output, line => line.Contains("an unversioned registry from before issue 21, not signed", StringComparison.Ordinal));
    }

    private static async Task<string> InitAsync(string home)
    {
        var init = await A42Process.RunAsync(home, "keys", "init");
        Assert.True(init.ExitCode == 0, init.ToString());
        return Path.Combine(home, "keys");
    }

    private static async Task RefusedAsync(string home, string code)
    {
        var run = await A42Process.RunAsync(home, MeshUp(home));
        Assert.True(run.ExitCode == 2 && run.Stderr.StartsWith($"error {code} ", StringComparison.Ordinal), run.ToString());
        Assert.DoesNotContain("ready", run.Stdout, StringComparison.Ordinal);
    }

    private static string[] MeshUp(string home)
    {
        var ports = FreePorts.Take(3);
        return ["mesh", "up", "--keys", Path.Combine(home, "keys"), "--data", Path.Combine(home, "data"),
            "--silo-port", Port(ports[0]), "--gateway-port", Port(ports[1]), "--http-port", Port(ports[2]),
            "--Dashboard:Enabled=false", "--Logging:LogLevel:Default=Warning"];
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
}
