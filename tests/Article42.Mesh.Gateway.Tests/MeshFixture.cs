namespace Article42.Mesh.Gateway.Tests;

/// <summary>One single-silo mesh shared by the tests of <see cref="MeshCollection"/>; each test uses its own participants.</summary>
public sealed class MeshFixture : IAsyncLifetime
{
    public MeshCluster Mesh { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Mesh = await MeshCluster.StartAsync();

    public async ValueTask DisposeAsync() => await Mesh.DisposeAsync();
}

[CollectionDefinition(nameof(MeshCollection))]
public sealed class MeshCollection : ICollectionFixture<MeshFixture>;
