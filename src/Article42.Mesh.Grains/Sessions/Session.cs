namespace Article42.Mesh.Grains;

/// <summary>
/// An open gateway session. A consuming session keeps, per precedence class, the inbox sequence it has been handed
/// up to: within one class sequences only grow, so a message arriving later, of any class, is still found.
/// </summary>
internal sealed class Session(string token, bool consuming, DateTimeOffset expiresAt, string? keyId = null)
{
    /// <summary>The id of the key the session was opened with: revoking it ends the session (issue #21).</summary>
    public string? KeyId { get; } = keyId;
    public string Token { get; } = token;
    public bool Consuming { get; } = consuming;
    public DateTimeOffset ExpiresAt { get; set; } = expiresAt;
    public Dictionary<int, long> HandedUpTo { get; } = [];
    /// <summary>Messages handed to this session and not yet acknowledged: inbox sequence and the message's trace.</summary>
    public Dictionary<string, (long Sequence, System.Diagnostics.ActivityContext Trace)> Handed { get; } = new(StringComparer.Ordinal);
    public IInboxDoorbell? Doorbell { get; set; }
}
