namespace Article42.Mesh.Protocol;

/// <summary>A decoded value, or every error that kept it from being decoded.</summary>
public sealed record DecodeResult<T>(T? Value, ImmutableArray<MeshError> Errors) where T : class
{
    /// <summary>True when a value was decoded and there is no error.</summary>
    public bool IsSuccess => Value is not null && Errors.IsEmpty;

    internal static DecodeResult<T> Failed(IEnumerable<MeshError> errors) => new(null, [.. errors]);

    internal static DecodeResult<T> Failed(string code, string path, string message) => Failed([new MeshError(code, path, message)]);
}
