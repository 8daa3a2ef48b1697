namespace Article42.Mesh.Grains.Tests;

/// <summary><see cref="AdminFixture"/> on a throwaway PostgreSQL server's journal.</summary>
public sealed class PostgresAdminFixture : AdminFixture
{
    protected override bool OnPostgres => true;
}
