using Article42.Mesh.Faults.History;

namespace Article42.Mesh.Faults.Checking;

/// <summary>One handing of a message to a recipient's application, with its place in that recipient's history.</summary>
public sealed record Handing(HistoryEntry Entry, int Position)
{
    public string Id => Entry.Id!;

    public string Recipient => Entry.Client;
}
