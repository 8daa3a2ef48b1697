namespace Article42.Mesh.Exercises;

/// <summary>
/// When a participant's desk is staffed, in its own time zone: from <see cref="Start"/> to <see cref="End"/> local time
/// (an overnight shift when the end is before the start). A message that arrives off duty waits for the next start.
/// </summary>
/// <param name="Start">Local time of day the duty starts.</param>
/// <param name="End">Local time of day it ends.</param>
/// <param name="UtcOffset">The time zone: local time minus UTC.</param>
public sealed record DutyHours(TimeSpan Start, TimeSpan End, TimeSpan UtcOffset)
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    /// <summary>How long something arriving at <paramref name="utc"/> waits for the duty to start; zero on duty.</summary>
    public TimeSpan WaitFrom(DateTimeOffset utc)
    {
        var local = (utc + UtcOffset).TimeOfDay;
        var onDuty = Start <= End ? local >= Start && local < End : local >= Start || local < End;
        return onDuty ? TimeSpan.Zero : TimeSpan.FromTicks((Start - local + Day).Ticks % Day.Ticks);
    }
}
