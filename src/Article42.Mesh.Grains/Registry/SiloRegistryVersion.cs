namespace Article42.Mesh.Grains;

/// <summary>One silo's answer to <see cref="RegistryVersionControl"/>: its address and the registry version it applies.</summary>
[GenerateSerializer, Immutable, Alias("a42.silo-registry-version")]
internal sealed record SiloRegistryVersion([property: Id(0)] string Silo, [property: Id(1)] long Version);
