namespace Article42.Mesh.Grains.Tests;

/// <summary>Issue #21 item 4: a silo started on an unsigned registry (from before issue 21) answers with A42-REG-002, not an exception.</summary>
public sealed class UnsignedRegistryDocumentTests(MeshClusterFixture mesh) : IClassFixture<MeshClusterFixture>
{
    [Fact]
    public async Task A_silo_on_an_unsigned_registry_answers_REG_002_and_no_document()
    {
        var gateway = mesh.Gateway("HR");
        var token = await gateway.OpenAsync(consuming: false);

        var outcome = await gateway.Grain.RegistryDocumentAsync(token);

        Assert.Equal(ErrorCodes.RegistryUnsigned, outcome.Error?.Code);
        Assert.Null(outcome.Document);
    }
}
