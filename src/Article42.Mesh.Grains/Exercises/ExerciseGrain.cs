namespace Article42.Mesh.Grains;

/// <summary>
/// Exercise control: keeps the MSEL given at STARTEX and every message the exercise played in its own stream, and
/// judges each expected action met when a message of the expected kind came from the expected actor in time.
/// It also keeps the exercise clock (compression and pauses) the mesh judges the exercise's traffic on.
/// </summary>
public sealed class ExerciseGrain(IMessageJournal journal, MeshClock clock) : Grain, IExerciseGrain
{
    private const string Startex = "startex";
    private const string Observed = "observed";
    private const string Endex = "endex";
    private const string Paused = "paused";
    private const string Resumed = "resumed";
    private readonly List<ExercisePause> _pauses = [];
    private JournalStream _stream = null!;
    private ExercisePlanRecord? _plan;
    private readonly List<ExerciseObservation> _observations = [];
    private bool _ended;
    private LoadOnce? _loaded;

    /// <summary>Nothing is read here: the stream is replayed on the first call (<see cref="LoadedAsync"/>), so an activation a refused call made costs no read.</summary>
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _stream = new JournalStream($"exercise/{this.GetPrimaryKeyString()}", journal, onStale: DeactivateOnIdle);
        return Task.CompletedTask;
    }

    private Task LoadedAsync() => (_loaded ??= new LoadOnce(LoadAsync, DeactivateOnIdle)).EnsureAsync();

    private async Task LoadAsync()
    {
        await _stream.LoadAsync();
        await foreach (var entry in _stream.ReadAfter(0))
        {
            switch (entry.Type)
            {
                case Startex:
                    _plan = RecordJson.Plan(entry.Payload);
                    break;
                case Observed:
                    _observations.Add(RecordJson.Observation(entry.Payload));
                    break;
                case Endex:
                    _ended = true;
                    break;
                case Paused:
                    _pauses.Add(RecordJson.Pause(entry.Payload));
                    break;
                case Resumed when _pauses.Count > 0:
                    _pauses[^1] = RecordJson.Pause(entry.Payload);
                    break;
            }
        }
    }

    public async ValueTask StartexAsync(ExercisePlanRecord plan)
    {
        await LoadedAsync();
        if (_plan is not null)
            return;
        await _stream.AppendAsync(_ => ([new JournalEntry(Startex, RecordJson.Encode(plan))], []));
        _plan = plan;
    }

    public async ValueTask ObserveAsync(ExerciseObservation observation)
    {
        await LoadedAsync();
        // A runner that asks again after a lost answer records the message once.
        if (_observations.Exists(o => o.Ref == observation.Ref && o.MessageId == observation.MessageId))
            return;
        await _stream.AppendAsync(_ => ([new JournalEntry(Observed, RecordJson.Encode(observation), observation.MessageId)], []));
        _observations.Add(observation);
    }

    public async ValueTask<ExerciseStatus> EndexAsync()
    {
        await LoadedAsync();
        if (!_ended)
            await _stream.AppendAsync(_ => ([new JournalEntry(Endex, [])], []));
        _ended = true;
        return Status();
    }

    public async ValueTask<ExerciseStatus?> StatusAsync()
    {
        await LoadedAsync();
        return _plan is null ? null : Status();
    }

    public async ValueTask<ExerciseClock?> ClockAsync()
    {
        await LoadedAsync();
        return _plan is null ? null : new ExerciseClock(_plan.Compression, [.. _pauses]);
    }

    public async ValueTask PauseAsync()
    {
        await LoadedAsync();
        // A pause of an exercise never started, already paused, or ended changes nothing; the pauses kept are bounded.
        if (_plan is null || _ended || IsPaused || _pauses.Count >= ExerciseClock.MaxPauses)
            return;
        var pause = new ExercisePause(clock.Time.GetUtcNow(), null);
        await _stream.AppendAsync(_ => ([new JournalEntry(Paused, RecordJson.Encode(pause))], []));
        _pauses.Add(pause);
    }

    public async ValueTask ResumeAsync()
    {
        await LoadedAsync();
        if (!IsPaused)
            return;
        var ended = _pauses[^1] with { Until = clock.Time.GetUtcNow() };
        await _stream.AppendAsync(_ => ([new JournalEntry(Resumed, RecordJson.Encode(ended))], []));
        _pauses[^1] = ended;
    }

    private bool IsPaused => _pauses.Count > 0 && _pauses[^1].Until is null;

    private ExerciseStatus Status()
    {
        var injects = _plan?.Injects ?? [];
        var played = injects.Count(i => _observations.Exists(o => o.InjectId == i.Id && o.RefusalCode is null));
        var judged = injects.SelectMany(i => i.Expected.Select(e => (e.Id, Met: Met(i, e)))).ToList();
        return new ExerciseStatus(
            _plan?.ExerciseId ?? this.GetPrimaryKeyString(), _ended, played, injects.Length, _observations.Count,
            [.. judged.Where(j => j.Met).Select(j => j.Id)],
            [.. judged.Where(j => !j.Met).Select(j => j.Id)]);
    }

    /// <summary>An accepted message of the expected kind, from the expected actor, between the inject and its deadline.</summary>
    private bool Met(PlannedInject inject, ExpectedResponse expected) =>
        _observations.Exists(o => o.RefusalCode is null && o.Kind == expected.Kind
            && (expected.Actor is null || o.From == expected.Actor)
            && o.At >= inject.At && o.At <= inject.At + expected.Within);
}
