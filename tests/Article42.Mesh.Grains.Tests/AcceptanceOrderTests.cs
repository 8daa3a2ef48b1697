using Microsoft.Extensions.DependencyInjection;

namespace Article42.Mesh.Grains.Tests;

/// <summary>
/// The per-sender acceptance sequence (issue #18): the receipt carries it, the delivered message carries it, and per
/// (sender, recipient, precedence) the recipient's inbox holds the messages once each, in its order, although the
/// first deliveries' answers are lost and the sender's lanes send those batches again (the recipient's dedupe is its
/// high-water mark per sender and lane, not a read).
/// </summary>
public sealed class AcceptanceOrderTests(AcceptanceOrderTests.Fixture mesh) : IClassFixture<AcceptanceOrderTests.Fixture>
{
    [Fact]
    public async Task Each_precedence_of_a_sender_arrives_once_in_acceptance_order_when_delivery_answers_are_lost()
    {
        var (sender, recipient) = (mesh.Gateway("HR"), mesh.Gateway("CY"));
        await recipient.OpenAsync();
        Precedence[] lanes = [Precedence.Deferred, Precedence.Routine, Precedence.Priority];
        var sent = new List<(Envelope Envelope, SubmitReceipt Receipt)>();
        foreach (var i in Enumerable.Range(0, 30))
        {
            var envelope = TestKeys.Signed("HR", ["CY"], change: e => e with { PrecedenceAction = lanes[i % lanes.Length] });
            sent.Add((envelope, await sender.SendAsync(envelope)));
        }

        var received = await recipient.ReceiveAsync([.. sent.Select(s => s.Envelope.MsgId)], within: TimeSpan.FromSeconds(60));

        Assert.True(mesh.Answers.Calls > Fixture.Losses, $"only {mesh.Answers.Calls} deliveries: no batch was sent again");
        Assert.Equal([.. sent.Select(s => s.Receipt.AcceptanceSequence).Order()], sent.Select(s => s.Receipt.AcceptanceSequence));
        Assert.Equal(sent.Count, sent.Select(s => s.Receipt.AcceptanceSequence).Distinct().Count());
        Assert.Equal(sent.Count, received.Count);
        foreach (var lane in lanes)
        {
            var inOrder = sent.Where(s => s.Envelope.PrecedenceAction == lane).ToList();
            var arrived = received.Where(m => m.Precedence == lane).ToList();
            Assert.Equal(inOrder.Select(s => s.Envelope.MsgId), arrived.Select(m => m.Envelope.MsgId));
            Assert.Equal(inOrder.Select(s => s.Receipt.AcceptanceSequence), arrived.Select(m => m.AcceptanceSequence));
        }
    }

    /// <summary>A silo whose first deliveries to CY are stored but answered with a timeout.</summary>
    public sealed class Fixture : MeshClusterFixture
    {
        public const int Losses = 4;

        public LostDeliveryAnswers Answers { get; } = new("CY", Losses);

        protected override void Services(IServiceCollection services) => services.AddSingleton<IIncomingGrainCallFilter>(Answers);
    }
}
