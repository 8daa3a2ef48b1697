using System.Net;

namespace Article42.Mesh.Hosting.Configuration;

/// <summary>
/// Section <c>Http</c>: where the health, metrics and dashboard endpoints listen, and the operator credential everything
/// but the health probes requires (<c>Http:OperatorToken</c>; null in the embedded profile when not configured: the silo
/// generates one into the data directory, see <see cref="PathSettings.OperatorTokenPath"/>).
/// </summary>
public sealed record HttpSettings(IPAddress Address, int Port, string? OperatorToken);
