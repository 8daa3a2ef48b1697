namespace Article42.Mesh.Grains.Tests;

/// <summary><see cref="KeyIdCompliance"/> on a throwaway PostgreSQL server's journal.</summary>
public sealed class KeyIdPostgresTests(PostgresKeyIdFixture mesh) : KeyIdCompliance(mesh), IClassFixture<PostgresKeyIdFixture>;
