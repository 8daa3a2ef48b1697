using Article42.Mesh.Faults.History;

namespace Article42.Mesh.Faults.Checking;

/// <summary>What a sender's history says of one message: its invoke and the outcome the send ended with, if any.</summary>
public sealed record SentMessage(HistoryEntry Invoke, HistoryEntry? Outcome, bool SenderRestartedAfter)
{
    public string Id => Invoke.Id!;

    public string Sender => Invoke.Client;

    public bool Receipted => Outcome?.Op == Operation.Ok;

    public bool Refused => Outcome?.Op == Operation.Fail;

    /// <summary>No receipt and no refusal: the send timed out, or its client died with the send in flight.</summary>
    public bool OutcomeUnknown => Outcome?.Op == Operation.Unknown || (Outcome is null && SenderRestartedAfter);

    /// <summary>The receipt's recipients after group expansion; without a receipt, the addressees of the invoke.</summary>
    public ImmutableArray<string> Recipients => (Receipted ? Outcome!.To : null) ?? Invoke.To ?? [];
}
