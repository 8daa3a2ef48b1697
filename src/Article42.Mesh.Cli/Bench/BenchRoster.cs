using Article42.Mesh.Protocol;

namespace Article42.Mesh.Cli.Bench;

/// <summary>
/// Who plays in a bench run: the first <c>--senders</c> of the chosen bench participants send, the next
/// <c>--receivers</c> receive. Only bench participants (<see cref="BenchParticipants"/>) are ever spoken for, so a run
/// never puts a message in a real participant's inbox.
/// </summary>
public sealed record BenchRoster(ImmutableArray<string> Senders, ImmutableArray<string> Receivers)
{
    private const string Option = "--participants";

    public IEnumerable<string> All => Senders.Concat(Receivers);

    /// <summary>
    /// The roster from <paramref name="chosen"/> (<c>--participants</c>), else from every bench participant of the
    /// trust store that has its private key there; refuses any other participant (A42-BENCH-004) and too few (A42-BENCH-005).
    /// </summary>
    public static BenchRoster Choose(TrustStore store, ImmutableArray<string> chosen, int senders, int receivers)
    {
        foreach (var id in chosen)
        {
            if (!BenchParticipants.Is(store.Registry.Find(id)))
                throw new CliException(CliErrorCodes.NotBenchParticipant, Option,
                    $"'{id}' is not a bench participant: a42 bench speaks only for participants of kind bench ({BenchParticipants.Id(1)}, {BenchParticipants.Id(2)}, ...), so that it never fills a real inbox; 'a42 keys init --bench N' adds them");
        }
        var ids = chosen.IsEmpty
            ? [.. store.Registry.Participants.Where(p => BenchParticipants.Is(p) && File.Exists(store.PrivateKeyPath(p.Id))).Select(p => p.Id)]
            : chosen.Distinct(StringComparer.Ordinal).ToList();
        var needed = senders + receivers;
        if (ids.Count < needed)
            throw new CliException(CliErrorCodes.TooFewBenchParticipants, chosen.IsEmpty ? store.Directory : Option,
                $"{senders} senders and {receivers} receivers need {needed} bench participants, and {(chosen.IsEmpty ? "the trust store holds" : "--participants names")} {ids.Count}; add them with 'a42 keys init --bench {needed}' (then restart the mesh with the new registry)");
        return new BenchRoster([.. ids.Take(senders)], [.. ids.Skip(senders).Take(receivers)]);
    }
}
