namespace Article42.Mesh.Grains.Tests;

/// <summary><see cref="PoisonedStorageCompliance"/> on SQLite.</summary>
public sealed class PoisonedStorageTests(LoggedClusterFixture mesh) : PoisonedStorageCompliance(mesh), IClassFixture<LoggedClusterFixture>;
