namespace Article42.Mesh.Gateway;

/// <summary>Why the gateway did not hand a received message to the application (<see cref="ReceivedMessageRejected"/>).</summary>
public enum ReceivedRejection
{
    /// <summary>The signature does not verify against the key its acceptance recorded: the message was altered after it was signed (in the journal, in transit), or signed by another key.</summary>
    SignatureInvalid,

    /// <summary>The key id the mesh recorded is not a key of the sender in the operator-signed registry the gateway holds, even after reading the registry again.</summary>
    UnknownKey,
}
