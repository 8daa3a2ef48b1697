using System.Text;
using Microsoft.Extensions.DependencyInjection;

namespace Article42.Mesh.Grains.Tests;

/// <summary>
/// Publishing a registry document through the admin grain (issue #21): appended to <c>admin/registry</c> and applied
/// only when it is what every silo applies, its proof covering the document; every refusal by its code, nothing appended.
/// </summary>
public sealed class RegistryPublishTests(AdminFixture mesh) : IClassFixture<AdminFixture>
{
    [Fact]
    public async Task A_newer_document_signed_by_the_operator_is_appended_once_applied_and_read_back()
    {
        var next = await NextAsync(r => r.Participants.Select(p => p.Id == "MT" ? p with { AccreditationMax = Classification.RestreintUe } : p));
        var before = await StreamVersionAsync();

        var published = await PublishAsync(next);
        // A retry of the same document (its first answer lost) is answered as published and appends nothing.
        var repeated = await PublishAsync(next);

        Assert.Null(published.Error);
        Assert.Equal(next, published.Document);
        Assert.Null(repeated.Error);
        Assert.Equal(before + 1, await StreamVersionAsync());
        var holder = mesh.Cluster.Silos[0].ServiceProvider.GetRequiredService<IRegistryHolder>();
        Assert.Equal(Classification.RestreintUe, holder.Current.Find("MT")!.AccreditationMax);
        Assert.Equal(next, (await mesh.Admin.RegistryAsync(mesh.Proof(OperatorProofs.ReadRegistry))).Document);
    }

    [Fact]
    public async Task A_document_unsigned_signed_by_another_key_not_newer_or_malformed_is_refused_with_its_code_and_nothing_is_appended()
    {
        using var impostor = ParticipantKeys.Generate();
        // A published version first: the mesh's start-up registry may be version 0, and a document of version 0 is
        // malformed, not "not newer" (so the result depended on whether another test of the class published before).
        Assert.Null((await PublishAsync(await NextAsync(registry => registry.Participants))).Error);
        var current = ParticipantRegistry.Parse(await CurrentAsync(), "mesh");
        var next = current.Next(current.Participants, DateTimeOffset.UtcNow);
        var before = await StreamVersionAsync();

        Assert.Equal(ErrorCodes.RegistryUnsigned, await RefusedAsync(RegistryDocuments.Encode(next.ToDocument())));
        Assert.Equal(ErrorCodes.RegistrySignatureInvalid, await RefusedAsync(RegistryDocuments.Encode(RegistryDocuments.Sign(next.ToDocument(), impostor))));
        var tampered = RegistryDocuments.Sign(next.ToDocument(), mesh.OperatorKey) with { Version = next.Version + 1 };
        Assert.Equal(ErrorCodes.RegistrySignatureInvalid, await RefusedAsync(RegistryDocuments.Encode(tampered)));
        Assert.Equal(ErrorCodes.RegistryNotNewer, await RefusedAsync(Signed(current.Participants, current.Version)));
        Assert.Equal(ErrorCodes.RegistryMalformed, await RefusedAsync(Encoding.UTF8.GetBytes("{\"version\":9,\"participants\":[],\"colour\":1}")));
        Assert.Equal(ErrorCodes.RegistryMalformed, await RefusedAsync([0xff, 0x00, 0x7b]));

        Assert.Equal(before, await StreamVersionAsync());
    }

    [Fact]
    public async Task A_proof_for_another_document_operation_or_key_or_a_replayed_one_is_refused_and_nothing_is_appended()
    {
        using var impostor = ParticipantKeys.Generate();
        var current = ParticipantRegistry.Parse(await CurrentAsync(), "mesh");
        var signed = Signed(current.Participants, current.Version + 1);
        var other = Signed(current.Participants, current.Version + 2);
        var before = await StreamVersionAsync();

        // A captured proof (it covers the digest of the document it was made for) publishes no other document.
        var captured = mesh.Proof(OperatorProofs.PublishRegistry, OperatorProofs.DocumentDigest(signed));
        Assert.Equal((ErrorCodes.OperatorProofInvalid, "$.argument"), Error(await mesh.Admin.PublishRegistryAsync(captured, other)));
        var forStatus = mesh.Proof(OperatorProofs.Status, OperatorProofs.DocumentDigest(signed));
        Assert.Equal(ErrorCodes.OperatorProofInvalid, Error(await mesh.Admin.PublishRegistryAsync(forStatus, signed)).Code);
        var byImpostor = mesh.Proof(OperatorProofs.PublishRegistry, OperatorProofs.DocumentDigest(signed), key: impostor);
        Assert.Equal(ErrorCodes.OperatorProofInvalid, Error(await mesh.Admin.PublishRegistryAsync(byImpostor, signed)).Code);
        Assert.Equal(ErrorCodes.OperatorProofInvalid, Error(await mesh.Admin.PublishRegistryAsync(null!, signed)).Code);
        Assert.Equal(before, await StreamVersionAsync());

        var proof = mesh.Proof(OperatorProofs.PublishRegistry, OperatorProofs.DocumentDigest(signed));
        Assert.Null((await mesh.Admin.PublishRegistryAsync(proof, signed)).Error);
        Assert.Equal((ErrorCodes.OperatorProofStale, "$.nonce"), Error(await mesh.Admin.PublishRegistryAsync(proof, signed)));
        Assert.Equal(before + 1, await StreamVersionAsync());
    }

    private async Task<byte[]> CurrentAsync() => (await mesh.Admin.RegistryAsync(mesh.Proof(OperatorProofs.ReadRegistry))).Document!;

    private async Task<byte[]> NextAsync(Func<ParticipantRegistry, IEnumerable<Participant>> change)
    {
        var current = ParticipantRegistry.Parse(await CurrentAsync(), "mesh");
        return Signed(change(current), current.Version + 1);
    }

    private byte[] Signed(IEnumerable<Participant> participants, long version) =>
        RegistryDocuments.Encode(RegistryDocuments.Sign(new ParticipantRegistry(participants, "test", version, UtcMillisecondsConverter.Normalize(DateTimeOffset.UtcNow)).ToDocument(), mesh.OperatorKey));

    private Task<RegistryOutcome> PublishAsync(byte[] document) =>
        mesh.Admin.PublishRegistryAsync(mesh.Proof(OperatorProofs.PublishRegistry, OperatorProofs.DocumentDigest(document)), document).AsTask();

    private async Task<string> RefusedAsync(byte[] document) => Error(await PublishAsync(document)).Code;

    private static (string Code, string Path) Error(RegistryOutcome outcome)
    {
        Assert.Null(outcome.Document);
        var error = Assert.IsType<MeshError>(outcome.Error);
        return (error.Code, error.Path);
    }

    private ValueTask<long> StreamVersionAsync() => mesh.Journal.GetVersionAsync(RegistryJournal.Stream);
}
