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
}
