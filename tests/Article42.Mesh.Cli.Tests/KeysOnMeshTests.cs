using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Article42.Mesh.Gateway;
using Article42.Mesh.Protocol;

namespace Article42.Mesh.Cli.Tests;

/// <summary>
/// <c>a42 keys</c> against a running mesh (<c>a42 mesh up</c>, its own process; issue #21): the update is published
/// through the operator-signed admin method and the silo applies it without a restart.
/// </summary>
public sealed class KeysOnMeshTests : IAsyncLifetime
{
    private static readonly TimeSpan RevocationWithin = TimeSpan.FromSeconds(5);
    private readonly TempDirectory _home = new("a42-keys-mesh-");
    private TestProcess? _mesh;
    private string _gateway = "";

    private string Keys => Path.Combine(_home.Path, "keys");

    [Fact]
    public async Task After_a42_keys_revoke_FR_a_send_signed_with_FRs_old_key_is_refused_with_SEC_005_within_5_seconds()
    {
        using var frenchKey = TrustStore.Open(Keys).LoadPrivateKey("FR");
        await using var french = await MeshGateway.ConnectAsync(new MeshGatewayOptions
        {
            Participant = "FR",
            PrivateKey = frenchKey,
            Connection = new MeshConnection { Endpoints = [IPEndPoint.Parse(_gateway)] },
        }, TestContext.Current.CancellationToken);
        await french.SendAsync(Sitrep(), TestContext.Current.CancellationToken);

        var revoke = await A42Async("keys", "revoke", "FR", "--json");
        var revoked = Stopwatch.StartNew();
        Assert.True(revoke.ExitCode == 0, revoke.ToString());
        var report = JsonDocument.Parse(revoke.Stdout).RootElement;
        Assert.Equal((true, 2), (report.GetProperty("published").GetBoolean(), report.GetProperty("version").GetInt32()));
        Assert.Equal("", revoke.Stderr);

        MeshError? refusal = null;
        await TestKit.Deadline.UntilAsync(async () =>
        {
            try
            {
                await french.SendAsync(Sitrep(), TestContext.Current.CancellationToken);
                return false;
            }
            catch (MeshRefusedException refused)
            {
                refusal = refused.Errors[0];
                return true;
            }
        }, RevocationWithin, "a send signed with FR's revoked key refused");
        TestContext.Current.TestOutputHelper?.WriteLine($"refused {revoked.Elapsed.TotalMilliseconds:0} ms after a42 keys revoke returned");
        Assert.Equal(ErrorCodes.KeyRevoked, refusal!.Code);

        var send = await A42Async("send", "--as", "FR", "--to", "DE");
        Assert.True(send.ExitCode == 2 && send.Stderr.Contains("error A42-SEC-005", StringComparison.Ordinal), send.ToString());
    }

    [Fact]
    public async Task After_a42_keys_rotate_DE_sends_with_its_new_key_not_its_replaced_one_and_the_mesh_holds_the_version_the_trust_store_holds()
    {
        // A copy of the trust store from before the rotation, as a gateway host not yet handed the new DE.pem holds it.
        var stale = Directory.CreateDirectory(Path.Combine(_home.Path, "stale-keys")).FullName;
        foreach (var file in Directory.GetFiles(Keys))
            File.Copy(file, Path.Combine(stale, Path.GetFileName(file)));
        var rotate = await A42Async("keys", "rotate", "--participant", "DE", "--json");
        Assert.True(rotate.ExitCode == 0, rotate.ToString());
        var report = JsonDocument.Parse(rotate.Stdout).RootElement;
        Assert.True(report.GetProperty("published").GetBoolean(), rotate.Stdout);
        // a42 never reloads a key: a send under the replaced one is refused, naming it, instead of waiting for a reload
        // (a wait of the SDK's default 30 s would outlast this 20 s deadline and end as "no receipt", exit 1).
        var staleSend = await A42Async("send", "--as", "DE", "--to", "FR", "--keys", stale, "--timeout", "20");
        Assert.True(staleSend.ExitCode == 2 && staleSend.Stderr.Contains($"error A42-SIG-006 $.signature: signed with key {report.GetProperty("verify_only").GetString()} of 'DE', which a rotation replaced", StringComparison.Ordinal), staleSend.ToString());

        var send = await A42Async("send", "--as", "DE", "--to", "FR");
        Assert.True(send.ExitCode == 0, send.ToString());
        // Accepted under the new key, not the old one it keeps verify-only: the journal records the key that verified it.
        var (newKey, oldKey) = (report.GetProperty("key_id").GetString(), report.GetProperty("verify_only").GetString());
        Assert.NotEqual(newKey, oldKey);
        var sent = JsonDocument.Parse(send.Stdout.Split('\n')[0]).RootElement.GetProperty("msg_id").GetString()!;
        var trace = await A42Async("trace", sent, "--json");
        Assert.True(trace.ExitCode == 0, trace.ToString());
        var traced = JsonDocument.Parse(trace.Stdout).RootElement;
        Assert.Equal((newKey, false), (traced.GetProperty("key_id").GetString(), traced.GetProperty("key_revoked").GetBoolean()));
        // The next change reads the mesh's registry: its version follows the rotation's.
        var ceiling = await A42Async("keys", "ceiling", "DE", "CONFIDENTIEL_UE", "--json");
        Assert.True(ceiling.ExitCode == 0, ceiling.ToString());
        Assert.Equal(report.GetProperty("version").GetInt32() + 1, JsonDocument.Parse(ceiling.Stdout).RootElement.GetProperty("version").GetInt32());
    }

    public async ValueTask InitializeAsync()
    {
        var init = await A42Process.RunAsync(_home.Path, "keys", "init");
        Assert.True(init.ExitCode == 0, init.ToString());
        var ports = FreePorts.Take(3);
        _gateway = $"127.0.0.1:{ports[1]}";
        _mesh = A42Process.Start(_home.Path, "mesh", "up", "--keys", Keys, "--data", Path.Combine(_home.Path, "data"),
            "--silo-port", Port(ports[0]), "--gateway-port", Port(ports[1]), "--http-port", Port(ports[2]),
            "--Dashboard:Enabled=false", "--Logging:LogLevel:Default=Warning");
        await _mesh.ReadyAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_mesh is not null)
            await _mesh.DisposeAsync();
        _home.Dispose();
    }

    private Task<CliResult> A42Async(params string[] args) => A42Process.RunAsync(_home.Path, [.. args, "--gateway", _gateway]);

    private static Envelope Sitrep() => EnvelopeSkeleton.Build(new SkeletonRequest(MessageKind.Sitrep, "FR", ["DE"], []), DateTimeOffset.UtcNow);

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
}
