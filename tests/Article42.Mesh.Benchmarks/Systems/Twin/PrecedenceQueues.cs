namespace Article42.Mesh.Benchmarks.Systems.Twin;

/// <summary>One FIFO per precedence, taken highest precedence first: the order the mesh keeps in its outboxes and inboxes.</summary>
internal sealed class PrecedenceQueues
{
    private readonly Queue<RawMessage>[] _queues = [.. Enumerable.Range(0, (int)Precedence.Override + 1).Select(_ => new Queue<RawMessage>())];

    public int Count { get; private set; }

    public void Enqueue(RawMessage message)
    {
        _queues[(int)message.Precedence].Enqueue(message);
        Count++;
    }

    public ImmutableArray<RawMessage> Take(int max)
    {
        var taken = ImmutableArray.CreateBuilder<RawMessage>(Math.Min(max, Count));
        for (var p = _queues.Length - 1; p >= 0 && taken.Count < max; p--)
        {
            while (taken.Count < max && _queues[p].TryDequeue(out var message))
                taken.Add(message);
        }
        Count -= taken.Count;
        return taken.MoveToImmutable();
    }
}
