using System.Security.Cryptography;
using Article42.Mesh.Protocol;

namespace Article42.Mesh.Cli.Keys;

/// <summary>
/// The files of a rotation in the trust store: the participant's new private key (<c>&lt;ID&gt;.pem</c>, mode 600) and
/// the one it replaces kept as <c>&lt;ID&gt;.&lt;KEY ID&gt;.pem</c>. Written before the update is published, so that no
/// published key ever lacks its private half; undone when the mesh refuses the update.
/// </summary>
public sealed class RotatedKeyFiles(TrustStore store, string participant, ECDsa newKey) : IDisposable
{
    private string? _replaced;

    /// <summary>Where the new private key is written.</summary>
    public string PrivateKey => store.PrivateKeyPath(participant);

    /// <summary>Where the replaced private key is kept, once written; null when the store held none.</summary>
    public string? Backup { get; private set; }

    public void Write()
    {
        if (File.Exists(PrivateKey))
        {
            _replaced = File.ReadAllText(PrivateKey);
            using var old = ParticipantKeys.LoadPrivateKey(PrivateKey);
            Backup = store.WritePrivateKey($"{participant}.{KeyId.Of(ParticipantKeys.PublicKeyOf(old))}", old);
        }
        store.WritePrivateKey(participant, newKey);
    }

    public void Undo()
    {
        if (_replaced is null)
        {
            File.Delete(PrivateKey);
            return;
        }
        using var old = ECDsa.Create();
        old.ImportFromPem(_replaced);
        store.WritePrivateKey(participant, old);
        File.Delete(Backup!);
        Backup = null;
    }

    public void Dispose() => newKey.Dispose();
}
