namespace Article42.Mesh.Protocol;

/// <summary>A participant's stance in a solidarity statement.</summary>
[JsonConverter(typeof(LowerSnakeEnumConverter<SolidarityPosition>))]
public enum SolidarityPosition
{
    FullSupport,
    SupportWithConditions,
    Reserve,
}
