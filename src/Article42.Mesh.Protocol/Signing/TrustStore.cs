using System.Security.Cryptography;

namespace Article42.Mesh.Protocol;

/// <summary>
/// A directory holding the participant registry with public keys (<c>registry.json</c>), one private key per
/// participant (<c>&lt;ID&gt;.pem</c>, mode 600) and the operator key (<c>operator.pem</c>, public half in
/// <c>operator.pub</c>). A development convenience: in production each gateway holds only its own key.
/// </summary>
public sealed class TrustStore
{
    /// <summary>The registry file of a store.</summary>
    public const string RegistryFileName = "registry.json";
    /// <summary>The operator key's file name, without extension (<c>operator.pem</c>, <c>operator.pub</c>).</summary>
    public const string OperatorKeyName = "operator";

    private TrustStore(string directory, ParticipantRegistry registry)
    {
        Directory = directory;
        Registry = registry;
    }

    /// <summary>The store's directory.</summary>
    public string Directory { get; }
    /// <summary>The store's registry, with public keys.</summary>
    public ParticipantRegistry Registry { get; }
    /// <summary>The full path of the store's registry file.</summary>
    public string RegistryPath => Path.Combine(Directory, RegistryFileName);

    /// <summary>True when <paramref name="directory"/> already holds a registry.</summary>
    public static bool Exists(string directory) => File.Exists(Path.Combine(directory, RegistryFileName));

    /// <summary>Opens an existing store; throws <see cref="RegistryException"/> when its registry is missing or unusable.</summary>
    public static TrustStore Open(string directory) =>
        new(directory, ParticipantRegistry.Load(Path.Combine(directory, RegistryFileName)));

    /// <summary>
    /// Creates a store for every participant of <paramref name="template"/>: fresh keys, the registry with their
    /// public halves, the operator key. Existing files are replaced.
    /// </summary>
    public static TrustStore Create(string directory, ParticipantRegistry template)
    {
        System.IO.Directory.CreateDirectory(directory);
        var participants = new List<Participant>();
        foreach (var participant in template.Participants)
        {
            using var key = ParticipantKeys.Generate();
            OwnerOnlyFile.Write(Path.Combine(directory, $"{participant.Id}.pem"), ParticipantKeys.PrivateKeyPem(key));
            participants.Add(participant with { PublicKey = ParticipantKeys.PublicKeyOf(key) });
        }
        using var operatorKey = ParticipantKeys.Generate();
        OwnerOnlyFile.Write(Path.Combine(directory, $"{OperatorKeyName}.pem"), ParticipantKeys.PrivateKeyPem(operatorKey));
        File.WriteAllText(Path.Combine(directory, $"{OperatorKeyName}.pub"), operatorKey.ExportSubjectPublicKeyInfoPem());
        // The first registry document is version 1, signed like every update after it (issue #21).
        var registry = new ParticipantRegistry(participants, Path.Combine(directory, RegistryFileName), 1, UtcMillisecondsConverter.Normalize(DateTimeOffset.UtcNow));
        var store = new TrustStore(directory, registry);
        // The store's registry is the document as written, signature included: a silo started on it hands that to gateways.
        return new TrustStore(directory, ParticipantRegistry.FromDocument(store.WriteSigned(registry, operatorKey), store.RegistryPath));
    }

    /// <summary>
    /// Adds the participants of <paramref name="participants"/> that the store does not hold yet (bench participants,
    /// say): a fresh key each, and the registry rewritten with their public halves; what it held is kept as it was.
    /// Throws <see cref="RegistryException"/>, before anything is written, when the registry would not accept them.
    /// </summary>
    /// <returns>The store as it is now, and how many participants were added.</returns>
    public (TrustStore Store, int Added) Add(IEnumerable<Participant> participants)
    {
        var keys = new List<(Participant Participant, string Pem)>();
        foreach (var participant in participants.Where(p => !Registry.Contains(p.Id)))
        {
            using var key = ParticipantKeys.Generate();
            keys.Add((participant with { PublicKey = ParticipantKeys.PublicKeyOf(key) }, ParticipantKeys.PrivateKeyPem(key)));
        }
        if (keys.Count == 0)
            return (this, 0);
        var registry = Registry.Next([.. Registry.Participants, .. keys.Select(k => k.Participant)], DateTimeOffset.UtcNow);
        foreach (var (participant, pem) in keys)
            OwnerOnlyFile.Write(PrivateKeyPath(participant.Id), pem);
        return (new TrustStore(Directory, ParticipantRegistry.FromDocument(Publish(registry), RegistryPath)), keys.Count);
    }

    /// <summary>
    /// Writes <paramref name="registry"/> as the store's <c>registry.json</c>, signed with the store's operator key
    /// when it holds one (<c>operator.pem</c>), unsigned otherwise; returns the document written.
    /// </summary>
    public RegistryDocument Publish(ParticipantRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var operatorPath = PrivateKeyPath(OperatorKeyName);
        if (!File.Exists(operatorPath))
        {
            File.WriteAllText(RegistryPath, registry.ToJson());
            return registry.ToDocument();
        }
        using var operatorKey = ParticipantKeys.LoadPrivateKey(operatorPath);
        return WriteSigned(registry, operatorKey);
    }

    private RegistryDocument WriteSigned(ParticipantRegistry registry, ECDsa operatorKey)
    {
        var document = RegistryDocuments.Sign(registry.ToDocument(), operatorKey);
        File.WriteAllText(RegistryPath, RegistryDocuments.ToJson(document));
        return document;
    }

    /// <summary>Writes <paramref name="key"/> as the private key file <c>&lt;name&gt;.pem</c> of the store (mode 600), replacing what is there; returns its path.</summary>
    public string WritePrivateKey(string name, ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var path = PrivateKeyPath(name);
        OwnerOnlyFile.Write(path, ParticipantKeys.PrivateKeyPem(key));
        return path;
    }

    /// <summary>Writes <paramref name="document"/>, signed already, as the store's <c>registry.json</c> (issue #21: <c>a42 keys rotate/revoke/ceiling</c>).</summary>
    public void WriteRegistry(RegistryDocument document) => File.WriteAllText(RegistryPath, RegistryDocuments.ToJson(document));

    /// <summary>
    /// The operator's public key of the store in <paramref name="directory"/> (<c>operator.pub</c>), what a gateway checks
    /// the mesh's registry document with (issue #21); null when the store holds none.
    /// </summary>
    /// <exception cref="ArgumentException">The file is not a PEM public key.</exception>
    public static ECDsa? OperatorPublicKeyOf(string directory)
    {
        var path = Path.Combine(directory, $"{OperatorKeyName}.pub");
        if (!File.Exists(path))
            return null;
        var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(path));
        return key;
    }

    /// <summary>Path of a participant's (or the operator's) private key file.</summary>
    public string PrivateKeyPath(string id) => Path.Combine(Directory, $"{id}.pem");

    /// <summary>Loads a participant's private key; throws <see cref="FileNotFoundException"/> or <see cref="CryptographicException"/>.</summary>
    public ECDsa LoadPrivateKey(string id)
    {
        var path = PrivateKeyPath(id);
        return File.Exists(path) ? ParticipantKeys.LoadPrivateKey(path) : throw new FileNotFoundException($"{path}: no private key for '{id}'", path);
    }
}
