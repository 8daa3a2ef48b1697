namespace Article42.Mesh.Storage.Tests.Backends;

/// <summary>
/// What one run of a hot query reads: the stream or queue (or message id), the version a stream read starts from, and
/// the queue position a fetch continues after.
/// </summary>
public sealed record QueryArguments(string StreamOrQueueId, long FromVersion = 0, QueuePosition? After = null)
{
    /// <summary>Small enough that the 10-entry queue still fills a page after its cursor: both sides return as many rows.</summary>
    public const int PageSize = 4;
}
