namespace Article42.Mesh.Grains;

/// <summary>What entitles a sender to FLASH or OVERRIDE above a kind's own precedence (docs/design/domain.md §8.5, "who may use").</summary>
internal enum PrecedenceRole
{
    /// <summary>Any participant: only the kinds whose own precedence is FLASH or OVERRIDE.</summary>
    Participant,
    /// <summary>The invoking state of the open activation the message names: any kind of that activation.</summary>
    Invoker,
    /// <summary>A participant the configuration names (heads of state or government, the HR/VP): any kind.</summary>
    Authority,
}
