namespace Article42.Mesh.Grains;

/// <summary>
/// What a delivery batch's acceptance sequences must be before an inbox trusts them for its dedupe (issue #18): one per
/// envelope, positive, strictly increasing (one lane's dispatch order), every envelope from the batch's sender (its
/// acceptance entry, in the sender's stream, holds the body the inbox row names). Only silos deliver; a batch that breaks
/// this is a defect of the sending silo, refused whole before anything is stored.
/// </summary>
internal static class SequencedBatch
{
    public static void Check(DeliveryBatch batch)
    {
        var sequences = batch.AcceptanceSequences;
        if (sequences.IsDefaultOrEmpty)
            return;
        if (sequences.Length != batch.Envelopes.Length)
            throw new ArgumentException($"a delivery batch of {batch.Envelopes.Length} messages carries {sequences.Length} acceptance sequences", nameof(batch));
        if (!Enum.IsDefined(batch.Lane))
            throw new ArgumentException($"a delivery batch names lane {(int)batch.Lane}, which is no precedence", nameof(batch));
        for (var i = 0; i < sequences.Length; i++)
        {
            if (sequences[i] <= (i == 0 ? 0 : sequences[i - 1]))
                throw new ArgumentException("a delivery batch's acceptance sequences must be positive and strictly increasing", nameof(batch));
            if (batch.Envelopes[i]?.From != batch.Sender)
                throw new ArgumentException($"a delivery batch from '{ValidationContext.Truncate(batch.Sender)}' holds a message from another sender", nameof(batch));
        }
    }
}
