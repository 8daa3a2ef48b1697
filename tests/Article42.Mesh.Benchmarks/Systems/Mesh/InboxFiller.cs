using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Article42.Mesh.Benchmarks.Systems.Mesh;

/// <summary>
/// Fills inboxes at the journal's speed instead of the mesh's: signed benchmark SITREPs stored straight into a
/// recipient's inbox by the silo's own delivery call (<c>IParticipantGrain.DeliverAsync</c> through the silo's grain
/// factory, batches of 64), as a silo of an older version delivers them (no acceptance sequences: the inbox row holds the
/// body). The sender's acceptance, outbox and delivery record are skipped, so a copy adds the recipient's side of the
/// journal only (its received entry and inbox row; its fetched and acknowledged entries once a gateway handles it).
/// </summary>
internal sealed class InboxFiller(MeshSystem mesh, BenchPayload payload, IReadOnlyList<string> senders)
{
    private const int Batch = 64;
    private readonly ConcurrentDictionary<string, (ECDsa Key, string KeyId)> _keys = new();

    /// <summary>Stores <paramref name="copies"/> copies at <paramref name="precedence"/>, spread evenly over <paramref name="recipients"/>.</summary>
    public async Task FillAsync(IReadOnlyList<string> recipients, long copies, Precedence precedence)
    {
        var batches = (copies + Batch - 1) / Batch;
        var next = -1L;
        await Task.WhenAll(Enumerable.Range(0, Math.Max(2, Environment.ProcessorCount)).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < batches; i = Interlocked.Increment(ref next))
            {
                var recipient = recipients[(int)(i % recipients.Count)];
                var sender = senders[(int)(i % senders.Count)];
                if (sender == recipient)
                    sender = senders[(int)((i + 1) % senders.Count)];
                var count = (int)Math.Min(Batch, copies - i * Batch);
                await DeliverAsync(sender, recipient, count, precedence);
            }
        })));
    }

    private async Task DeliverAsync(string sender, string recipient, int count, Precedence precedence)
    {
        var (key, keyId) = _keys.GetOrAdd(sender, id =>
        {
            var loaded = ParticipantKeys.LoadPrivateKey(Path.Combine(mesh.KeysDirectory, $"{id}.pem"));
            return (loaded, KeyId.OfSubjectPublicKeyInfo(loaded.ExportSubjectPublicKeyInfo()));
        });
        var now = DateTimeOffset.UtcNow;
        var envelopes = Enumerable.Range(0, count).Select(_ =>
        {
            var draft = EnvelopeSkeleton.Build(new SkeletonRequest(MessageKind.Sitrep, sender, [recipient], []), now);
            return EnvelopeSignatures.Sign(payload.Apply(draft, Ulid.New(now), precedence), key);
        }).ToImmutableArray();
        var keyIds = Enumerable.Repeat<string?>(keyId, count).ToImmutableArray();
        await mesh.SiloGrains.GetGrain<IParticipantGrain>(recipient).DeliverAsync(new DeliveryBatch(sender, envelopes, keyIds));
    }
}
