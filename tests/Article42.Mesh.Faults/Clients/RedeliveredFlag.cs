using System.Reflection;

namespace Article42.Mesh.Faults.Clients;

/// <summary>
/// The SDK's <c>Redelivered</c> flag on a handed message, when the SDK has one (issue 19 adds it): read by name so the
/// suite builds against an SDK with or without it, and records an absent flag as absent rather than as false.
/// </summary>
public static class RedeliveredFlag
{
    private static readonly PropertyInfo? Property = typeof(InboxMessage).GetProperty("Redelivered");

    public static bool? Of(InboxMessage message) => Property?.GetValue(message) as bool?;
}
