namespace Article42.Mesh.Load;

/// <summary>A source of traffic that runs until told to stop.</summary>
public interface ILoad
{
    /// <summary>How the load is described in the results ("closed loop, 64 in flight").</summary>
    string Describe();

    Task RunAsync(CancellationToken stop);
}
