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

    public static Task<InProcessTestCluster> StartAsync(IMessageJournal journal, IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null) =>
        StartAsync(_ => journal, settings, silos: 1, services: services);

    /// <summary>A cluster of <paramref name="silos"/> silos, each with the journal <paramref name="journalFor"/> gives for its name.</summary>
    public static async Task<InProcessTestCluster> StartAsync(
        Func<string, IMessageJournal> journalFor, IReadOnlyDictionary<string, string?> settings, short silos,
        Action<IClientBuilder>? client = null, Action<IServiceCollection>? services = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var builder = new InProcessTestClusterBuilder(silos);
        builder.ConfigureSilo((options, silo) =>
        {
            silo.Services.AddSingleton(TestKeys.Registry);
            silo.Services.AddSingleton(journalFor(options.SiloName));
            services?.Invoke(silo.Services);
            silo.AddMeshGrains(configuration);
        });
        if (client is not null)
            builder.ConfigureClient(client);
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
