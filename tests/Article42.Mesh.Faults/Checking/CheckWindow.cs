namespace Article42.Mesh.Faults.Checking;

/// <summary>
/// When a scenario's faults ended: an accepted message must reach every recipient by
/// <c>max(LastHeal, its acceptance) + Grace</c> (issue 20: "by the last heal + 30 s").
/// </summary>
public sealed record CheckWindow(DateTimeOffset LastHeal, TimeSpan Grace)
{
    public static readonly TimeSpan DefaultGrace = TimeSpan.FromSeconds(30);

    public static CheckWindow After(DateTimeOffset lastHeal) => new(lastHeal, DefaultGrace);

    public DateTimeOffset DueBy(DateTimeOffset accepted) => (accepted > LastHeal ? accepted : LastHeal) + Grace;
}
