using System.Net;

namespace Article42.Mesh.Protocol;

/// <summary>
/// The defaults a silo and the clients that reach it must agree on, spelled once: a silo started without flags
/// and a gateway, operator or <c>a42</c> command started without options find each other through these.
/// The journal's PostgreSQL schema is the journal's own default (<c>PostgresJournalOptions.DefaultSchema</c> in
/// Storage, which references nothing).
/// </summary>
public static class MeshDefaults
{
    /// <summary>The Orleans cluster id (<c>Cluster:ClusterId</c>).</summary>
    public const string ClusterId = "a42";

    /// <summary>The Orleans service id (<c>Cluster:ServiceId</c>).</summary>
    public const string ServiceId = "article42-mesh";

    /// <summary>The port silos talk to each other on (<c>Cluster:SiloPort</c>).</summary>
    public const int SiloPort = 11111;

    /// <summary>The port gateways and operator tools connect to (<c>Cluster:GatewayPort</c>).</summary>
    public const int GatewayPort = 30000;

    /// <summary>The port of a silo's health, metrics and dashboard endpoints (<c>Http:Port</c>).</summary>
    public const int HttpPort = 8080;

    /// <summary>
    /// FLASH and OVERRIDE submits one sender may make at once (<c>Delivery:UrgentSenderBurst</c>). Urgent traffic has
    /// its own bucket, apart from the ROUTINE rate, so a sender over its ROUTINE rate can still raise the alarm. 60
    /// covers an invoking state's first minutes (an INVOCATION, a few INCIDENT_REPORTs, SITREPs re-sent at FLASH)
    /// with room to spare; the shipped scenarios send at most three urgent messages per sender in an hour.
    /// </summary>
    public const int UrgentSenderBurst = 60;

    /// <summary>
    /// Sustained FLASH and OVERRIDE submits per second per sender (<c>Delivery:UrgentSenderRatePerSecond</c>): 3,600
    /// an hour, far above doctrinal use (FLASH is for initial attack reports, docs/design/domain.md §8.5) and far
    /// below what would fill an inbox's urgent share before its gateway can read it.
    /// </summary>
    public const double UrgentSenderRatePerSecond = 1;

    /// <summary>
    /// Unacknowledged FLASH and OVERRIDE messages one inbox may hold (<c>Delivery:UrgentInboxShare</c>), a tenth of
    /// its default cap of 100,000: every other participant's full urgent burst at once (48 × 60 = 2,880) fits three
    /// times over, while a flood from any number of senders stops here instead of growing the inbox without bound.
    /// </summary>
    public const long UrgentInboxShare = 10_000;

    /// <summary>
    /// Participants who may send any kind at FLASH or OVERRIDE (<c>Delivery:PrecedenceAuthorities</c>, comma
    /// separated): the European Council (heads of state or government) and the High Representative, the "who may use"
    /// column of docs/design/domain.md §8.5. The invoking state of an open activation gets the same right for that
    /// activation's messages without being listed.
    /// </summary>
    public const string PrecedenceAuthorities = "EUCO,HRVP";

    /// <summary>Where a client looks for a silo's gateway when told nothing: this machine, <see cref="GatewayPort"/>.</summary>
    public static IPEndPoint GatewayEndpoint => new(IPAddress.Loopback, GatewayPort);

    /// <summary>
    /// The largest Orleans message body a gateway connection may send (<c>SubmitAsync</c> is the largest request): one
    /// envelope of <see cref="Limits.EnvelopeBytes"/> (256 KiB canonical JSON) as Orleans encodes it (the same strings,
    /// with varint lengths instead of quotes and escapes, and 1-2 byte field tags instead of JSON names: never larger than
    /// the JSON by more than a few bytes per field), plus the session token and the call's own framing, with 64 KiB to
    /// spare. An acknowledge of <c>Delivery:MaxFetch</c> (500) ids of at most <see cref="Limits.ShortText"/> characters
    /// is about 64 KiB; every other gateway call is a few hundred bytes. A frame announcing more is refused before a
    /// byte of its body is buffered (docs/operations/security.md).
    /// </summary>
    public const int GatewayRequestBodyBytes = Limits.EnvelopeBytes + 64 * 1024;

    /// <summary>
    /// The largest Orleans message header a gateway connection may send: fixed fields, two grain ids, the interface
    /// type and the request context a gateway's trace propagation fills (a W3C traceparent and tracestate, well under
    /// 1 KiB); Orleans' own default is 10 MB.
    /// </summary>
    public const int GatewayRequestHeaderBytes = 16 * 1024;

    /// <summary>
    /// The most envelope bytes (canonical JSON, as stored) one silo-to-silo delivery batch or one fetch carries; a batch
    /// stops before the message that would pass it (it always holds at least one, which <see cref="Limits.EnvelopeBytes"/> bounds).
    /// </summary>
    public const int BatchPayloadBytes = 4 * 1024 * 1024;

    /// <summary>
    /// Orleans' body limit on every connection of a silo (<c>MessagingOptions.MaxMessageBodySize</c>; Orleans' default
    /// is 100 MB): the largest legitimate message is a delivery batch or fetch of <see cref="BatchPayloadBytes"/> plus,
    /// per message, its non-payload fields (ids, precedence, sequence: well under 1 KiB each, at most 500 messages).
    /// Twice the batch bound leaves room for all of it.
    /// </summary>
    public const int SiloMessageBodyBytes = 2 * BatchPayloadBytes;

    /// <summary>Orleans' header limit on every connection of a silo (<c>MessagingOptions.MaxMessageHeaderSize</c>; Orleans' default is 10 MB).</summary>
    public const int SiloMessageHeaderBytes = 1024 * 1024;

    /// <summary>
    /// Gateway connections one source address may hold open on one silo (<c>Connections:MaxPerAddress</c>): a national
    /// gateway holds one per silo, its operator tools a few more, and several participants may sit behind one NAT.
    /// </summary>
    public const int GatewayConnectionsPerAddress = 64;

    /// <summary>
    /// Gateway connections one TLS client certificate may hold open on one silo (<c>Connections:MaxPerCertificate</c>):
    /// one per gateway process of that participant, a few processes at most.
    /// </summary>
    public const int GatewayConnectionsPerCertificate = 16;
}
