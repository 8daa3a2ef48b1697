namespace Article42.Mesh.Protocol;

/// <summary>The treaty clause an invocation rests on: Art. 42(7) TEU, Art. 222 TFEU, or both.</summary>
[JsonConverter(typeof(UpperSnakeEnumConverter<LegalBasis>))]
public enum LegalBasis
{
    // The naming policy would write TEU427 and TFEU222; the catalogue's names keep the article numbers apart.
    [JsonStringEnumMemberName("TEU_42_7")] Teu427,
    [JsonStringEnumMemberName("TFEU_222")] Tfeu222,
    Both,
}
