namespace Article42.Mesh.Gateway.Tests;

/// <summary>Issue #21 item 4: the registry a gateway holds only moves forward, and only to documents signed by its operator key.</summary>
public sealed class HeldRegistryTests
{
    [Fact]
    public void An_older_document_is_refused_with_REG_004_the_same_one_again_is_no_refusal_and_the_newer_is_kept()
    {
        using var operatorKey = ParticipantKeys.Generate();
        var first = KeyedRegistry.Registry.Next(KeyedRegistry.Registry.Participants, DateTimeOffset.UtcNow);
        var second = first.Next(first.Participants, DateTimeOffset.UtcNow);
        byte[] Signed(ParticipantRegistry registry) => RegistryDocuments.Encode(RegistryDocuments.Sign(registry.ToDocument(), operatorKey));
        using var held = new HeldRegistry(operatorKey);

        var newest = Signed(second);
        Assert.Null(held.Apply(newest));
        Assert.Null(held.Apply([.. newest]));
        var refused = held.Apply(Signed(first));

        Assert.Equal(ErrorCodes.RegistryNotNewer, refused?.Code);
        Assert.Equal(second.Version, held.Current?.Version);
    }
}
