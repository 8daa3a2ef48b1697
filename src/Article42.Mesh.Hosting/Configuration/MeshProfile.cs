namespace Article42.Mesh.Hosting.Configuration;

/// <summary>Where a silo finds its peers and keeps its journal (docs/design/architecture.md §6, "Cluster profiles").</summary>
public enum MeshProfile
{
    /// <summary>One silo on localhost, SQLite journal, in-memory reminders: no server needed.</summary>
    Embedded,

    /// <summary>Redis membership and reminders, PostgreSQL journal, any number of silos on any hosts.</summary>
    Cluster,

    /// <summary>As <see cref="Cluster"/>, each silo advertising its pod IP from the downward API.</summary>
    Kubernetes,
}
