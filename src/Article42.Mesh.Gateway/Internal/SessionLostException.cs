namespace Article42.Mesh.Gateway;

/// <summary>The mesh no longer knows the session (failover, expiry, superseded) even after one re-open; the retry loop opens again.</summary>
internal sealed class SessionLostException() : Exception("the mesh refused the session twice in a row (A42-SES-003)");
