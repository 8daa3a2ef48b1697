namespace Article42.Mesh.Grains;

/// <summary>
/// The exercise clocks a receipt watch judges exercise and drill traffic on (issue 22), read from each exercise's
/// grain and kept while a receipt of that exercise is awaited. Operation traffic, and traffic of an exercise the
/// mesh was never told about, keeps the real-time deadlines of docs/design/domain.md §8.5.
/// </summary>
internal sealed class ExerciseClocks(Func<string, Task<ExerciseClock?>> read)
{
    private readonly Dictionary<string, ExerciseClock?> _known = new(StringComparer.Ordinal);

    /// <summary>No exercise is known: every deadline is real time (a watch built without the exercise grains).</summary>
    public static ExerciseClocks None => new(_ => Task.FromResult<ExerciseClock?>(null));

    /// <summary>
    /// When the receipt's next deadline falls: on its exercise's clock (the SLO divided by the compression, pauses
    /// added), else in real time. <see cref="DateTimeOffset.MinValue"/> when its clock was not read yet (look now);
    /// null while the exercise is paused (unknown until it resumes).
    /// </summary>
    public DateTimeOffset? Deadline(AwaitedReceipt receipt)
    {
        if (receipt.ExerciseId is not { } exercise || receipt.AcceptedAt is not { } accepted)
            return receipt.NextDeadline;
        if (!_known.TryGetValue(exercise, out var clock))
            return DateTimeOffset.MinValue;
        return clock is null ? receipt.NextDeadline : clock.After(accepted, clock.Scale(receipt.NextDeadline - accepted));
    }

    /// <summary>Whether the cached clock of the receipt's exercise must be read again before judging it (unknown, paused, or due by the cache).</summary>
    public bool MustRead(AwaitedReceipt receipt, DateTimeOffset now) =>
        receipt.ExerciseId is not null && (Deadline(receipt) is not { } deadline || deadline <= now);

    /// <summary>Reads the clocks of <paramref name="exercises"/> again and forgets those no awaited receipt names.</summary>
    public async Task ReadAsync(IEnumerable<string> exercises, IReadOnlySet<string> inUse)
    {
        foreach (var exercise in exercises.Distinct(StringComparer.Ordinal).ToList())
            _known[exercise] = await read(exercise);
        foreach (var forgotten in _known.Keys.Where(k => !inUse.Contains(k)).ToList())
            _known.Remove(forgotten);
    }
}
