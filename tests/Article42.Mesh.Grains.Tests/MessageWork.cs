namespace Article42.Mesh.Grains.Tests;

/// <summary>The mesh's work for one delivered message: the journal's calls and the envelope codec's encodes and decodes.</summary>
public sealed record MessageWork(JournalWork Journal, long Encodes, long Decodes)
{
    public override string ToString() => $"journal: {Journal}; codec: {Encodes} encodes, {Decodes} decodes";
}
