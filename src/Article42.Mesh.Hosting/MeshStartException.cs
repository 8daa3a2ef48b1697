namespace Article42.Mesh.Hosting;

/// <summary>Something the silo needs is unavailable (journal server down, port taken): exit 1 with one line.</summary>
internal sealed class MeshStartException : Exception
{
    public MeshStartException()
    {
    }

    public MeshStartException(string message)
        : base(message)
    {
    }

    public MeshStartException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MeshStartException(MeshError error)
        : base(error?.ToString())
    {
        Error = error;
    }

    public MeshError? Error { get; }
}
