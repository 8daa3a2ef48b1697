namespace Article42.Mesh.Grains.Tests;

/// <summary><see cref="OperatorBoundsCompliance"/> on SQLite.</summary>
public sealed class OperatorBoundsTests(AdminFixture mesh) : OperatorBoundsCompliance(mesh), IClassFixture<AdminFixture>;
