using System.Security.Cryptography;
using Article42.Mesh.Grains;
using Article42.Mesh.Storage;
using Article42.Mesh.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Article42.Mesh.Gateway.Tests;

/// <summary>
/// A one-silo mesh whose registry is an operator-signed document (issue #21), on a SQLite journal the test can edit
/// behind the mesh's back: the operator key, the silo's registry holder (an update is applied as the silo's follower
/// applies one) and the journal file.
/// </summary>
public sealed class SignedRegistryMesh : IAsyncLifetime
{
    private readonly TempDirectory _directory = new("a42-signed-");
    private IMessageJournal _journal = null!;
    private InProcessMesh _mesh = null!;

    public SignedRegistryMesh()
    {
        Holder = new RegistryHolder(Signed(KeyedRegistry.Registry.Next(KeyedRegistry.Registry.Participants, DateTimeOffset.UtcNow), OperatorKey));
        OperatorPublicKey = ECDsa.Create(OperatorKey.ExportParameters(includePrivateParameters: false));
    }

    /// <summary>The public half, what gateways are configured with (<c>operator.pub</c>).</summary>
    public ECDsa OperatorPublicKey { get; }

    /// <summary>The operator's key: the registry documents are signed with it, gateways are given it to check them.</summary>
    public ECDsa OperatorKey { get; } = ParticipantKeys.Generate();

    public RegistryHolder Holder { get; }

    public IMessageJournal Journal => _journal;

    /// <summary>
    /// Called with each submitted message after its checks and before its acceptance is written (the mesh's legality
    /// hook): a test can change the registry in that gap.
    /// </summary>
    public Action<Envelope>? BetweenChecksAndAcceptance { get; set; }

    private string JournalPath => _directory.File("journal.db");

    public async ValueTask InitializeAsync()
    {
        _journal = await SqliteJournal.OpenAsync(new SqliteJournalOptions(JournalPath));
        _mesh = await InProcessMesh.StartAsync(new InProcessMeshOptions
        {
            Settings = new Dictionary<string, string?> { ["Delivery:SenderRatePerSecond"] = "1000000", ["Delivery:SenderBurst"] = "1000000" },
            JournalFor = _ => _journal,
            Services = services => services.AddSingleton<IRegistryHolder>(Holder).AddSingleton<IMessageLegality>(new HookLegality(this)),
        });
    }

    public MeshGateway Gateway(string participant, Func<MeshGatewayOptions, MeshGatewayOptions>? change = null) =>
        MeshGateway.Attach(_mesh.Cluster.Client, (change ?? (o => o))(MeshCluster.Options(participant) with { OperatorPublicKey = OperatorPublicKey }));

    /// <summary>Signs <paramref name="next"/> with the operator key and applies it on the silo, as its follower does with a journal update.</summary>
    public void Publish(ParticipantRegistry next) => Assert.True(Holder.TryApply(Signed(next, OperatorKey)), "the silo applied the update");

    /// <summary>
    /// Changes the stored body of <paramref name="messageId"/> in <paramref name="recipient"/>'s inbox, keeping its
    /// signature, as someone with the journal's file could: where the inbox row names its origin entry (the sender's
    /// acceptance, which holds the body once, issue 18), that entry; else the row's own copy. Then deactivates the
    /// recipient's grain, so its next activation reads the altered body from the journal.
    /// </summary>
    public async Task TamperAsync(string recipient, string messageId)
    {
        await using var connection = new SqliteConnection($"Data Source={JournalPath}");
        await connection.OpenAsync();
        var (stored, originStream, originVersion) = await QueuedBodyAsync(connection, recipient, messageId);
        var envelope = EnvelopeCodec.Decode(stored).Value!;
        var tampered = EnvelopeCodec.Encode(envelope with { CreatedAt = envelope.CreatedAt.AddSeconds(-1) });
        await using var update = connection.CreateCommand();
        update.Parameters.AddWithValue("$payload", tampered);
        if (originStream is null)
        {
            update.CommandText = "UPDATE queue SET payload = $payload WHERE queue_id = $queue AND message_id = $id";
            update.Parameters.AddWithValue("$queue", $"in/{recipient}");
            update.Parameters.AddWithValue("$id", messageId);
        }
        else
        {
            update.CommandText = "UPDATE entries SET payload = $payload WHERE stream_id = $stream AND version = $version";
            update.Parameters.AddWithValue("$stream", originStream);
            update.Parameters.AddWithValue("$version", originVersion);
        }
        Assert.Equal(1, await update.ExecuteNonQueryAsync());
        // The recipient's activation holds what it was delivered in memory (issue 18): the altered body is what a fresh
        // activation reads, as after a restart of the silo whose journal was altered.
        await _mesh.Cluster.DeactivateAsync(_mesh.Participant(recipient));
    }

    /// <summary>Waits until <paramref name="recipient"/>'s inbox holds <paramref name="messageId"/>.</summary>
    public Task StoredAsync(string recipient, string messageId) => Deadline.UntilAsync(async () =>
        (await Journal.FindByMessageIdAsync(messageId)).Any(e => e.StreamId == $"participant/{recipient}" && e.Type == "received"),
        TimeSpan.FromSeconds(30), $"{messageId} stored in the inbox of {recipient}");

    /// <summary>Waits until <paramref name="recipient"/> acknowledged <paramref name="messageId"/> in the mesh.</summary>
    public Task AcknowledgedAsync(string recipient, string messageId) => Deadline.UntilAsync(async () =>
        (await Journal.FindByMessageIdAsync(messageId)).Any(e => e.StreamId == $"participant/{recipient}" && e.Type == "acknowledged"),
        TimeSpan.FromSeconds(30), $"{messageId} acknowledged by {recipient}");

    public async ValueTask DisposeAsync()
    {
        await _mesh.DisposeAsync();
        await _journal.DisposeAsync();
        _directory.Dispose();
        OperatorKey.Dispose();
        OperatorPublicKey.Dispose();
    }

    /// <summary>Every message legal (the tests send no activation traffic), after <see cref="BetweenChecksAndAcceptance"/>.</summary>
    private sealed class HookLegality(SignedRegistryMesh mesh) : IMessageLegality
    {
        public ValueTask<MeshError?> JudgeAsync(Envelope envelope)
        {
            mesh.BetweenChecksAndAcceptance?.Invoke(envelope);
            return ValueTask.FromResult<MeshError?>(null);
        }
    }

    private static ParticipantRegistry Signed(ParticipantRegistry registry, ECDsa operatorKey) =>
        ParticipantRegistry.FromDocument(RegistryDocuments.Sign(registry.ToDocument(), operatorKey), "test registry");

    private static async Task<(byte[] Body, string? OriginStream, long? OriginVersion)> QueuedBodyAsync(SqliteConnection connection, string recipient, string messageId)
    {
        await using var select = connection.CreateCommand();
        select.CommandText = """
            SELECT CASE WHEN q.origin_stream IS NULL THEN q.payload
                        ELSE (SELECT o.payload FROM entries AS o WHERE o.stream_id = q.origin_stream AND o.version = q.origin_version) END,
                   q.origin_stream, q.origin_version
            FROM queue AS q WHERE q.queue_id = $queue AND q.message_id = $id
            """;
        select.Parameters.AddWithValue("$queue", $"in/{recipient}");
        select.Parameters.AddWithValue("$id", messageId);
        await using var row = await select.ExecuteReaderAsync();
        Assert.True(await row.ReadAsync(), $"{messageId} is in the inbox of {recipient}");
        return ((byte[])row[0], row.IsDBNull(1) ? null : row.GetString(1), row.IsDBNull(2) ? null : row.GetInt64(2));
    }
}
