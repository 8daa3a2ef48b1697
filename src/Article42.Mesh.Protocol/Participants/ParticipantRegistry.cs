using System.Text.RegularExpressions;

namespace Article42.Mesh.Protocol;

/// <summary>
/// The configured participants: who exists, their kind, public key and accreditation ceiling. Everything that
/// validates takes a registry; there is no built-in list anywhere else. A default registry ships with the library.
/// </summary>
public sealed partial class ParticipantRegistry
{
    private readonly ImmutableDictionary<string, Participant> _byId;

    /// <summary>Builds a registry; throws <see cref="RegistryException"/> naming the first fault.</summary>
    /// <param name="participants">Every participant, in registry order.</param>
    /// <param name="source">Where the registry comes from, for the messages.</param>
    /// <param name="version">The registry document's version (0: unversioned, from before issue #21).</param>
    /// <param name="issuedAt">When the operator issued that version; null for an unversioned registry.</param>
    public ParticipantRegistry(IEnumerable<Participant> participants, string source = "registry", long version = 0, DateTimeOffset? issuedAt = null)
    {
        if (version < 0)
            throw new RegistryException($"{source}: $.version: {version} is not a version (0 or more)");
        Version = version;
        IssuedAt = issuedAt;
        Participants = [.. participants];
        var byId = ImmutableDictionary.CreateBuilder<string, Participant>(StringComparer.Ordinal);
        for (var i = 0; i < Participants.Length; i++)
        {
            var participant = Participants[i];
            var at = $"{source}: $.participants[{i}]";
            if (!IsWellFormedId(participant.Id))
                throw new RegistryException($"{at}.id: '{participant.Id}' is not a participant id ([A-Z][A-Z0-9-]{{1,15}})");
            if (ParticipantGroups.IsGroup(participant.Id))
                throw new RegistryException($"{at}.id: '{participant.Id}' is a group name and cannot be a participant");
            if (BenchParticipants.HasReservedId(participant) != (participant.Kind == ParticipantKind.Bench))
                throw new RegistryException($"{at}: ids starting '{BenchParticipants.IdPrefix}' are reserved for participants of kind bench, and a bench participant's id starts with it ('{participant.Id}')");
            if (!byId.TryAdd(participant.Id, participant))
                throw new RegistryException($"{at}.id: '{participant.Id}' appears twice");
            if (participant.PublicKey is { } key && !ParticipantKeys.IsValidPublicKey(key))
                throw new RegistryException($"{at}.public_key: not a base64 ECDSA P-256 public key (SubjectPublicKeyInfo)");
            FormerKeyChecks.Check(participant, at);
        }
        _byId = byId.ToImmutable();
        MemberStates = [.. Participants.Where(p => p.Kind == ParticipantKind.MemberState).Select(p => p.Id)];
        EuBodies = [.. Participants.Where(p => p.Kind == ParticipantKind.EuBody).Select(p => p.Id)];
    }

    /// <summary>Every participant, in registry order.</summary>
    public ImmutableArray<Participant> Participants { get; }
    /// <summary>The version of the registry document this registry was read from (0: unversioned).</summary>
    public long Version { get; }
    /// <summary>When the operator issued <see cref="Version"/>; null for an unversioned registry.</summary>
    public DateTimeOffset? IssuedAt { get; }
    /// <summary>
    /// The operator's signature of the document this registry was read from (<see cref="FromDocument"/>); null when
    /// that document was unsigned or the registry was built in code. With it, <see cref="RegistryDocuments.SignedOf"/>
    /// gives the document back as signed, for gateways to check (issue #21).
    /// </summary>
    public string? Signature { get; private init; }
    /// <summary>The ids of the member states, in registry order.</summary>
    public ImmutableArray<string> MemberStates { get; }
    /// <summary>The ids of the EU bodies, in registry order.</summary>
    public ImmutableArray<string> EuBodies { get; }

    /// <summary>This registry's public keys, imported once for signature checks.</summary>
    internal VerifyingKeys VerifyingKeys { get; } = new();

    /// <summary>The registry shipped with the library: 27 member states, the EU bodies of docs/design/domain.md §6.2 and EXCON, without keys.</summary>
    public static ParticipantRegistry Default { get; } = LoadDefault();

    /// <summary>True when <paramref name="id"/> is a participant of the registry.</summary>
    public bool Contains(string id) => _byId.ContainsKey(id);

    /// <summary>The participant with id <paramref name="id"/>, or null.</summary>
    public Participant? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>True for a syntactically valid participant id (docs/design/domain.md §6.1).</summary>
    public static bool IsWellFormedId(string? id) => id is not null && IdPattern().IsMatch(id);

    /// <summary>
    /// Expands groups into participant ids, in registry order, without duplicates and without the sender.
    /// Unknown names are kept as given, so the caller can report them per recipient.
    /// </summary>
    public ImmutableArray<string> Expand(IEnumerable<string> addressees, string sender)
    {
        var result = new List<string>();
        foreach (var name in addressees)
        {
            IEnumerable<string> members = name switch
            {
                ParticipantGroups.AllMemberStates => MemberStates,
                ParticipantGroups.EuBodies => EuBodies,
                ParticipantGroups.All => MemberStates.Concat(EuBodies),
                _ => [name],
            };
            result.AddRange(members.Where(id => id != sender && !result.Contains(id)));
        }
        return [.. result];
    }

    /// <summary>
    /// Parses a registry document strictly, without checking its signature: for the operator's own files. What comes
    /// from the mesh is read with <see cref="RegistryDocuments.Verify"/>.
    /// </summary>
    public static ParticipantRegistry Parse(ReadOnlyMemory<byte> utf8, string source)
    {
        var result = StrictJson.Decode(utf8, MeshJsonContext.Default.RegistryDocument);
        return result is { IsSuccess: true, Value: { } document }
            ? FromDocument(document, source)
            : throw new RegistryException($"{source}: {result.Errors[0]}");
    }

    /// <summary>The registry of a decoded document; throws <see cref="RegistryException"/> naming the first fault.</summary>
    public static ParticipantRegistry FromDocument(RegistryDocument document, string source)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new ParticipantRegistry(document.Participants, source, document.Version ?? 0, document.IssuedAt) { Signature = document.Signature };
    }

    /// <summary>This registry as an unsigned document (sign it with <see cref="RegistryDocuments.Sign"/>).</summary>
    public RegistryDocument ToDocument() =>
        new() { Version = Version == 0 ? null : Version, IssuedAt = IssuedAt, Participants = Participants };

    /// <summary>The next version of this registry: <paramref name="participants"/>, issued at <paramref name="now"/>.</summary>
    public ParticipantRegistry Next(IEnumerable<Participant> participants, DateTimeOffset now) =>
        new(participants, "next registry", Version + 1, UtcMillisecondsConverter.Normalize(now));

    /// <summary>Loads a registry file.</summary>
    public static ParticipantRegistry Load(string path)
    {
        if (!File.Exists(path))
            throw new RegistryException($"{path}: no such registry file (create one with 'a42 keys init')");
        return Parse(File.ReadAllBytes(path), path);
    }

    /// <summary>The registry document of this registry, unsigned, e.g. to write it with keys filled in.</summary>
    public string ToJson() => RegistryDocuments.ToJson(ToDocument());

    private static ParticipantRegistry LoadDefault()
    {
        using var stream = typeof(ParticipantRegistry).Assembly.GetManifestResourceStream("Article42.Mesh.Protocol.default-registry.json")!;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Parse(buffer.ToArray(), "default registry");
    }

    [GeneratedRegex("^[A-Z][A-Z0-9-]{1,15}\\z")]
    private static partial Regex IdPattern();
}
