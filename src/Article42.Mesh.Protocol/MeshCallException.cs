namespace Article42.Mesh.Protocol;

/// <summary>
/// The only exceptions a mesh silo lets cross to a client (<see cref="MeshCallRefusedException"/>: the call is refused;
/// <see cref="MeshUnavailableException"/>: the mesh could not serve it now). The typed <see cref="MeshError"/> is the
/// contract; the exception only carries it, and carries nothing of the server it came from.
/// </summary>
[GenerateSerializer]
public abstract class MeshCallException : Exception
{
    /// <summary>An exception carrying <paramref name="error"/>, whose one-line form is the message.</summary>
    protected MeshCallException(MeshError error)
        : base(error.ToString())
    {
        Error = error;
    }

    /// <summary>What happened to the call: code, the method or path at fault, a sentence.</summary>
    [Id(0)]
    public MeshError Error { get; }

    /// <summary>
    /// Always null: Orleans' exception codec sends <see cref="Exception.StackTrace"/> to the caller, and a client must see
    /// no server frame or file path (the silo logs them). On the client the SDK turns the error into its own exception.
    /// </summary>
    public override string? StackTrace => null;
}
