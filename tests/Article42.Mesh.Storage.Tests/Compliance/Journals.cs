using System.Text;
using Article42.Mesh.Storage.CrashHelper;

namespace Article42.Mesh.Storage.Tests.Compliance;

/// <summary>Small builders and readers the compliance tests share.</summary>
internal static class Journals
{
    public static JournalEntry Entry(string text, string? messageId = null) =>
        new("test", Encoding.UTF8.GetBytes(text), messageId);

    /// <summary>Entries whose payloads say where they belong, so order and integrity can be checked from the bytes.</summary>
    public static List<JournalEntry> EntriesAt(string streamId, long fromVersion, int count) =>
        [.. Enumerable.Range(0, count).Select(i => new JournalEntry("test", CrashPayload.For(streamId, fromVersion + i)))];

    public static string Text(StoredEntry entry) => Encoding.UTF8.GetString(entry.Payload);

    public static async Task<List<StoredEntry>> ReadAllAsync(IMessageJournal journal, string streamId, long fromVersion = 1)
    {
        var entries = new List<StoredEntry>();
        await foreach (var entry in journal.ReadStreamAsync(streamId, fromVersion))
        {
            entries.Add(entry);
        }

        return entries;
    }

    /// <summary>Asserts versions 1..n without gaps and every payload the one written at its version.</summary>
    public static void AssertContiguousAndWhole(string streamId, IReadOnlyList<StoredEntry> entries)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            Assert.Equal(i + 1, entries[i].Version);
            Assert.True(
                CrashPayload.For(streamId, i + 1).AsSpan().SequenceEqual(entries[i].Payload),
                $"{streamId} version {i + 1} does not hold the bytes written at that version.");
        }
    }

    public static long NewVersion(AppendResult result) =>
        result is AppendResult.Appended appended ? appended.NewVersion : throw new Xunit.Sdk.XunitException($"Expected Appended, got {result}.");
}
