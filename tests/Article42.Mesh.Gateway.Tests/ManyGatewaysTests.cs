namespace Article42.Mesh.Gateway.Tests;

[Collection(nameof(MeshCollection))]
public sealed class ManyGatewaysTests(MeshFixture fixture)
{
    [Fact]
    public async Task Every_one_of_many_gateways_on_one_client_receives_what_is_sent_to_it()
    {
        string[] participants = ["BG", "HR", "SI", "LV", "HU", "RO", "EE", "DK", "LU", "PT"];
        var gateways = participants.Select(p => fixture.Mesh.Gateway(p)).ToList();
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

        await sender.SendAsync(message, TestContext.Current.CancellationToken);

        foreach (var participant in participants.Skip(1))
            Assert.Equal(message.MsgId, await received[participant].Task.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken));
        await stop.CancelAsync();
        foreach (var gateway in gateways)
            await gateway.DisposeAsync();
    }
}
