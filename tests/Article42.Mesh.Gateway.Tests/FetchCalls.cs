using System.Collections.Concurrent;

namespace Article42.Mesh.Gateway.Tests;

/// <summary>
/// A silo's incoming call filter that counts the fetches each participant's gateway begins. A fetch may read nothing
/// from the journal (an activation skips the bands it already read to their end), so the calls are what tells that a
/// gateway fetched again.
/// </summary>
public sealed class FetchCalls : IIncomingGrainCallFilter
{
    private readonly ConcurrentDictionary<string, int> _begun = new(StringComparer.Ordinal);

    /// <summary>How many fetches <paramref name="participant"/>'s gateway has begun.</summary>
    public int Of(string participant) => _begun.GetValueOrDefault(participant);

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.InterfaceMethod?.Name == nameof(IParticipantGrain.FetchAsync))
            _begun.AddOrUpdate(context.TargetId.Key.ToString()!, 1, (_, count) => count + 1);
        return context.Invoke();
    }
}
