namespace Article42.Mesh.Gateway;

/// <summary>
/// The mesh refused a request and stored nothing: the envelope broke a rule, the session proof was wrong, the message
/// id belongs to another message. Retrying the same request gets the same answer.
/// </summary>
public sealed class MeshRefusedException : Exception
{
    /// <summary>A refusal with every reason the mesh gave.</summary>
    public MeshRefusedException(string what, IReadOnlyList<MeshError> errors)
        : base($"{what}: {string.Join("; ", errors)}")
    {
        Errors = [.. errors];
    }

    /// <summary>Why, one typed error per reason (code, JSON path, sentence).</summary>
    public ImmutableArray<MeshError> Errors { get; }

    /// <summary>True when any reason carries <paramref name="code"/> (an <see cref="ErrorCodes"/> constant).</summary>
    public bool Has(string code) => Errors.Any(e => e.Code == code);
}
