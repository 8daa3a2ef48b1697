namespace Article42.Mesh.Gateway.Tests;

[Collection(nameof(MeshCollection))]
public sealed class ManyGatewaysTests(MeshFixture fixture)
{
    [Fact]
    public async Task Every_one_of_many_gateways_on_one_client_receives_what_is_sent_to_it()
    {
        string[] participants = ["BG", "HR", "SI", "LV", "HU", "RO", "EE", "DK", "LU", "PT"];
        var gateways = participants.Select(p => fixture.Mesh.Gateway(p)).ToList();
        try
        {
            await EveryOneReceivesAsync(participants, gateways);
        }
        finally
        {
            foreach (var gateway in gateways)
                await gateway.DisposeAsync();
        }
    }

    private static async Task EveryOneReceivesAsync(string[] participants, List<MeshGateway> gateways)
    {
        var received = participants.ToDictionary(p => p, _ => new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously));
        var sender = gateways[0];
        var message = sender.Draft(MessageKind.IncidentReport, [.. participants.Skip(1)]);
        using var stop = new CancellationTokenSource();
        var readers = gateways.Select(async g =>
        {
            // The collection's mesh is shared: other tests' messages may be in these inboxes too.
            await foreach (var inbound in g.ReceiveAsync(stop.Token))
            {
                if (inbound.Envelope.MsgId == message.MsgId)
                    received[g.Participant].TrySetResult(inbound.Envelope.MsgId);
                await g.AckAsync(inbound, stop.Token);
            }
        }).ToList();

        try
        {
            await sender.SendAsync(message, TestContext.Current.CancellationToken);
            foreach (var participant in participants.Skip(1))
                Assert.Equal(message.MsgId, await received[participant].Task.WaitAsync(Deadline.Scaled(TimeSpan.FromSeconds(20)), TestContext.Current.CancellationToken));
        }
        finally
        {
            // Every reader ends once stopped: a reader that failed or hangs fails the test here, within a deadline.
            await stop.CancelAsync();
            foreach (var reader in readers)
            {
                var ended = await Record.ExceptionAsync(() => reader.WaitAsync(Deadline.Scaled(TimeSpan.FromSeconds(10)), TestContext.Current.CancellationToken));
                Assert.True(ended is null or OperationCanceledException, $"a reader failed: {ended}");
            }
        }
    }
}
