namespace Article42.Mesh.Protocol;

/// <summary>
/// The one exception a mesh silo lets cross to a client when it refuses a call outright (a method outside the client
/// surface, a certificate bound to another participant): the typed <see cref="MeshError"/> is the contract, the
/// exception only carries it. Refusals of a request's content come back as data in the call's outcome instead.
/// </summary>
[GenerateSerializer, Alias("a42.mesh-call-refused")]
public sealed class MeshCallRefusedException : Exception
{
    /// <summary>A refusal carrying <paramref name="error"/>.</summary>
    public MeshCallRefusedException(MeshError error)
        : base(error.ToString())
    {
        Error = error;
    }

    /// <summary>Why the call was refused: code, the method or path refused, a sentence.</summary>
    [Id(0)]
    public MeshError Error { get; }
}
