namespace Article42.Mesh.Hosting.Configuration;

/// <summary>Section <c>Shutdown</c>: how long a stopping silo may take to hand its grains over.</summary>
public sealed record ShutdownSettings(TimeSpan Timeout)
{
    /// <summary>Used when <c>Shutdown:Timeout</c> is not set; deployments give the process longer than this before killing it.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);
}
