using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Article42.Mesh.Grains.Tests;

/// <summary>A fresh cluster whose silo's warnings are kept in <see cref="Warnings"/>.</summary>
public class LoggedClusterFixture : MeshClusterFixture
{
    public WarningCounter Warnings { get; } = new();

    protected override void Services(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(Warnings);
}
