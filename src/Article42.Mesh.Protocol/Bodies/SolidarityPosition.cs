namespace Article42.Mesh.Protocol;

/// <summary>A participant's stance in a solidarity statement.</summary>
[JsonConverter(typeof(LowerSnakeEnumConverter<SolidarityPosition>))]
public enum SolidarityPosition
{
    /// <summary>Written <c>full_support</c> in JSON.</summary>
    FullSupport,
    /// <summary>Written <c>support_with_conditions</c> in JSON.</summary>
    SupportWithConditions,
    /// <summary>Written <c>reserve</c> in JSON.</summary>
    Reserve,
}
