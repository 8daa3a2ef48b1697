namespace Article42.Mesh.Hosting.Configuration;

/// <summary>The silo cannot start as configured; each error names its key. The host prints them and exits 2.</summary>
public sealed class ConfigurationFailedException : Exception
{
    public ConfigurationFailedException()
    {
    }

    public ConfigurationFailedException(string message)
        : base(message)
    {
    }

    public ConfigurationFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ConfigurationFailedException(MeshError error)
        : base(error?.ToString())
    {
        ArgumentNullException.ThrowIfNull(error);
        Errors = [error];
    }

    public ConfigurationFailedException(ImmutableArray<MeshError> errors)
        : base(errors.IsDefaultOrEmpty ? "invalid configuration" : errors[0].ToString())
    {
        Errors = errors;
    }

    public ImmutableArray<MeshError> Errors { get; } = [];
}
