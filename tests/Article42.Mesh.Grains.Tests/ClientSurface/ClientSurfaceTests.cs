namespace Article42.Mesh.Grains.Tests;

/// <summary>
/// A plain client (no cluster secret) may reach the client surface and nothing else (issue 16): every method of every
/// grain, extension and system-target interface is called, and each one outside the list is refused with A42-SEC-003,
/// nothing stored, the mesh still serving.
/// </summary>
public sealed class ClientSurfaceTests(CountingJournalFixture mesh) : IClassFixture<CountingJournalFixture>
{
    [Fact]
    public async Task Every_method_outside_the_client_surface_is_refused_with_SEC_003_and_the_allowed_ones_are_exactly_the_list()
    {
        var silo = mesh.Cluster.Silos[0].ServiceProvider;
        var before = Work();
        var passed = new List<string>();
        var refused = new List<string>();
        foreach (var type in RemoteInterfaces.All())
        {
            if (RemoteInterfaces.Reference(mesh.Grains, type, silo, ClientSurface.AdminKey, "NO-SUCH-PARTICIPANT") is not { } reference)
                continue;
            foreach (var method in type.GetMethods().Where(RemoteCall.Observable))
            {
                var (refusal, failure) = await RemoteCall.CallAsync(reference, method);
                if (refusal is not null)
                {
                    Assert.Equal((ErrorCodes.OutsideClientSurface, $"{type.Name}.{method.Name}"), (refusal.Code, refusal.Path));
                    refused.Add($"{type.Name}.{method.Name}");
                }
                else if (failure is not null && NotActivatable.Contains(type.FullName!))
                {
                    TestContext.Current.TestOutputHelper?.WriteLine($"{type.Name}.{method.Name}: no activation ({failure.GetType().Name})");
                }
                else
                {
                    passed.Add(ClientSurface.NameOf(method));
                }
            }
        }

        Assert.Equal(ClientSurface.Entries.Select(e => e.Name).Order(StringComparer.Ordinal), passed.Order(StringComparer.Ordinal));
        // What issue 16 found a plain client could do is among the refusals (the discovery reached Orleans' interfaces).
        Assert.Subset(refused.ToHashSet(), new HashSet<string> { "IManagementGrain.ForceActivationCollection", "IManagementGrain.GetDetailedGrainStatistics",
            "IManagementGrain.GetDetailedHosts", "IGrainManagementExtension.DeactivateOnIdle", "ISiloControl.ForceActivationCollection",
            "IParticipantGrain.DeliverAsync", "IActivationGrain.SummaryAsync", "IExerciseGrain.StartexAsync" });
        // The operator calls are audited (a refused proof is written to admin/audit by design); nothing else is written.
        Assert.Equal(0, Work().Since(before).Writes);
        await mesh.AssertFranceReachesGermanyAsync();
    }

    [Fact]
    public void Every_gateway_method_and_every_operator_method_is_on_the_list_and_no_silo_only_method_is()
    {
        var gateway = typeof(IParticipantGrain).GetMethods().Where(m => m.GetCustomAttributes(typeof(SiloOnlyAttribute), false).Length == 0);
        var expected = gateway.Concat(typeof(IAdminGrain).GetMethods()).Select(ClientSurface.NameOf);
        var mesh = ClientSurface.Entries.Where(e => !e.Interface.StartsWith("Orleans.", StringComparison.Ordinal)).Select(e => e.Name);
        Assert.Equal(expected.Order(StringComparer.Ordinal), mesh.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_table_in_the_security_docs_is_the_list()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Article42.Mesh.sln")))
            root = root.Parent ?? throw new InvalidOperationException("no Article42.Mesh.sln above the test assembly");
        var page = File.ReadAllText(Path.Combine(root.FullName, "docs", "operations", "security.md"));
        var start = page.IndexOf("<!-- client-surface:start -->", StringComparison.Ordinal);
        var end = page.IndexOf("<!-- client-surface:end -->", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "the client-surface markers in docs/operations/security.md");
        var documented = page[start..end].Split('\n')
            .Where(line => line.StartsWith("| `", StringComparison.Ordinal))
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries))
            .Select(cells => (Method: cells[1].Split('`')[1], Key: cells[1].Contains("(key 0 only)", StringComparison.Ordinal), Why: cells[2]));
        var listed = ClientSurface.Entries.Select(e => (Method: $"{e.Interface.Split('.')[^1]}.{e.Method}", Key: e.OnlyKey == ClientSurface.AdminKey, e.Why));
        Assert.Equal(listed, documented);
    }

    /// <summary>Orleans grains a mesh silo cannot activate (no storage provider, rebalancing off): their calls fail before any filter.</summary>
    private static readonly HashSet<string> NotActivatable =
        ["Orleans.Runtime.Versions.IVersionStoreGrain", "Orleans.Placement.Rebalancing.IActivationRebalancerWorker"];

    private JournalWork Work() => mesh.Counting.Work(exclude: (_, stream) => stream == AdminGrain.AuditStream);
}
