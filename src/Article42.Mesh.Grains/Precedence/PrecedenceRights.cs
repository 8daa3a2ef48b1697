namespace Article42.Mesh.Grains;

/// <summary>
/// Who may send what at FLASH or OVERRIDE (docs/design/domain.md §8.5): a kind at its own precedence, whatever it is
/// (INVOCATION and INCIDENT_REPORT at FLASH, REAL_WORLD at OVERRIDE), from any participant; anything above its own
/// precedence at FLASH or OVERRIDE only for a role that grants it. Pure: the grain finds the role, this decides.
/// </summary>
internal sealed class PrecedenceRights(IReadOnlySet<string> authorities)
{
    /// <summary>The ids named by a comma-separated setting such as <c>Delivery:PrecedenceAuthorities</c>.</summary>
    public static PrecedenceRights From(string authorities) =>
        new(authorities.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal));

    /// <summary>True when the message asks for more urgency than its kind has by itself, so the sender's role matters.</summary>
    public static bool NeedsRole(Envelope envelope) =>
        envelope.PrecedenceAction >= Precedence.Flash && envelope.PrecedenceAction > MessageCatalogue.Of(envelope.Kind).DefaultPrecedence;

    /// <summary>The role a sender holds by configuration alone; <see cref="PrecedenceRole.Invoker"/> needs the activation, which the caller asks.</summary>
    public bool IsAuthority(string sender) => authorities.Contains(sender);

    /// <summary>Null when <paramref name="role"/> may send <paramref name="envelope"/> at its precedence; else the refusal, naming kind, precedence and role.</summary>
    public static MeshError? Judge(Envelope envelope, PrecedenceRole role) =>
        !NeedsRole(envelope) || role != PrecedenceRole.Participant
            ? null
            : new MeshError(ErrorCodes.PrecedenceNotGranted, "$.precedence_action",
                $"{EnvelopeCodec.WireName(envelope.Kind)} at {EnvelopeCodec.WireName(envelope.PrecedenceAction)} needs a precedence right that '{ValidationContext.Truncate(envelope.From)}' (role: participant) does not hold: " +
                $"only the invoking state of its open activation or a configured authority may send it above {EnvelopeCodec.WireName(MessageCatalogue.Of(envelope.Kind).DefaultPrecedence)}");
}
