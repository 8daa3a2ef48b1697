using System.Collections.Immutable;
using Article42.Mesh.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Article42.Mesh.TestKit;

/// <summary>How a test wants its <see cref="InProcessMesh"/>; every property has the default most tests need.</summary>
public sealed record InProcessMeshOptions
{
    public short Silos { get; init; } = 1;

    /// <summary>Configuration the silos read (sections Delivery and Security), laid over <see cref="InProcessMesh.DefaultSettings"/>.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = ImmutableDictionary<string, string?>.Empty;

    /// <summary>
    /// The journal of each silo, by silo name. Unset: one fresh SQLite journal that every silo shares, which the mesh
    /// owns (<see cref="InProcessMesh.Journal"/>). Set: the test owns what it hands out, and disposes it after the mesh.
    /// </summary>
    public Func<string, IMessageJournal>? JournalFor { get; init; }

    /// <summary>Services put in each silo before the grains' defaults, so they win (a clock, a legality hook, a call filter).</summary>
    public Action<IServiceCollection>? Services { get; init; }

    /// <summary>Changes to the cluster's client (a call filter, a response timeout).</summary>
    public Action<IClientBuilder>? Client { get; init; }
}
