using Microsoft.Extensions.DependencyInjection;

namespace Article42.Mesh.Grains.Tests;

/// <summary>An <see cref="AdminFixture"/> whose registry's revoked key ids the test sets (<see cref="Revoked"/>).</summary>
public class KeyIdFixture : AdminFixture
{
    public RevokedKeySet Revoked { get; } = new();

    protected override void Services(IServiceCollection services)
    {
        base.Services(services);
        services.AddSingleton<IRevokedKeyIds>(Revoked);
    }
}
