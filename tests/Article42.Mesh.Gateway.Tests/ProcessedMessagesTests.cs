namespace Article42.Mesh.Gateway.Tests;

/// <summary>The durable dedupe helper an application that must never process a message twice keys by message id.</summary>
public sealed class ProcessedMessagesTests
{
    [Fact]
    public void A_message_marked_before_a_restart_is_still_marked_after_it_and_an_acknowledged_one_is_forgotten_from_the_file()
    {
        var directory = Directory.CreateTempSubdirectory("a42-processed-").FullName;
        try
        {
            var (kept, acknowledged) = (Messages.Draft("FR", ["DE"]).MsgId, Messages.Draft("FR", ["DE"]).MsgId);
            using (var before = ProcessedMessages.Open(directory))
            {
                Assert.True(before.TryMark(kept));
                Assert.True(before.TryMark(acknowledged));
                Assert.False(before.TryMark(kept));
                before.Acknowledged([acknowledged]);
            }

            using var after = ProcessedMessages.Open(directory);
            Assert.False(after.TryMark(kept), "a message processed before the restart was marked again as new");
            Assert.False(after.TryMark(acknowledged), "a message acknowledged before the restart was marked again as new");
            Assert.True(after.Contains(kept));
            // Compacted on open: what is still unacknowledged, and the acknowledged only as recent ones in memory.
            Assert.Equal($"+{kept}\n", File.ReadAllText(Path.Combine(directory, ProcessedMessages.FileName)));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Two_processes_cannot_share_the_record_and_an_id_that_is_not_a_message_id_is_refused_not_stored()
    {
        var directory = Directory.CreateTempSubdirectory("a42-processed-").FullName;
        try
        {
            using var first = ProcessedMessages.Open(directory);
            Assert.Throws<InvalidOperationException>(() => ProcessedMessages.Open(directory));
            Assert.Throws<ArgumentException>(() => first.TryMark("../../etc/passwd"));
            Assert.Equal("", File.ReadAllText(Path.Combine(directory, ProcessedMessages.FileName)));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
