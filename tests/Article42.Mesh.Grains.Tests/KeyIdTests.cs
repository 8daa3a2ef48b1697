namespace Article42.Mesh.Grains.Tests;

/// <summary><see cref="KeyIdCompliance"/> on SQLite.</summary>
public sealed class KeyIdTests(KeyIdFixture mesh) : KeyIdCompliance(mesh), IClassFixture<KeyIdFixture>;
