namespace Article42.Mesh.Gateway;

/// <summary>What one probe of a gateway endpoint found: whether anything accepted a TCP connection, and a TLS problem that retrying cannot fix.</summary>
internal sealed record GatewayProbe(bool Listening, MeshError? Problem)
{
    public static GatewayProbe NothingListening { get; } = new(false, null);

    public static GatewayProbe SomethingListening { get; } = new(true, null);
}
