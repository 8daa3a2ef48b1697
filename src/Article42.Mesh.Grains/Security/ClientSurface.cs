using System.Collections.Frozen;
using System.Reflection;
using Orleans.Serialization.Invocation;

namespace Article42.Mesh.Grains;

/// <summary>
/// The client surface: every grain method a call without the cluster secret may reach, whatever source it claims
/// (docs/operations/security.md, "The client surface"). The one list: the filter decides from it and the docs show it.
/// Anything not on it is refused with <see cref="ErrorCodes.OutsideClientSurface"/>, including interfaces added later.
/// </summary>
public static class ClientSurface
{
    /// <summary>The Orleans system target a client runtime asks for the cluster's grain types (internal to Orleans, so named).</summary>
    public const string ClusterManifestSystemTarget = "Orleans.Runtime.IClusterManifestSystemTarget";

    /// <summary>Every method a client may call, with why.</summary>
    public static readonly IReadOnlyList<ClientSurfaceEntry> Entries =
    [
        Participant(nameof(IParticipantGrain.ChallengeAsync), "a gateway asks for a nonce to sign before it opens a session"),
        Participant(nameof(IParticipantGrain.OpenSessionAsync), "a gateway opens its session with the signed nonce"),
        Participant(nameof(IParticipantGrain.RenewSessionAsync), "a gateway keeps its session alive"),
        Participant(nameof(IParticipantGrain.SubmitAsync), "a gateway sends a message (session token required)"),
        Participant(nameof(IParticipantGrain.FetchAsync), "a consuming gateway reads its inbox (session token required)"),
        Participant(nameof(IParticipantGrain.AcknowledgeAsync), "a consuming gateway acknowledges what it processed (session token required)"),
        Participant(nameof(IParticipantGrain.ReportsAsync), "a gateway reads the delivery reports of what it sent (session token required)"),
        Participant(nameof(IParticipantGrain.SubscribeAsync), "a consuming gateway hands the grain its inbox doorbell (session token required)"),
        Participant(nameof(IParticipantGrain.RegistryKeysAsync), "a gateway learns the registry's public keys and their ids to verify what it receives (session token required)"),
        Participant(nameof(IParticipantGrain.RegistryDocumentAsync), "a gateway learns the operator-signed registry document, to check it against the operator key and verify what it receives (session token required)"),
        Participant(nameof(IParticipantGrain.SubmitSignedAsync), "a gateway sends a message as its signed canonical bytes (session token required; issue #18)"),
        Admin(nameof(IAdminGrain.TraceAsync), "a42 trace (operator key required)"),
        Admin(nameof(IAdminGrain.StatusAsync), "a42 status (operator key required)"),
        Admin(nameof(IAdminGrain.RegistryAsync), "a42 keys rotate, revoke and ceiling read the registry the mesh holds (operator key required)"),
        Admin(nameof(IAdminGrain.PublishRegistryAsync), "a42 keys rotate, revoke and ceiling publish the next registry version (operator key required, its proof covers the document)"),
        Admin(nameof(IAdminGrain.StartexAsync), "a42 exercise run starts an exercise with its plan (operator key required, its proof covers the plan)"),
        Admin(nameof(IAdminGrain.ObserveAsync), "a42 exercise run tells exercise control each message it played (operator key required, its proof covers the observation)"),
        Admin(nameof(IAdminGrain.PauseExerciseAsync), "PAUSEEX of an exercise (operator key required)"),
        Admin(nameof(IAdminGrain.ResumeExerciseAsync), "RESUMEEX of an exercise (operator key required)"),
        Admin(nameof(IAdminGrain.EndexAsync), "a42 exercise run ends an exercise (operator key required)"),
        Admin(nameof(IAdminGrain.ExerciseStatusAsync), "a42 exercise run reads where an exercise stands (operator key required)"),
        Admin(nameof(IAdminGrain.ExerciseClockAsync), "the clock the mesh judges an exercise's traffic on (operator key required)"),
        Admin(nameof(IAdminGrain.ActivationSummaryAsync), "a42 exercise run reads the figures of its activations for the report (operator key required)"),
        new(ClusterManifestSystemTarget, "GetClusterManifestUpdate",
            "the Orleans client runtime (ClientClusterManifestProvider) polls its gateway for the cluster's grain types and silos; without it a client cannot address any grain"),
        new(ClusterManifestSystemTarget, "GetClusterManifest",
            "the same client runtime's fallback when GetClusterManifestUpdate fails"),
    ];

    /// <summary>The operators' one admin activation (<c>MeshOperator</c> calls key 0): other keys would each keep an audit limiter.</summary>
    public const long AdminKey = 0;

    private static readonly FrozenDictionary<string, ClientSurfaceEntry> Allowed = Entries.ToFrozenDictionary(e => e.Name, StringComparer.Ordinal);

    /// <summary>Whether a call without the cluster secret may reach <paramref name="method"/> (an interface method) on <paramref name="target"/>.</summary>
    public static bool Allows(MethodInfo? method, GrainId target) =>
        method is not null && Allowed.TryGetValue(NameOf(method), out var entry)
        && (entry.OnlyKey is not { } only || (target.TryGetIntegerKey(out var key, out var extension) && key == only && extension is null));

    /// <summary>
    /// A grain or system-target timer's tick: Orleans delivers it to its own activation as a message through the same
    /// filters, with no request context. Its invoker is a private class nested in Orleans' <c>GrainTimer</c>, with no
    /// codec, so it never comes off the wire: no client can send one.
    /// </summary>
    public static bool IsTimerTick(IInvokable request) => request?.GetType().DeclaringType?.FullName == "Orleans.Runtime.GrainTimer";

    /// <summary><c>Namespace.Interface.Method</c>, the name an entry is matched by.</summary>
    public static string NameOf(MethodInfo method) => $"{method.DeclaringType?.FullName}.{method.Name}";

    /// <summary>The refusal of a call to <paramref name="method"/> without the cluster secret.</summary>
    public static MeshError Refusal(MethodInfo? method)
    {
        var path = method is null ? "unknown method" : $"{method.DeclaringType?.Name}.{method.Name}";
        return new MeshError(ErrorCodes.OutsideClientSurface, path,
            "outside the client surface: a client may call only its participant's gateway methods and the operator methods");
    }

    private static ClientSurfaceEntry Participant(string method, string why) => new(typeof(IParticipantGrain).FullName!, method, why);

    private static ClientSurfaceEntry Admin(string method, string why) => new(typeof(IAdminGrain).FullName!, method, why, AdminKey);
}
