namespace Article42.Mesh.Benchmarks.Systems.Twin;

/// <summary>
/// What a twin does to a message besides moving it: nothing (<see cref="RawWork"/>, the raw twin), or what no design of
/// the mesh can avoid (<see cref="SignedWork"/>, the crypto twin). The twin's grains and gateways call it at the same
/// three points the mesh does this work: the sending gateway, the silo's edge, the receiving gateway.
/// </summary>
public interface ITwinWork
{
    /// <summary>"raw" or "crypto": the system's name in the report.</summary>
    string Kind { get; }

    /// <summary>The sending gateway: the bytes that go on the wire for one message.</summary>
    byte[] Seal(string from, string messageId, IReadOnlyList<string> to, Precedence precedence);

    /// <summary>The silo's edge, on the submitting participant's grain turn: throws when the bytes are not admissible.</summary>
    void Admit(string participant, byte[] bytes);

    /// <summary>The receiving gateway, before it hands the message to the application.</summary>
    void Open(byte[] bytes);
}
