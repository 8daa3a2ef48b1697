using System.Net;

namespace Article42.Mesh.Hosting.Configuration;

/// <summary>Section <c>Http</c>: where the health, metrics and dashboard endpoints listen.</summary>
public sealed record HttpSettings(IPAddress Address, int Port);
