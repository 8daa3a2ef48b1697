namespace Article42.Mesh.IntegrationTests;

/// <summary>Every bad setting stops the silo at start with exit 2 and one line naming the key (no stack trace).</summary>
public sealed class BadSettingTests
{
    private const string Cluster = "@cluster";
    private const string Secret = "--Security:ClusterSecret=0123456789abcdef0123456789abcdef";
    private const string Token = "--Http:OperatorToken=fedcba9876543210fedcba9876543210";

    /// <summary>A cluster profile that is valid except for what a case changes (nothing is contacted: validation comes first).</summary>
    private static readonly string[] ClusterArgs = ["--profile", "cluster", "--advertise-ip", "127.0.0.1", "--redis", "127.0.0.1:1", "--postgres", "Host=127.0.0.1;Port=1", Secret, Token];

    [Theory]
    [InlineData("A42-CFG-001", "Profile", "--profile", "laptop")]
    [InlineData("A42-CFG-003", "Cluster:SiloPort", "--silo-port", "70000")]
    [InlineData("A42-CFG-003", "Http:Port", "--http-port", "eighty")]
    [InlineData("A42-CFG-004", "Cluster:AdvertiseIp", "--advertise-ip", "300.1.2.3")]
    [InlineData("A42-CFG-007", "Cluster:GatewayPort", "--silo-port", "31001", "--gateway-port", "31001")]
    [InlineData("A42-CFG-002", "Cluster:AdvertiseIp", "--profile", "cluster", "--redis", "127.0.0.1:1", "--postgres", "Host=127.0.0.1", Secret, Token)]
    [InlineData("A42-CFG-002", "Security:ClusterSecret", "--profile", "cluster", "--advertise-ip", "127.0.0.1", "--redis", "127.0.0.1:1", "--postgres", "Host=127.0.0.1", Token)]
    [InlineData("A42-CFG-002", "Journal:Postgres", "--profile", "cluster", "--advertise-ip", "127.0.0.1", "--redis", "127.0.0.1:1", Secret, Token)]
    [InlineData("A42-CFG-002", "POD_IP", "--profile", "kubernetes", "--redis", "127.0.0.1:1", "--postgres", "Host=127.0.0.1", Secret, Token)]
    [InlineData("A42-CFG-005", "Cluster:Redis", Cluster, "--redis", ",,,")]
    [InlineData("A42-CFG-005", "Journal:Postgres", Cluster, "--postgres", "Colour=blue")]
    [InlineData("A42-CFG-006", "Shutdown:Timeout", "--Shutdown:Timeout=soon")]
    [InlineData("A42-CFG-006", "Security:VerifySignatures", "--Security:VerifySignatures=Sometimes")]
    [InlineData("A42-CFG-006", "Delivery:MaxBatch", "env:A42__Delivery__MaxBatch=lots")]
    [InlineData("A42-CFG-006", "Membership:ProbeTimeot", "--Membership:ProbeTimeot=00:00:01")]
    [InlineData("A42-CFG-008", "Http:OperatorToken", "--profile", "cluster", "--advertise-ip", "127.0.0.1", "--redis", "127.0.0.1:1", "--postgres", "Host=127.0.0.1", Secret)]
    [InlineData("A42-CFG-010", "Http:OperatorToken", Cluster, "--Http:OperatorToken=short")]
    [InlineData("A42-CFG-010", "Security:ClusterSecret", Cluster, "--Security:ClusterSecret=short")]
    [InlineData("A42-CFG-011", "Journal:Schema", "--Journal:Schema=Mesh-Journal")]
    [InlineData("A42-CFG-013", "--sillo-port", "--sillo-port", "31002")]
    public async Task Bad_setting_is_named_in_one_line_and_exits_2(string code, string key, params string[] setting)
    {
        using var home = new TempHome();
        var (args, environment) = Expand(setting);
        await using var silo = SiloProcess.Start($"silo with {string.Join(' ', setting)}", "Article42.Mesh.Silo.dll", home.Path, args, environment);

        var exit = await silo.ExitedAsync(TimeSpan.FromSeconds(30));

        Assert.True(exit == 2, $"exit {exit}\n{silo.Describe()}");
        var line = Assert.Single(silo.Errors);
        Assert.StartsWith($"error {code} {key}: ", line);
        Assert.DoesNotContain("ready", silo.Output);
    }

    [Fact]
    public async Task Cluster_without_a_registry_in_its_keys_directory_is_refused_naming_Paths_Keys()
    {
        using var home = new TempHome();
        await using var silo = SiloProcess.Start("silo without registry", "Article42.Mesh.Silo.dll", home.Path, [.. ClusterArgs, "--keys", Path.Combine(home.Path, "empty")]);

        Assert.Equal(2, await silo.ExitedAsync(TimeSpan.FromSeconds(30)));
        Assert.StartsWith("error A42-CFG-009 Paths:Keys: no registry.json", Assert.Single(silo.Errors));
    }

    [Fact]
    public async Task Unreachable_Redis_is_a_runtime_failure_in_one_line_with_exit_1()
    {
        using var home = new TempHome();
        await using var silo = SiloProcess.Start("silo without Redis", "Article42.Mesh.Silo.dll", home.Path, [.. ClusterArgs, "--keys", Registry(home)]);

        Assert.Equal(1, await silo.ExitedAsync(TimeSpan.FromSeconds(60)));
        Assert.StartsWith("error A42-RUN-003 Cluster:Redis: cannot reach Redis", Assert.Single(silo.Errors));
    }

    [Fact]
    public async Task Unreachable_journal_is_a_runtime_failure_in_one_line_with_exit_1()
    {
        using var home = new TempHome();
        await using var redis = await RedisServer.StartAsync();
        await using var silo = SiloProcess.Start("silo without PostgreSQL", "Article42.Mesh.Silo.dll", home.Path, [.. ClusterArgs, "--keys", Registry(home), "--redis", redis.ConnectionString]);

        Assert.Equal(1, await silo.ExitedAsync(TimeSpan.FromSeconds(60)));
        Assert.StartsWith("error A42-RUN-001 Journal:Postgres: the journal cannot be opened", Assert.Single(silo.Errors));
    }

    [Fact]
    public async Task A_port_in_use_is_named_in_one_line_with_exit_1()
    {
        using var home = new TempHome();
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var silo = SiloProcess.Start("silo on a taken port", "Article42.Mesh.Silo.dll", home.Path, ["--http-port", port]);

        Assert.Equal(1, await silo.ExitedAsync(TimeSpan.FromSeconds(30)));
        Assert.StartsWith($"error A42-RUN-002 Http:Port: cannot listen on 127.0.0.1:{port}", Assert.Single(silo.Errors));
    }

    private static string Registry(TempHome home)
    {
        var keys = Path.Combine(home.Path, "keys");
        TrustStore.Create(keys, ParticipantRegistry.Default);
        return keys;
    }

    private static (List<string> Args, Dictionary<string, string> Environment) Expand(string[] setting)
    {
        var args = new List<string>();
        var environment = new Dictionary<string, string>();
        foreach (var item in setting)
        {
            if (item == Cluster)
                args.AddRange(ClusterArgs);
            else if (item.StartsWith("env:", StringComparison.Ordinal))
                environment[item[4..item.IndexOf('=', StringComparison.Ordinal)]] = item[(item.IndexOf('=', StringComparison.Ordinal) + 1)..];
            else
                args.Add(item);
        }

        return (args, environment);
    }
}
