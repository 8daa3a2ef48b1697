using System.Collections.Concurrent;

namespace Article42.Mesh.Gateway.Tests;

/// <summary>
/// A client call filter that lets a submit reach the grain and then throws its answer away as a timeout: exactly what a
/// gateway sees when the silo answering it dies (an unknown outcome, docs/design/orleans.md §2.1).
/// </summary>
public sealed class LostAnswers
{
    private readonly ConcurrentDictionary<string, int> _toLose = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _submits = new(StringComparer.Ordinal);

    /// <summary>The next <paramref name="count"/> answers to submits of <paramref name="messageId"/> get lost.</summary>
    public void Lose(string messageId, int count) => _toLose[messageId] = count;

    /// <summary>How many times a submit of <paramref name="messageId"/> reached the mesh.</summary>
    public int Submits(string messageId) => _submits.GetValueOrDefault(messageId);

    private readonly ConcurrentDictionary<string, int> _valueSubmits = new(StringComparer.Ordinal);

    /// <summary>How many of those submits sent the envelope as a value (version 1) rather than as its bytes (version 2).</summary>
    public int ValueSubmits(string messageId) => _valueSubmits.GetValueOrDefault(messageId);

    public async Task InvokeAsync(IOutgoingGrainCallContext context)
    {
        await context.Invoke();
        var envelope = context.MethodName switch
        {
            nameof(IParticipantGrain.SubmitAsync) => context.Request.GetArgument(1) as Envelope,
            nameof(IParticipantGrain.SubmitSignedAsync) when context.Request.GetArgument(1) is byte[] document => EnvelopeCodec.Decode(document).Value,
            _ => null,
        };
        if (envelope is null)
            return;
        _submits.AddOrUpdate(envelope.MsgId, 1, (_, n) => n + 1);
        if (context.MethodName == nameof(IParticipantGrain.SubmitAsync))
            _valueSubmits.AddOrUpdate(envelope.MsgId, 1, (_, n) => n + 1);
        if (_toLose.TryGetValue(envelope.MsgId, out var left) && left > 0 && _toLose.TryUpdate(envelope.MsgId, left - 1, left))
            throw new TimeoutException($"the answer to submit {envelope.MsgId} was lost (test)");
    }
}
