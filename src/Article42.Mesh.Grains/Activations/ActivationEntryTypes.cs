namespace Article42.Mesh.Grains;

/// <summary>Entry types of an activation's stream.</summary>
internal static class ActivationEntryTypes
{
    /// <summary>A legal message, recorded; payload: the envelope.</summary>
    public const string Recorded = "recorded";
    /// <summary>A message refused by a rule; payload: <see cref="RefusalRecord"/>.</summary>
    public const string Refused = "refused";
    /// <summary>A receipt SLO breach; payload: <see cref="SloBreach"/>.</summary>
    public const string Breach = "breach";
}
