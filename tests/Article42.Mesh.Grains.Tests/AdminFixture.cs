using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;

namespace Article42.Mesh.Grains.Tests;

/// <summary>A cluster whose silo holds the public half of <see cref="OperatorKey"/>, as a silo with operator.pub does.</summary>
public class AdminFixture : MeshClusterFixture
{
    public ECDsa OperatorKey { get; } = ParticipantKeys.Generate();

    public IAdminGrain Admin => Grains.GetGrain<IAdminGrain>(0);

    public OperatorProof Proof(string operation, string argument = "", DateTimeOffset? at = null, ECDsa? key = null) =>
        OperatorProofs.Create(operation, argument, key ?? OperatorKey, at ?? DateTimeOffset.UtcNow);

    protected override void Services(IServiceCollection services)
    {
        var publicKey = ECDsa.Create();
        publicKey.ImportSubjectPublicKeyInfo(OperatorKey.ExportSubjectPublicKeyInfo(), out _);
        services.AddSingleton(new Grains.OperatorKey(publicKey));
    }
}
