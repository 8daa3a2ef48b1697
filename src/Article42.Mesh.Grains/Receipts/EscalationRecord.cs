namespace Article42.Mesh.Grains;

/// <summary>What an escalation entry says: whose receipt is missing, at which threshold of the SLO.</summary>
internal sealed record EscalationRecord(string Recipient, int ThresholdPercent);
