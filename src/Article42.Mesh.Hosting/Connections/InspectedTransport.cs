using System.IO.Pipelines;

namespace Article42.Mesh.Hosting.Connections;

/// <summary>The transport Orleans reads from behind <see cref="GatewayConnectionGuard"/>: inspected input, the socket's own output.</summary>
internal sealed class InspectedTransport(PipeReader input, PipeWriter output) : IDuplexPipe
{
    public PipeReader Input => input;

    public PipeWriter Output => output;
}
