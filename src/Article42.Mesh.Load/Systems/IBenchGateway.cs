namespace Article42.Mesh.Load.Systems;

/// <summary>One participant's own client connection to a system under test; what it receives goes to the system's tracker.</summary>
public interface IBenchGateway : IAsyncDisposable
{
    string Participant { get; }

    /// <summary>Sends one message (the benchmark's payload) and returns once the system accepted it.</summary>
    Task SendAsync(string messageId, IReadOnlyList<string> to, Precedence precedence, CancellationToken cancellation);
}
