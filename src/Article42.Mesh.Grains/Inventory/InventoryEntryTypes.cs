namespace Article42.Mesh.Grains;

/// <summary>Entry types of a participant's inventory stream.</summary>
internal static class InventoryEntryTypes
{
    public const string Declared = "declared";
    public const string Reserved = "reserved";
    public const string Released = "released";
}
