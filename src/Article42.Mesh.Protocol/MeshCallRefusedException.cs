namespace Article42.Mesh.Protocol;

/// <summary>
/// The exception a mesh silo lets cross to a client when it refuses a call outright (a method outside the client
/// surface, a certificate bound to another participant): the typed <see cref="MeshCallException.Error"/> is the
/// contract. Refusals of a request's content come back as data in the call's outcome instead. Retrying gets the same.
/// </summary>
[GenerateSerializer, Alias("a42.mesh-call-refused")]
public sealed class MeshCallRefusedException : MeshCallException
{
    /// <summary>A refusal carrying <paramref name="error"/>.</summary>
    public MeshCallRefusedException(MeshError error)
        : base(error)
    {
    }
}
