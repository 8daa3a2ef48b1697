namespace Article42.Mesh.Protocol;

/// <summary>What <c>a42 status</c> shows: the silos, every participant's gateway and inbox, open activations.</summary>
[GenerateSerializer, Immutable, Alias("a42.mesh-status")]
public sealed record MeshStatus(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] ImmutableArray<SiloSummary> Silos,
    [property: Id(2)] ImmutableArray<ParticipantStatus> Participants,
    [property: Id(3)] ImmutableArray<ActivationStatus> Activations)
{
    /// <summary>True when the silos apply different registry versions (issue #21), or a silo could not say which.</summary>
    public bool RegistryVersionsDiffer => Silos.Select(s => s.RegistryVersion).Distinct().Count() > 1 || Silos.Any(s => s.RegistryVersion is null);
}

/// <summary>One silo of the cluster as its membership sees it, and the registry version it applies (null: it could not say).</summary>
[GenerateSerializer, Immutable, Alias("a42.silo-summary")]
public sealed record SiloSummary(
    [property: Id(0)] string Address,
    [property: Id(1)] string Name,
    [property: Id(2)] string Status,
    [property: Id(3)] DateTimeOffset StartedAt,
    [property: Id(4)] long? RegistryVersion = null);

/// <summary>
/// One participant: whether a gateway holds its consuming session, when a gateway was last seen (session opened,
/// renewed (the heartbeat) or used), its inbox backlog and the age of its oldest unacknowledged message.
/// </summary>
[GenerateSerializer, Immutable, Alias("a42.participant-status")]
public sealed record ParticipantStatus(
    [property: Id(0)] string Participant,
    [property: Id(1)] bool GatewayConnected,
    [property: Id(2)] DateTimeOffset? LastSeen,
    [property: Id(3)] long Backlog,
    [property: Id(4)] TimeSpan? OldestUnacknowledgedAge);

/// <summary>An activation not yet closed; <see cref="Withheld"/> when its high-water label is above the operator's clearance.</summary>
[GenerateSerializer, Immutable, Alias("a42.activation-status")]
public sealed record ActivationStatus(
    [property: Id(0)] string ActivationId,
    [property: Id(1)] bool Withheld,
    [property: Id(2)] ActivationState? State,
    [property: Id(3)] string? Invoker,
    [property: Id(4)] DateTimeOffset? InvokedAt,
    [property: Id(5)] int Breaches);

/// <summary>The status, or why there is none (refused proof).</summary>
[GenerateSerializer, Immutable, Alias("a42.status-outcome")]
public sealed record StatusOutcome([property: Id(0)] MeshStatus? Status, [property: Id(1)] MeshError? Error);
