using Article42.Mesh.Protocol;

namespace Article42.Mesh.Cli;

/// <summary>A refusal that ends a command with exit code 2 and one line per error on stderr.</summary>
public sealed class CliException(ImmutableArray<MeshError> errors) : Exception(errors.Length > 0 ? errors[0].ToString() : "invalid input")
{
    public CliException(string code, string path, string message) : this([new MeshError(code, path, message)]) { }

    public ImmutableArray<MeshError> Errors { get; } = errors;
}
