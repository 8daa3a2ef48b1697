using System.Security.Cryptography;
using System.Text.Json;
using Article42.Mesh.Protocol;

namespace Article42.Mesh.Cli.Tests;

/// <summary>
/// <c>a42 keys rotate/revoke/ceiling</c> without a reachable mesh (issue #21): each signs the next registry version
/// with operator.pem and writes it to the trust store alone, saying so; a hostile or clumsy input is refused with its
/// code, exit 2, and nothing in the trust store changes.
/// </summary>
public sealed class KeysRegistryUpdateTests
{
    [Fact]
    public async Task Revoke_rotate_and_ceiling_without_a_mesh_write_the_next_signed_version_to_the_trust_store_and_say_it_is_not_published()
    {
        using var home = new TempDirectory("a42-keys-");
        var keys = await InitAsync(home.Path);
        var oldFrench = await File.ReadAllTextAsync(Path.Combine(keys, "FR.pem"), TestContext.Current.CancellationToken);
        var oldId = KeyIdOfPem(oldFrench);

        var rotate = await A42Async(home.Path, "keys", "rotate", "--participant", "FR", "--json");
        Assert.True(rotate.ExitCode == 0, rotate.ToString());
        var rotated = JsonDocument.Parse(rotate.Stdout).RootElement;
        Assert.Equal(("rotate", 2, false), (rotated.GetProperty("change").GetString(), rotated.GetProperty("version").GetInt32(), rotated.GetProperty("published").GetBoolean()));
        Assert.Contains("cannot reach a mesh", rotated.GetProperty("not_published").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("warning: not published", rotate.Stderr, StringComparison.Ordinal);
        var newFrench = await File.ReadAllTextAsync(Path.Combine(keys, "FR.pem"), TestContext.Current.CancellationToken);
        Assert.NotEqual(oldFrench, newFrench);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(keys, "FR.pem")));
        var backup = Path.Combine(keys, $"FR.{oldId}.pem");
        Assert.Equal(oldFrench, await File.ReadAllTextAsync(backup, TestContext.Current.CancellationToken));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(backup));
        var afterRotate = Verified(keys, 1).Find("FR")!;
        Assert.Equal((KeyIdOfPem(newFrench), rotated.GetProperty("key_id").GetString()), (KeyId.Of(afterRotate.PublicKey!), KeyIdOfPem(newFrench)));
        Assert.Equal((oldId, KeyState.VerifyOnly), (afterRotate.FormerKeys[0].Id, afterRotate.FormerKeys[0].State));

        var revoke = await A42Async(home.Path, "keys", "revoke", "FR", "--key", oldId);
        Assert.True(revoke.ExitCode == 0, revoke.ToString());
        Assert.Contains($"registry version 3: revoked FR's key {oldId}", revoke.Stdout, StringComparison.Ordinal);
        Assert.Contains("published: no", revoke.Stdout, StringComparison.Ordinal);
        var afterRevoke = Verified(keys, 2).Find("FR")!;
        Assert.Equal((KeyIdOfPem(newFrench), KeyState.Revoked), (KeyId.Of(afterRevoke.PublicKey!), afterRevoke.FormerKeys[0].State));

        var ceiling = await A42Async(home.Path, "keys", "ceiling", "DE", "RESTREINT_UE");
        Assert.True(ceiling.ExitCode == 0, ceiling.ToString());
        Assert.Equal(Classification.RestreintUe, Verified(keys, 3).Find("DE")!.AccreditationMax);

        var revokeAll = await A42Async(home.Path, "keys", "revoke", "FR", "--json");
        Assert.True(revokeAll.ExitCode == 0, revokeAll.ToString());
        Assert.Equal([KeyIdOfPem(newFrench)], JsonDocument.Parse(revokeAll.Stdout).RootElement.GetProperty("revoked").EnumerateArray().Select(e => e.GetString()!));
        var withoutKey = Verified(keys, 4).Find("FR")!;
        Assert.Null(withoutKey.PublicKey);
        Assert.All(withoutKey.FormerKeys, k => Assert.Equal(KeyState.Revoked, k.State));
    }

    [Fact]
    public async Task A_hostile_or_clumsy_change_is_refused_with_its_code_and_nothing_in_the_trust_store_changes()
    {
        using var home = new TempDirectory("a42-keys-");
        var keys = await InitAsync(home.Path);
        Assert.Equal(0, (await A42Async(home.Path, "keys", "revoke", "IT")).ExitCode);
        var before = Snapshot(keys);

        await RefusedAsync(home.Path, "A42-KEYS-004", "keys", "revoke", "XX");
        await RefusedAsync(home.Path, "A42-KEYS-004", "keys", "rotate", "--participant", "fr");
        await RefusedAsync(home.Path, "A42-KEYS-004", "keys", "ceiling", "GR", "SECRET_UE");
        await RefusedAsync(home.Path, "A42-KEYS-005", "keys", "revoke", "FR", "--key", "k-0000000000000000");
        await RefusedAsync(home.Path, "A42-KEYS-006", "keys", "revoke", "IT");
        await RefusedAsync(home.Path, "A42-KEYS-006", "keys", "ceiling", "DE", "SECRET_UE");
        await RefusedAsync(home.Path, "A42-CLI-002", "keys", "ceiling", "DE", "SECRET");
        await RefusedAsync(home.Path, "A42-CLI-002", "keys", "ceiling", "DE", "7");
        Assert.Equal(before, Snapshot(keys));

        File.Delete(Path.Combine(keys, "operator.pem"));
        var withoutOperator = Snapshot(keys);
        await RefusedAsync(home.Path, "A42-KEYS-002", "keys", "revoke", "FR");
        await RefusedAsync(home.Path, "A42-KEYS-002", "keys", "rotate", "--participant", "FR");
        Assert.Equal(withoutOperator, Snapshot(keys));
    }

    private static async Task<string> InitAsync(string home)
    {
        var init = await A42Process.RunAsync(home, "keys", "init");
        Assert.True(init.ExitCode == 0, init.ToString());
        return Path.Combine(home, "keys");
    }

    /// <summary>a42 with a gateway nothing listens on: no mesh is reachable.</summary>
    private static Task<CliResult> A42Async(string home, params string[] args) =>
        A42Process.RunAsync(home, [.. args, "--gateway", NotAMesh.NothingListening()]);

    private static async Task RefusedAsync(string home, string code, params string[] args)
    {
        var result = await A42Async(home, args);
        Assert.True(result.ExitCode == 2 && result.Stderr.StartsWith($"error {code} ", StringComparison.Ordinal), $"{string.Join(' ', args)}: {result}");
        Assert.Equal("", result.Stdout);
    }

    /// <summary>The trust store's registry, checked to be signed by its operator key and of version <paramref name="previous"/> + 1.</summary>
    private static ParticipantRegistry Verified(string keys, long previous)
    {
        using var operatorKey = ECDsa.Create();
        operatorKey.ImportFromPem(File.ReadAllText(Path.Combine(keys, "operator.pub")));
        var verdict = RegistryDocuments.Verify(File.ReadAllBytes(Path.Combine(keys, TrustStore.RegistryFileName)), operatorKey, previous);
        Assert.Null(verdict.Error);
        Assert.Equal(previous + 1, verdict.Registry!.Version);
        return verdict.Registry;
    }

    private static string KeyIdOfPem(string pem)
    {
        using var key = ECDsa.Create();
        key.ImportFromPem(pem);
        return KeyId.Of(ParticipantKeys.PublicKeyOf(key));
    }

    private static string Snapshot(string keys) =>
        string.Join('\n', Directory.GetFiles(keys).Order(StringComparer.Ordinal).Select(f => $"{Path.GetFileName(f)} {Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))}"));
}
