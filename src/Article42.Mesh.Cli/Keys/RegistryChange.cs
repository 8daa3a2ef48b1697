using Article42.Mesh.Protocol;

namespace Article42.Mesh.Cli.Keys;

/// <summary>
/// One operator change (<c>a42 keys rotate/revoke/ceiling</c>), prepared against the registry it applies to: the next
/// version, a sentence saying what it does, its facts for <c>--json</c>, and the key files a rotation writes.
/// </summary>
/// <param name="Change">The command's name: <c>rotate</c>, <c>revoke</c>, <c>ceiling</c>.</param>
/// <param name="Participant">Whose entry changes.</param>
/// <param name="Next">The next version of the registry, unsigned.</param>
/// <param name="Summary">What the change does, for people.</param>
public sealed record RegistryChange(string Change, string Participant, ParticipantRegistry Next, string Summary)
{
    /// <summary>What <c>--json</c> says of the change beyond the common fields: a text, a list of texts, or null.</summary>
    public IReadOnlyList<(string Name, object? Value)> Facts { get; init; } = [];

    /// <summary>The private key files a rotation writes before the mesh hears of the new key, undone if the mesh refuses it.</summary>
    public RotatedKeyFiles? Files { get; init; }
}
