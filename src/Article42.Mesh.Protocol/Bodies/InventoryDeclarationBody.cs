namespace Article42.Mesh.Protocol;

/// <summary>INVENTORY_DECLARATION: a participant's peacetime pre-declaration of capabilities it could offer.</summary>
[GenerateSerializer, Immutable, Alias("a42.body.inventory-declaration")]
public sealed record InventoryDeclarationBody : MessageBody
{
    /// <summary>Wire field <c>items</c>.</summary>
    [Id(0)] public ImmutableArray<InventoryItem> Items { get => field.IsDefault ? [] : field; init; } = [];

    /// <inheritdoc/>
    public override void Validate(ValidationContext context, string path) =>
        context.RequireItems(Items, $"{path}.items", (item, itemPath) => context.RequirePresent(item, itemPath)?.Validate(context, itemPath));
}
