namespace Article42.Mesh.Faults.Checking;

/// <summary>One broken promise: which, about which message (and recipient), and a sentence for the reader.</summary>
public sealed record Violation(ViolationKind Kind, string MessageId, string? Recipient, string Detail)
{
    public override string ToString() => $"{Kind.ToString().ToLowerInvariant()} {MessageId}{(Recipient is null ? "" : " -> " + Recipient)}: {Detail}";
}
