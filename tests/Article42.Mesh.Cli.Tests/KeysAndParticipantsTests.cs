using System.Text.Json;

namespace Article42.Mesh.Cli.Tests;

public sealed class KeysAndParticipantsTests
{

    [Fact]
    public async Task Keys_init_writes_a_registry_with_public_keys_and_owner_only_private_keys()
    {
        using var temp = new TempDirectory("a42-keys-");
        var home = temp.Path;
        var result = await A42Process.RunAsync(home, "keys", "init");
        Assert.True(result.ExitCode == 0, result.ToString());
        var keys = Path.Combine(home, "keys");
        using var registry = JsonDocument.Parse(File.ReadAllText(Path.Combine(keys, "registry.json")));
        var participants = registry.RootElement.GetProperty("participants").EnumerateArray().ToList();
        Assert.Equal(50, participants.Count);
        foreach (var participant in participants)
        {
            Assert.False(string.IsNullOrEmpty(participant.GetProperty("public_key").GetString()));
            var pem = Path.Combine(keys, participant.GetProperty("id").GetString() + ".pem");
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(pem));
        }
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(keys, "operator.pem")));
    }

    [Fact]
    public async Task Keys_init_refuses_to_overwrite_without_force_and_regenerates_with_it()
    {
        using var temp = new TempDirectory("a42-keys-");
        var home = temp.Path;
        var registryPath = Path.Combine(home, "keys", "registry.json");
        Assert.Equal(0, (await A42Process.RunAsync(home, "keys", "init")).ExitCode);
        var before = File.ReadAllText(registryPath);

        var refused = await A42Process.RunAsync(home, "keys", "init");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("A42-KEYS-001", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(registryPath));

        Assert.Equal(0, (await A42Process.RunAsync(home, "keys", "init", "--force")).ExitCode);
        Assert.NotEqual(before, File.ReadAllText(registryPath));
    }

    [Fact]
    public async Task Keys_init_takes_a_custom_directory_and_registry()
    {
        using var temp = new TempDirectory("a42-keys-");
        var home = temp.Path;
        var registry = Path.Combine(home, "small.json");
        File.WriteAllText(registry, """{"participants":[{"id":"FR","name":"France","kind":"member_state","nato":true,"accreditation_max":"SECRET_UE"},{"id":"DE","name":"Germany","kind":"member_state","nato":true,"accreditation_max":"SECRET_UE"}]}""");
        var dir = Path.Combine(home, "elsewhere");
        Assert.Equal(0, (await A42Process.RunAsync(home, "keys", "init", "--dir", dir, "--registry", registry)).ExitCode);
        Assert.True(File.Exists(Path.Combine(dir, "FR.pem")));
        Assert.False(File.Exists(Path.Combine(dir, "IT.pem")));

        var listed = await A42Process.RunAsync(home, "participants", "--json", "--keys", dir);
        using var document = JsonDocument.Parse(listed.Stdout);
        Assert.Equal(2, document.RootElement.GetProperty("participants").GetArrayLength());
    }

    [Fact]
    public async Task Keys_init_with_a_faulty_registry_exits_2_naming_the_field()
    {
        using var temp = new TempDirectory("a42-keys-");
        var home = temp.Path;
        var registry = Path.Combine(home, "bad.json");
        File.WriteAllText(registry, """{"participants":[{"id":"gr","name":"Greece","kind":"member_state","nato":true,"accreditation_max":"SECRET_UE"}]}""");
        var result = await A42Process.RunAsync(home, "keys", "init", "--registry", registry);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("$.participants[0].id: 'gr' is not a participant id", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Participants_json_prints_the_registry_objects_and_the_table_lists_every_id()
    {
        using var temp = new TempDirectory("a42-keys-");
        var home = temp.Path;
        var json = await A42Process.RunAsync(home, "participants", "--json");
        Assert.Equal(0, json.ExitCode);
        using var document = JsonDocument.Parse(json.Stdout);
        var greece = document.RootElement.GetProperty("participants").EnumerateArray().Single(p => p.GetProperty("id").GetString() == "EL");
        Assert.Equal("GR", greece.GetProperty("iso_code").GetString());
        Assert.Equal("member_state", greece.GetProperty("kind").GetString());
        Assert.Equal("SECRET_UE", greece.GetProperty("accreditation_max").GetString());

        var table = await A42Process.RunAsync(home, "participants");
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("CERT-EU", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("EXCON", table.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Participants_json_after_keys_init_carries_the_same_public_keys_as_the_registry_file()
    {
        using var temp = new TempDirectory("a42-keys-");
        var home = temp.Path;
        Assert.Equal(0, (await A42Process.RunAsync(home, "keys", "init")).ExitCode);
        var listed = await A42Process.RunAsync(home, "participants", "--json");
        using var fromCommand = JsonDocument.Parse(listed.Stdout);
        using var fromFile = JsonDocument.Parse(File.ReadAllText(Path.Combine(home, "keys", "registry.json")));
        // The listing is the registry as applied; the file is the operator-signed document, the same plus its signature.
        foreach (var field in new[] { "version", "issued_at", "participants" })
            Assert.True(JsonElement.DeepEquals(fromFile.RootElement.GetProperty(field), fromCommand.RootElement.GetProperty(field)), field);
        Assert.True(fromFile.RootElement.TryGetProperty("signature", out _));
        Assert.Equal(3, fromCommand.RootElement.EnumerateObject().Count());
    }
}
