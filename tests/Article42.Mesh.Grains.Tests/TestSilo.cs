using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Article42.Mesh.Grains.Tests;

/// <summary>Starts an in-process cluster whose silos use the given journal, the test registry and settings.</summary>
public static class TestSilo
{
    public static Dictionary<string, string?> DefaultSettings() => new()
    {
        ["Security:ClusterSecret"] = "test-cluster-secret",
        ["Security:VerifySignatures"] = "Always",
    };

    public static async Task<InProcessTestCluster> StartAsync(IMessageJournal journal, IReadOnlyDictionary<string, string?> settings, short silos = 1)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var builder = new InProcessTestClusterBuilder(silos);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton(TestKeys.Registry);
            silo.Services.AddSingleton(journal);
            silo.AddMeshGrains(configuration);
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
