namespace Article42.Mesh.Exercises;

/// <summary>
/// The planned engine: the simulation as a discrete-event run on the scenario clock, decided in advance. Messages are
/// taken in time order and every recipient a perfect mesh reaches decides at once (<see cref="PlayerDecisions"/>):
/// delivery is taken as instant. The runner waits for the real arrival of an action's trigger before performing it.
/// </summary>
internal sealed class Planner(Scenario scenario, int seed)
{
    private readonly PriorityQueue<PlannedAction, (TimeSpan, string)> _queue = new();
    private readonly List<PlannedAction> _done = [];
    private readonly HashSet<string> _refs = new(StringComparer.Ordinal);
    private readonly PlayerDecisions _players = new(scenario, seed);

    public ImmutableArray<PlannedAction> Run()
    {
        foreach (var action in _players.Opening())
            Enqueue(action);
        while (_queue.TryDequeue(out var action, out _))
        {
            _done.Add(action);
            if (action.Type != PlannedActionType.Send)
                continue;
            // An offline gateway never fetches; a label above the recipient's ceiling is never delivered (NDR).
            foreach (var recipient in _players.Recipients(action).Where(r => _players.Reaches(action, r)))
            {
                foreach (var reaction in _players.Arrived(action, recipient, action.At))
                    Enqueue(reaction);
            }
        }
        return [.. _done.OrderBy(a => a.At).ThenBy(a => a.Ref, StringComparer.Ordinal).Select((a, i) => a with { Sequence = i })];
    }

    private void Enqueue(PlannedAction action)
    {
        // Reactions that would fall after ENDEX never happen; a ref is planned once.
        if (action.At > scenario.Endex || !_refs.Add(action.Ref))
            return;
        _queue.Enqueue(action, (action.At, action.Ref));
    }
}
