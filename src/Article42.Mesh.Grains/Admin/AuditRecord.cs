namespace Article42.Mesh.Grains;

/// <summary>One operator read in the audit log (stream <c>admin/audit</c>): what was asked, and whether it was served.</summary>
internal sealed record AuditRecord(string Operation, string Argument, DateTimeOffset IssuedAt, bool Served, string? RefusedCode, bool Withheld);
