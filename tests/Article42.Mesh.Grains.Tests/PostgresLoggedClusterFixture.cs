namespace Article42.Mesh.Grains.Tests;

/// <summary><see cref="LoggedClusterFixture"/> on a throwaway PostgreSQL server's journal.</summary>
public sealed class PostgresLoggedClusterFixture : LoggedClusterFixture
{
    protected override bool OnPostgres => true;
}
