using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;

namespace Article42.Mesh.Grains.Tests;

/// <summary>A mesh whose silo runs on an operator-signed registry document (issue #21), and the holder an update is applied to.</summary>
public sealed class SignedRegistryFixture : MeshClusterFixture
{
    public SignedRegistryFixture() => Holder = new RegistryHolder(Signed(TestKeys.Registry.Next(TestKeys.Registry.Participants, DateTimeOffset.UtcNow)));

    public ECDsa OperatorKey { get; } = ParticipantKeys.Generate();

    public RegistryHolder Holder { get; }

    /// <summary><paramref name="registry"/> as the silo holds it after verifying it: read from its signed document.</summary>
    public ParticipantRegistry Signed(ParticipantRegistry registry) =>
        ParticipantRegistry.FromDocument(RegistryDocuments.Sign(registry.ToDocument(), OperatorKey), "test registry");

    protected override void Services(IServiceCollection services)
    {
        base.Services(services);
        services.AddSingleton<IRegistryHolder>(Holder);
    }
}
