namespace Article42.Mesh.Gateway.Tests;

/// <summary>The SDK's receive buffer (issue 18): highest precedence first, arrival order within a precedence, bounded.</summary>
public sealed class PrecedenceBufferTests
{
    [Fact]
    public async Task Messages_are_read_highest_precedence_first_and_in_arrival_order_within_a_precedence()
    {
        var cancel = TestContext.Current.CancellationToken;
        var buffer = new PrecedenceBuffer(capacity: 100);
        Precedence[] arriving = [Precedence.Routine, Precedence.Deferred, Precedence.Routine, Precedence.Flash, Precedence.Priority, Precedence.Routine, Precedence.Override, Precedence.Flash];
        var messages = arriving.Select((precedence, i) => Message(i + 1, precedence)).ToList();
        foreach (var message in messages)
            await buffer.WriteAsync(message, cancel);

        var read = new List<InboxMessage>();
        while (buffer.TryRead(out var message))
            read.Add(message);

        Assert.Equal([7, 4, 8, 5, 1, 3, 6, 2], read.Select(m => m.Sequence));
    }

    [Fact]
    public async Task A_flash_written_while_routine_waits_is_the_next_read_and_a_full_buffer_holds_its_writer_until_a_read()
    {
        var cancel = TestContext.Current.CancellationToken;
        var buffer = new PrecedenceBuffer(capacity: 3);
        for (var i = 1; i <= 3; i++)
            await buffer.WriteAsync(Message(i, Precedence.Routine), cancel);

        var flash = buffer.WriteAsync(Message(4, Precedence.Flash), cancel).AsTask();
        Assert.False(flash.IsCompleted, "a full buffer took a fourth message");
        Assert.True(buffer.TryRead(out var first));
        Assert.Equal(1, first.Sequence);
        await flash.WaitAsync(Deadline.Scaled(TimeSpan.FromSeconds(10)), cancel);

        var rest = new List<long>();
        while (buffer.TryRead(out var message))
            rest.Add(message.Sequence);
        Assert.Equal([4, 2, 3], rest);
    }

    [Fact]
    public async Task A_reader_drains_what_is_buffered_before_it_hears_the_error_the_buffer_was_completed_with()
    {
        var cancel = TestContext.Current.CancellationToken;
        var buffer = new PrecedenceBuffer(capacity: 10);
        await buffer.WriteAsync(Message(1, Precedence.Routine), cancel);
        var refused = new MeshRefusedException("the mesh refused to fetch", [new MeshError(ErrorCodes.UnknownMessage, "$", "test")]);
        Assert.True(buffer.TryComplete(refused));

        Assert.True(await buffer.WaitToReadAsync(cancel));
        Assert.True(buffer.TryRead(out var last));
        Assert.Equal(1, last.Sequence);
        var heard = await Assert.ThrowsAsync<MeshRefusedException>(async () => await buffer.WaitToReadAsync(cancel));
        Assert.Same(refused, heard);
        await Assert.ThrowsAsync<MeshRefusedException>(() => buffer.Completion);
    }

    private static InboxMessage Message(long sequence, Precedence precedence) =>
        new(sequence, precedence, Messages.Draft("FR", ["DE"]) with { PrecedenceAction = precedence }, Redelivered: false);
}
