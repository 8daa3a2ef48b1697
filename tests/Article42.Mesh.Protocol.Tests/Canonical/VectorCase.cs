namespace Article42.Mesh.Protocol.Tests;

/// <summary>One test vector of schemas/vectors/: a name, what it shows, and the envelope before signing.</summary>
public sealed record VectorCase(string Name, string Description, Envelope Envelope);
