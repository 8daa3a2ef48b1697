namespace Article42.Mesh.Faults.Network;

/// <summary>
/// The suite's network failed its safety check (docs/development/faults.md, "The safety rule"): a node address that
/// does not resolve to the test bridge, or a namespace with a way out. The run refuses to start any traffic.
/// </summary>
public sealed class UnsafeNetworkException : Exception
{
    public UnsafeNetworkException()
    {
    }

    public UnsafeNetworkException(string message)
        : base($"refusing to run the fault suite on this network: {message}")
    {
    }

    public UnsafeNetworkException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
