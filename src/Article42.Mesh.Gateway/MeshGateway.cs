using System.Security.Cryptography;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Polly;

namespace Article42.Mesh.Gateway;

/// <summary>
/// A national gateway's connection to the mesh, as one participant: sends signed messages until the mesh holds them
/// (<see cref="SendAsync"/>), hands each inbox message to the application once (<see cref="ReceiveAsync"/>),
/// acknowledges them with the receipts their senders asked for (<see cref="AckAsync(InboxMessage, CancellationToken)"/>),
/// and reports what became of what it sent (<see cref="EventsAsync"/>). Sessions are opened from a signed challenge,
/// renewed at half their lifetime (the renewal is the gateway's heartbeat) and re-opened by themselves after a failover
/// or reconnect, with the inbox fetched again and the doorbell subscribed again. Thread-safe; one per participant.
/// </summary>
public sealed partial class MeshGateway : IAsyncDisposable
{
    private readonly MeshGatewayOptions _options;
    private readonly ClientLink _link;
    private readonly List<ECDsa> _ownedKeys = [];
    private readonly HeldRegistry? _registry;
    private ECDsa _key;
    private TaskCompletionSource _keyReloaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _sendsAwaitingKeyReload;
    private readonly GrainCalls _calls;
    private readonly MeshSession _sending;
    private readonly MeshSession _consuming;
    private readonly HandedLog _handed;
    private readonly ReportCursor _cursor;
    private readonly Wakeup _inboxWakeup = new();
    private readonly Wakeup _reportsWakeup = new();
    private readonly Doorbell _doorbell;
    private readonly Channel<PendingEvent> _events = Channel.CreateUnbounded<PendingEvent>();
    private readonly ResiliencePipeline _retry;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _starting = new();
    private readonly List<Task> _background = [];
    private IInboxDoorbell? _doorbellReference;
    private InboxPump? _pump;
    private bool _reportsStarted;
    private int _replacing;
    private Task _replacement = Task.CompletedTask;

    private MeshGateway(ClientLink link, MeshGatewayOptions options)
    {
        Validate(options);
        _options = options;
        _link = link;
        _key = options.PrivateKey ?? Owned(ParticipantKeys.LoadPrivateKey(Path.Combine(options.TrustStoreDirectory!, $"{options.Participant}.pem")));
        if (options.VerifyReceived && (options.OperatorPublicKey ?? OperatorKeyOf(options.TrustStoreDirectory)) is { } operatorKey)
            _registry = new HeldRegistry(operatorKey);
        _calls = new GrainCalls(options.CallTimeout, options.TimeProvider) { OnDeaf = OnDeaf };
        _sending = new MeshSession(() => _link.Grain, () => Volatile.Read(ref _key), consuming: false, _calls, options.TimeProvider);
        _consuming = new MeshSession(() => _link.Grain, () => Volatile.Read(ref _key), consuming: true, _calls, options.TimeProvider)
        {
            OnOpened = SubscribeAsync,
            OnRenewed = SubscribeAsync,
        };
        _handed = options.StateDirectory is { } state ? HandedLog.Open(state) : HandedLog.InMemory();
        _cursor = ReportCursor.Open(options.StateDirectory);
        _doorbell = new Doorbell(_inboxWakeup);
        _retry = GatewayRetry.Create(options);
        _background.Add(_sending.RenewLoopAsync(options.RetryMaxDelay, _stopping.Token));
        _background.Add(_consuming.RenewLoopAsync(options.RetryMaxDelay, _stopping.Token));
    }

    /// <summary>The participant this gateway speaks for.</summary>
    public string Participant => _options.Participant;

    /// <summary>How many consuming sessions this gateway has opened: 1 while it never had to re-open one.</summary>
    internal int ConsumingSessionOpens => _consuming.Opens;

    /// <summary>How many times the consuming session was renewed (the heartbeat).</summary>
    internal int ConsumingSessionRenewals => _consuming.Renewals;

    /// <summary>
    /// The version of the operator-signed registry this gateway verified and checks received messages against (issue #21);
    /// null while it holds none (no operator key, <see cref="MeshGatewayOptions.VerifyReceived"/> off, or none read yet).
    /// </summary>
    public long? RegistryVersion => _registry?.Current?.Version;

    /// <summary>How many times the gateway replaced its Orleans client because nothing it sent was answered.</summary>
    internal int ClientReplacements => _link.Replacements;

    /// <summary>
    /// Connects to the mesh through its own Orleans client, to any of the gateway endpoints of
    /// <see cref="MeshGatewayOptions.Connection"/>. Keeps trying, with
    /// backoff, until a gateway answers or <paramref name="cancellation"/> fires.
    /// </summary>
    /// <exception cref="MeshTlsException">A TLS connection cannot work: the mesh refused this gateway's certificate (or its lack of one), the silo's certificate is not from the trusted CA, or only one side speaks TLS.</exception>
    /// <exception cref="CryptographicException">The private key file is not a P-256 key.</exception>
    /// <exception cref="FileNotFoundException">The trust store holds no key for the participant.</exception>
    public static async Task<MeshGateway> ConnectAsync(MeshGatewayOptions options, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        MeshGateway? gateway = null;
        Task<IHost> StartClientAsync(CancellationToken token) => MeshClientBuilder.StartAsync(options.ClientOptions(), client =>
        {
            // A lost or recovered connection makes the gateway re-open its session and fetch again.
            client.AddClusterConnectionLostHandler((_, _) => gateway?.OnConnectionChanged());
            client.AddGatewayCountChangedHandler((_, e) =>
            {
                if (e.ConnectionRecovered)
                    gateway?.OnConnectionChanged();
            });
        }, token);
        var host = await StartClientAsync(cancellation).ConfigureAwait(false);
        try
        {
            var link = new ClientLink(host.Services.GetRequiredService<IClusterClient>(), host, options.Participant, StartClientAsync);
            return gateway = new MeshGateway(link, options);
        }
        catch
        {
            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
            host.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A gateway over an Orleans client the caller owns and keeps connected (an in-process test cluster, a host that
    /// embeds the gateway). Disposing the gateway leaves the client alone.
    /// </summary>
    public static MeshGateway Attach(IClusterClient client, MeshGatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        return new MeshGateway(new ClientLink(client, host: null, options.Participant, connect: null), options);
    }

    /// <summary>
    /// A new, unsigned envelope of <paramref name="kind"/> from this participant to <paramref name="toAction"/>, with the
    /// kind's default precedence and a template body to replace (<c>draft with { Payload = ... }</c>).
    /// </summary>
    public Envelope Draft(MessageKind kind, params string[] toAction) =>
        EnvelopeSkeleton.Build(new SkeletonRequest(kind, Participant, [.. toAction], []), _options.TimeProvider.GetUtcNow());

    /// <summary>Stops fetching and renewing; what the application was handed stays handed (see <see cref="MeshGatewayOptions.StateDirectory"/>).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
            return;
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            Task[] background;
            lock (_starting)
                background = [.. _background, _replacement];
            await Task.WhenAll(background).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException || Transient.Is(ex))
        {
            // Stopping: loops end by cancellation.
        }
        if (_doorbellReference is not null)
            _link.Grains.DeleteObjectReference<IInboxDoorbell>(_doorbellReference);
        _events.Writer.TryComplete();
        _sending.Dispose();
        _consuming.Dispose();
        _handed.Dispose();
        await _link.StopAsync().ConfigureAwait(false);
        _registry?.Dispose();
        lock (_ownedKeys)
            _ownedKeys.ForEach(k => k.Dispose());
        _stopping.Dispose();
    }

    /// <summary>Drops the consuming session as a reconnect does (tests).</summary>
    internal void ReopenConsumingSession() => OnConnectionChanged();

    private void OnConnectionChanged()
    {
        // Reconnected (or lost): the next fetch opens a new consuming session, which re-hands everything unacknowledged
        // and re-subscribes the doorbell; what the application already has is filtered out.
        _consuming.InvalidateCurrent();
        _inboxWakeup.Set();
    }

    private void OnDeaf()
    {
        // Nothing sent is answered while the connection looks open: the silo holds this client as disconnected (a late
        // connection from a cut was recorded after the live one, then reset; docs/gateway-sdk.md "After a connection
        // cut"). Orleans' client never notices, so the gateway starts a new one. A client the caller owns is left alone.
        if (!_link.CanReplace || Interlocked.Exchange(ref _replacing, 1) == 1)
            return;
        lock (_starting)
        {
            if (_stopping.IsCancellationRequested)
                return;
            using (ExecutionContext.SuppressFlow())
                _replacement = Task.Run(ReplaceClientAsync);
        }
    }

    private async Task ReplaceClientAsync()
    {
        try
        {
            await _link.ReplaceAsync(_stopping.Token).ConfigureAwait(false);
            lock (_starting)
            {
                // The doorbell is an object of the client: the new client needs its own reference, subscribed on the next open.
                if (_pump is not null)
                    _doorbellReference = _link.Grains.CreateObjectReference<IInboxDoorbell>(_doorbell);
            }
            OnConnectionChanged();
        }
        catch (Exception ex) when (ex is OperationCanceledException or MeshTlsException || Transient.Is(ex))
        {
            // Stopping, or no new client now: the next calls that go unanswered try again.
        }
        finally
        {
            Volatile.Write(ref _replacing, 0);
        }
    }

    private async Task SubscribeAsync(string token, CancellationToken cancellation)
    {
        if (_doorbellReference is not { } doorbell)
            return;
        try
        {
            await _calls.Bounded(_link.Grain.SubscribeAsync(token, doorbell), cancellation).ConfigureAwait(false);
        }
        catch (Exception ex) when (Transient.Is(ex))
        {
            // The doorbell is a hint; the poll interval still brings every message.
        }
        _inboxWakeup.Set();
    }

    private static void Validate(MeshGatewayOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Participant))
            throw new ArgumentException("a gateway needs its participant id", nameof(options));
        if (options.PrivateKey is null && options.TrustStoreDirectory is null)
            throw new ArgumentException("a gateway needs its private key, or a trust store directory holding it", nameof(options));
        if (options.CallTimeout <= TimeSpan.Zero || options.SendDeadline <= TimeSpan.Zero || options.PollInterval <= TimeSpan.Zero
            || options.ReportPollInterval <= TimeSpan.Zero || options.RegistryPollInterval <= TimeSpan.Zero || options.RetryBaseDelay <= TimeSpan.Zero || options.RetryMaxDelay < options.RetryBaseDelay)
            throw new ArgumentException("timeouts, intervals and retry delays must be positive", nameof(options));
        if (options.KeyReloadWait < TimeSpan.Zero)
            throw new ArgumentException("the key reload wait cannot be negative", nameof(options));
        if (options.FetchBatch < 1 || options.BufferCapacity < 1)
            throw new ArgumentException("the fetch batch and buffer capacity must be at least 1", nameof(options));
        if (options.Connection is null || options.Connection.Endpoints.Count == 0)
            throw new ArgumentException("a gateway needs at least one gateway endpoint of the mesh (Connection.Endpoints)", nameof(options));
        if (options.Connection.Tls is { } tls)
            ClientTls.Check(tls);
    }
}
