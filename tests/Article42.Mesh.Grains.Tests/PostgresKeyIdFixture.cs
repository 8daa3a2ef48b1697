namespace Article42.Mesh.Grains.Tests;

/// <summary><see cref="KeyIdFixture"/> on a throwaway PostgreSQL server's journal.</summary>
public sealed class PostgresKeyIdFixture : KeyIdFixture
{
    protected override bool OnPostgres => true;
}
