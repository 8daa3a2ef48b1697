namespace Article42.Mesh.Protocol;

/// <summary>A participant registry that cannot be used; the message names the source and the fault.</summary>
public sealed class RegistryException(string message) : Exception(message);
